package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.acl.AclBackend;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import dev.efficientformer.backend.java.JavaBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Predicting into caller memory allocates nothing on the Java heap once the plan exists. Measured
 * with the JVM's per-thread allocation counter (com.sun.management.ThreadMXBean), which counts
 * every TLAB byte handed out to this thread.
 */
class SteadyStateAllocationTest {

    /**
     * {@code tier} is the java backend's tier (forced through its system property for the load),
     * ignored for dnnl and acl. The vector tier is checked with one and two threads: with two, the
     * worker pool must not allocate either (only the calling thread's counter is read, but the
     * dispatch happens there). acl is skipped where it cannot run (off linux-arm64).
     */
    @ParameterizedTest(name = "{0} {1} {2} thread(s)")
    @CsvSource({"dnnl, -, 1", "java, scalar, 1", "java, vector, 1", "java, vector, 2", "acl, -, 1"})
    void steadyStatePredictionsDoNotAllocate(String backend, String tier, int threads) {
        if (backend.equals("acl")) {
            AclBackend acl = new AclBackend();
            assumeTrue(acl.isAvailable(), () -> "acl is not available here: " + acl.unavailableReason());
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        String previous = System.getProperty(JavaBackend.TIER_PROPERTY);
        if (backend.equals("java")) {
            System.setProperty(JavaBackend.TIER_PROPERTY, tier);
        }
        EfficientFormerModel model;
        try {
            model = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"),
                    ModelOptions.defaults().withBackend(backend).withThreads(threads));
        } finally {
            if (previous == null) {
                System.clearProperty(JavaBackend.TIER_PROPERTY);
            } else {
                System.setProperty(JavaBackend.TIER_PROPERTY, previous);
            }
        }
        boolean scalar = tier.equals("scalar");
        try (EfficientFormerModel m = model;
             Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, c.input());
            MemorySegment out = arena.allocate(40);
            // Enough runs for C2 to compile every vector kernel (before that, vectors are objects).
            int warmup = scalar ? 50 : 2000;
            for (int i = 0; i < warmup; i++) {
                m.predict(in, 1, out);
            }
            long tid = Thread.currentThread().threadId();
            int runs = scalar ? 50 : 1000;
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < runs; i++) {
                m.predict(in, 1, out);
            }
            long perRun = (mx.getThreadAllocatedBytes(tid) - before) / runs;
            // A handful of bytes can come from the JIT deoptimising; one object per run would be >= 16.
            assertTrue(perRun < 16, backend + " " + tier + " " + threads + " thread(s): " + perRun + " bytes allocated per prediction");
        }
    }
    /**
     * A batch that splits (two threads, batch 2, memory the workers can read) allocates nothing
     * either: not on the calling thread, not on the model's worker thread.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dnnl", "java"})
    void splitPredictionsDoNotAllocate(String backend) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        ModelOptions options = ModelOptions.defaults().withBackend(backend).withThreads(2).withThreadPolicy(ThreadPolicy.FIXED);
        if (backend.equals("java")) {
            assumeTrue(JavaBackend.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
            options = options.withJavaTier(JavaTier.VECTOR);
        }
        try (EfficientFormerModel m = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"), options);
             Arena arena = Arena.ofShared()) {
            MemorySegment in = arena.allocate((long) 2 * c.input().length * Float.BYTES, Float.BYTES);
            MemorySegment.copy(c.input(), 0, in, ValueLayout.JAVA_FLOAT, 0, c.input().length);
            MemorySegment.copy(c.input(), 0, in, ValueLayout.JAVA_FLOAT, (long) c.input().length * Float.BYTES, c.input().length);
            MemorySegment out = arena.allocate(2 * 40);
            // Enough runs for C2 to compile every vector kernel (before that, vectors are objects).
            for (int i = 0; i < 3000; i++) {
                m.predict(in, 2, out);
            }
            assertTrue(m.hasPlansFor(1), "batch 2 on two threads ran as two parts");
            List<Long> threads = new ArrayList<>();
            threads.add(Thread.currentThread().threadId());
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("efficientformer-batch-part")) {
                    threads.add(t.threadId());
                }
            }
            assertTrue(threads.size() >= 2, "a worker thread runs the second part");
            long[] before = new long[threads.size()];
            for (int k = 0; k < before.length; k++) {
                before[k] = mx.getThreadAllocatedBytes(threads.get(k));
            }
            int runs = 1000;
            for (int i = 0; i < runs; i++) {
                m.predict(in, 2, out);
            }
            for (int k = 0; k < before.length; k++) {
                long perRun = (mx.getThreadAllocatedBytes(threads.get(k)) - before[k]) / runs;
                assertTrue(perRun < 16, (k == 0 ? "calling thread" : "worker") + ": " + perRun + " bytes allocated per split prediction");
            }
        }
    }
}
