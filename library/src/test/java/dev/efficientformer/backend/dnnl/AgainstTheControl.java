package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** A graph compiled for oneDNN and run beside the scalar control on one input, for the lowering tests. */
final class AgainstTheControl {
    private AgainstTheControl() {
    }

    /**
     * Runs {@code g} at {@code batch} on oneDNN (skipping the test where it is unavailable) and on
     * the scalar control, asserts that the outputs agree within the reference gate, and returns the
     * oneDNN plan's step kinds.
     */
    static List<String> stepKinds(String what, Graph g, int batch, float[] input) {
        DnnlBackend dnnl = new DnnlBackend();
        assumeTrue(dnnl.isAvailable(), dnnl::unavailableReason);
        int out = (int) g.output().elementsPerImage() * batch;
        try (DnnlPlan plan = (DnnlPlan) dnnl.compile(g, batch, 1);
                Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, batch, 1);
                Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
            MemorySegment expected = arena.allocate(out * 4L);
            MemorySegment actual = arena.allocate(out * 4L);
            control.run(x, expected);
            plan.run(x, actual);
            ReferenceCase.assertWithinGate(what, expected.toArray(ValueLayout.JAVA_FLOAT), actual.toArray(ValueLayout.JAVA_FLOAT));
            return plan.stepKinds();
        }
    }
}
