package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.nativelib.DnnlLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The process-wide oneDNN CPU engine. oneDNN engines are thread-safe and cheap to share; one
 * lives as long as the JVM (destroying it would race with plans still in use).
 *
 * <p>Thread-safety: safe from any thread.
 */
final class DnnlEngine {
    private static volatile MemorySegment engine;

    private DnnlEngine() {
    }

    /**
     * The engine, loading oneDNN first if needed.
     *
     * @throws dev.efficientformer.nativelib.NativeLibraryException when oneDNN cannot be loaded
     */
    static MemorySegment get() {
        MemorySegment e = engine;
        if (e != null) {
            return e;
        }
        synchronized (DnnlEngine.class) {
            if (engine == null) {
                DnnlLibrary.load();
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment out = a.allocate(ValueLayout.ADDRESS);
                    DnnlException.check(dnnl_engine_create(out, dnnl_cpu(), 0), "create the CPU engine");
                    engine = out.get(ValueLayout.ADDRESS, 0);
                }
            }
            return engine;
        }
    }
}
