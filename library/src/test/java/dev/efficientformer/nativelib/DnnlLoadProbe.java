package dev.efficientformer.nativelib;

/** Child-JVM entry point: loads oneDNN and prints what happened (exit 0) or the exception (exit 3). */
public final class DnnlLoadProbe {
    private DnnlLoadProbe() {
    }

    public static void main(String[] args) {
        try {
            DnnlLibrary l = DnnlLibrary.load();
            System.out.println("LOADED " + l.version() + " | " + l.source() + " | " + l.path().orElse(null));
        } catch (NativeLibraryException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(3);
        }
    }
}
