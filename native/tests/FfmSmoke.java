import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Smoke check of the shim from Java (used by native/test-aarch64.sh on the arm64 JDK under qemu):
 * loads libefficientformer_acl.so with java.lang.foreign, prints efacl_version() and
 * efacl_cpu_info(), and runs one softmax through caller memory. Exits 1 on any mismatch.
 *
 * Usage: java --enable-native-access=ALL-UNNAMED FfmSmoke /path/to/libefficientformer_acl.so
 */
public final class FfmSmoke {
    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lib = SymbolLookup.libraryLookup(Path.of(args[0]), arena);
            FunctionDescriptor noArgsString = FunctionDescriptor.of(ValueLayout.ADDRESS);
            MethodHandle version = linker.downcallHandle(lib.findOrThrow("efacl_version"), noArgsString);
            MethodHandle cpuInfo = linker.downcallHandle(lib.findOrThrow("efacl_cpu_info"), noArgsString);
            MethodHandle lastError = linker.downcallHandle(lib.findOrThrow("efacl_last_error"), noArgsString);
            MethodHandle create = linker.downcallHandle(lib.findOrThrow("efacl_softmax_create"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            MethodHandle run = linker.downcallHandle(lib.findOrThrow("efacl_softmax_run"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MethodHandle destroy = linker.downcallHandle(lib.findOrThrow("efacl_softmax_destroy"),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

            System.out.println("java: " + str((MemorySegment) version.invokeExact()));
            System.out.println("java: " + str((MemorySegment) cpuInfo.invokeExact()));

            // An error comes back as a status and a message, never as a crash.
            int bad = (int) create.invokeExact(MemorySegment.NULL, 1, 1);
            String message = str((MemorySegment) lastError.invokeExact());
            boolean ok = bad == -1 && message.contains("out");
            System.out.println("java: bad call -> " + bad + " \"" + message + "\"");

            // softmax([0, ln 3]) = [0.25, 0.75], computed on off-heap memory owned by the arena.
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            int st = (int) create.invokeExact(out, 1, 2);
            MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 0f, (float) Math.log(3));
            MemorySegment y = arena.allocate(ValueLayout.JAVA_FLOAT, 2);
            int st2 = (int) run.invokeExact(op, x, y);
            destroy.invokeExact(op);
            float y0 = y.getAtIndex(ValueLayout.JAVA_FLOAT, 0), y1 = y.getAtIndex(ValueLayout.JAVA_FLOAT, 1);
            ok &= st == 0 && st2 == 0 && Math.abs(y0 - 0.25f) < 1e-6 && Math.abs(y1 - 0.75f) < 1e-6;
            System.out.println("java: softmax([0, ln 3]) = [" + y0 + ", " + y1 + "]");
            System.out.println(ok ? "java: FFM smoke check passed" : "java: FFM smoke check FAILED");
            System.exit(ok ? 0 : 1);
        }
    }

    private static String str(MemorySegment p) {
        return p.reinterpret(4096).getString(0);
    }
}
