package dev.efficientformer.backend;

/**
 * Child-JVM probe for {@link BackendSelectorTest}: selects a backend twice (the second time must
 * not log again) and prints {@code SELECTED <name>}, or {@code FAILED <message>} and exits 3.
 */
public final class BackendSelectorProbe {
    private BackendSelectorProbe() {
    }

    public static void main(String[] args) {
        try {
            String first = BackendSelector.select(args[0]).name();
            String second = BackendSelector.select(args[0]).name();
            System.out.println("SELECTED " + first + (first.equals(second) ? "" : " then " + second));
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(3);
        }
    }
}
