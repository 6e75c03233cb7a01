package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
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
        List<String> expected = DnnlIsa.hasAvx512() ? List.of("upsample2x+gelu") : List.of("upsample2x", "gelu");
        assertEquals(expected, upsamplingSteps(g));
    }

    @Test
    void anUpsamplingWhoseResultIsAlsoReadElsewhereKeepsItsGeluApart() {
        Graph.Builder b = Graph.builder(32, 7, 7);
        Value up = b.add(new Ops.Upsample2x(), b.input());
        Graph g = b.build(b.add(new Ops.Add(), b.add(new Ops.Gelu(), up), up));
        assertEquals(List.of("upsample2x", "gelu"), upsamplingSteps(g));
    }

    /** The plan's upsampling and GELU steps, once its numbers match the control's. */
    private static List<String> upsamplingSteps(Graph g) {
        float[] input = new float[(int) g.input().elementsPerImage() * BATCH];
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (random.nextGaussian() * 2);
        }
        return AgainstTheControl.stepKinds("upsampling and GELU", g, BATCH, input).stream()
                .filter(k -> k.startsWith("upsample") || k.equals("gelu")).toList();
    }
}
