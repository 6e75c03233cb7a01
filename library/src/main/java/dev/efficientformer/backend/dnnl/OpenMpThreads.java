package dev.efficientformer.backend.dnnl;

import dev.efficientformer.runtime.ThreadStartProbe;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Sets the OpenMP thread count that oneDNN's parallel regions use. The bundled oneDNN runs on
 * OpenMP (libgomp), whose thread count is a per-calling-thread setting, so a plan sets it on the
 * thread that runs it, every run: that is what makes a plan's thread count exact whichever JVM
 * thread runs it. libgomp's API is two functions, bound here directly rather than through a
 * header (the oneDNN jar ships no {@code omp.h}).
 *
 * <p>Thread-safety: safe from any thread.
 */
final class OpenMpThreads {
    private static final MethodHandle SET = find("omp_set_num_threads", FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    private static final MethodHandle GET_MAX = find("omp_get_max_threads", FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private OpenMpThreads() {
    }

    private static MethodHandle find(String name, FunctionDescriptor d) {
        // libgomp is already loaded as oneDNN's dependency; finding it by soname does not load another copy.
        Optional<MemorySegment> sym;
        try {
            sym = SymbolLookup.libraryLookup("libgomp.so.1", Arena.global()).find(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return sym.map(s -> Linker.nativeLinker().downcallHandle(s, d)).orElse(null);
    }

    /** Whether the thread count can be set (false when oneDNN does not use libgomp). */
    static boolean isAvailable() {
        return SET != null;
    }

    /**
     * Sets the calling thread's OpenMP thread count, after proving that its team can start: libgomp
     * exits the process when it cannot create a team thread.
     *
     * @throws dev.efficientformer.EfficientFormerException when the team's threads cannot be started
     */
    static void set(int threads) {
        if (SET == null) {
            return;
        }
        ThreadStartProbe.ensure(threads, "oneDNN's OpenMP team");
        try {
            SET.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("omp_set_num_threads failed", t);
        }
    }

    /** The calling thread's OpenMP thread count (0 when unknown). */
    static int maxThreads() {
        if (GET_MAX == null) {
            return 0;
        }
        try {
            return (int) GET_MAX.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("omp_get_max_threads failed", t);
        }
    }
}
