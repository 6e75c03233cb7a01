package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bilinear upsampling of V2's strided attention and the GELU after it: one step with the GELU
 * as a post-op where oneDNN runs AVX-512 kernels, two steps elsewhere, and the scalar control's
 * numbers either way. A GELU whose input is read by another node too stays a step of its own.
 */
class UpsampleGeluFusionTest {
    private static final int BATCH = 2;

    @Test
    void theGeluAfterAnUpsamplingIsAPostOpOnAvx512Only() {
        Graph.Builder b = Graph.builder(32, 7, 7);
        Graph g = b.build(b.add(new Ops.Gelu(), b.add(new Ops.Upsample2x(), b.input())));
        List<String> kinds = runAgainstTheControl(g);
        List<String> expected = DnnlIsa.hasAvx512() ? List.of("upsample2x+gelu") : List.of("upsample2x", "gelu");
        assertEquals(expected, kinds.stream().filter(k -> k.startsWith("upsample") || k.equals("gelu")).toList(), kinds.toString());
    }

    @Test
    void anUpsamplingWhoseResultIsAlsoReadElsewhereKeepsItsGeluApart() {
        Graph.Builder b = Graph.builder(32, 7, 7);
        Value up = b.add(new Ops.Upsample2x(), b.input());
        Graph g = b.build(b.add(new Ops.Add(), b.add(new Ops.Gelu(), up), up));
        List<String> kinds = runAgainstTheControl(g);
        assertEquals(List.of("upsample2x", "gelu"), kinds.stream().filter(k -> k.startsWith("upsample") || k.equals("gelu")).toList(),
                kinds.toString());
    }

    private static List<String> runAgainstTheControl(Graph g) {
        DnnlBackend dnnl = new DnnlBackend();
        assumeTrue(dnnl.isAvailable(), dnnl::unavailableReason);
        int in = (int) g.input().elementsPerImage() * BATCH;
        int out = (int) g.output().elementsPerImage() * BATCH;
        try (DnnlPlan plan = (DnnlPlan) dnnl.compile(g, BATCH, 1);
                Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, BATCH, 1);
                Arena arena = Arena.ofConfined()) {
            float[] input = new float[in];
            SplittableRandom random = new SplittableRandom(23);
            for (int i = 0; i < in; i++) {
                input[i] = (float) (random.nextGaussian() * 2);
            }
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
            MemorySegment expected = arena.allocate(out * 4L);
            MemorySegment actual = arena.allocate(out * 4L);
            control.run(x, expected);
            plan.run(x, actual);
            ReferenceCase.assertWithinGate("upsampling and GELU", expected.toArray(ValueLayout.JAVA_FLOAT), actual.toArray(ValueLayout.JAVA_FLOAT));
            return plan.stepKinds();
        }
    }
}
