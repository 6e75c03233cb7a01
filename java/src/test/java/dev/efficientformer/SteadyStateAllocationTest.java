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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Predicting into caller memory allocates nothing on the Java heap once the plan exists. Measured
 * with the JVM's per-thread allocation counter (com.sun.management.ThreadMXBean), which counts
 * every TLAB byte handed out to this thread.
 */
class SteadyStateAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java", "acl"})
    void steadyStatePredictionsDoNotAllocate(String backend) {
        if (backend.equals("acl")) {
            AclBackend acl = new AclBackend();
            assumeTrue(acl.isAvailable(), () -> "acl is not available here: " + acl.unavailableReason());
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        try (EfficientFormerModel m = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"),
                ModelOptions.defaults().withBackend(backend));
             Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, c.input());
            MemorySegment out = arena.allocate(40);
            int warmup = backend.equals("java") ? 50 : 2000;
            for (int i = 0; i < warmup; i++) {
                m.predict(in, 1, out);
            }
            long tid = Thread.currentThread().threadId();
            int runs = backend.equals("java") ? 50 : 1000;
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < runs; i++) {
                m.predict(in, 1, out);
            }
            long perRun = (mx.getThreadAllocatedBytes(tid) - before) / runs;
            // A handful of bytes can come from the JIT deoptimising; one object per run would be >= 16.
            assertTrue(perRun < 16, backend + ": " + perRun + " bytes allocated per prediction");
        }
    }
}
