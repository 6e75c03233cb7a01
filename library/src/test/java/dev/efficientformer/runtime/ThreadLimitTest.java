package dev.efficientformer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.Limits;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.nativelib.DnnlLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thread counts are checked once, before any native code sees them: thousands of threads (which
 * crashed oneDNN's OpenMP with SIGSEGV, and cost the java backend 14 s and 4.5 GB) are refused by
 * the options and by every backend's compile, naming the limit; so is a count the process's
 * {@code ulimit -u} cannot take.
 */
class ThreadLimitTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(Limits.THREADS.property());
    }

    @Test
    void thousandsOfThreadsAreRefusedByTheOptions() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withThreads(10_000));
        assertTrue(e.getMessage().contains("10000 threads per prediction exceed the limit of 256")
                && e.getMessage().contains("-Defficientformer.limits.threads"), e.getMessage());
        assertEquals(256, ModelOptions.defaults().withThreads(256).threads());
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withThreads(0));
        System.setProperty(Limits.THREADS.property(), "4");
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withThreads(5));
    }

    @Test
    void everyBackendRefusesBeforeCompiling() {
        Graph.Builder b = Graph.builder(4, 3);
        Graph g = b.build(b.add(new Ops.Relu(), b.input()));
        for (Backend backend : new Backend[] {new JavaBackend(JavaBackend.Tier.SCALAR), new DnnlBackend()}) {
            if (backend instanceof DnnlBackend && !DnnlLibrary.isAvailable()) {
                continue;
            }
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> backend.compile(g, 1, 10_000), backend.name());
            assertTrue(e.getMessage().contains("exceed the limit"), e.getMessage());
        }
    }

    @Test
    void theProcessLimitIsReadFromProc() throws IOException {
        Path limits = Files.writeString(dir.resolve("limits"), """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max processes             300                  4000                 processes
                """);
        assertEquals(Optional.of(300L), ThreadLimit.processLimit(limits));
        Path unlimited = Files.writeString(dir.resolve("unlimited"), "Max processes             unlimited            unlimited            processes\n");
        assertEquals(Optional.empty(), ThreadLimit.processLimit(unlimited));
        assertEquals(Optional.empty(), ThreadLimit.processLimit(dir.resolve("missing")));
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nThreads:\t27\n");
        assertEquals(Optional.of(27L), ThreadLimit.threadsOfThisProcess(status));
        // This JVM itself: its thread count is read, and a small request is within its limit.
        assertTrue(ThreadLimit.threadsOfThisProcess(Path.of("/proc/self/status")).orElse(1L) > 0);
        assertEquals(2, ThreadLimit.check(2));
    }
}
