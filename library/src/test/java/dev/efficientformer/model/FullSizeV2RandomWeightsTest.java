package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EfficientFormerV2 S0, S1, S2 and L built from their exact key lists with random weights: the
 * architecture derived from the shapes is the published one (timm's widths, depths and attention
 * blocks), and the vector tier (two threads) and oneDNN (where it loads) on the optimised graph
 * agree stage by stage with the scalar control on the unoptimised graph, at batch 2.
 */
class FullSizeV2RandomWeightsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "efficientformerv2_s0, '32,48,96,176', '2,2,6,4', '0,0,2,2'",
        "efficientformerv2_s1, '32,48,120,224', '3,3,9,6', '0,0,2,2'",
        "efficientformerv2_s2, '32,64,144,288', '4,4,12,8', '0,0,4,4'",
        "efficientformerv2_l, '40,80,192,384', '5,5,15,10', '0,0,6,6'",
    })
    void theVectorTierAndOneDnnAgreeWithTheScalarControl(String variant, String widths, String depths, String attention) {
        try (RandomWeights w = RandomWeights.of(variant, 42)) {
            EfficientFormerV2Spec spec = EfficientFormerV2GraphBuilder.derive(w);
            assertEquals(widths, join(spec.widths()), "widths of " + variant);
            assertEquals(depths, join(spec.depths()), "depths of " + variant);
            assertEquals(attention, join(spec.attentionBlocks()), "attention blocks of " + variant);
            assertTrue(spec.attentionDownsample());
            assertEquals(1000, spec.numClasses());
            assertTrue(spec.distilled());

            Graph reference = EfficientFormerV2GraphBuilder.build(w, spec, 224, 224);
            Graph optimized = GraphPasses.optimize(reference);
            int batch = 2;
            float[] images = new float[batch * 3 * 224 * 224];
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < images.length; i++) {
                images[i] = (float) r.nextGaussian();
            }
            try (Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(reference, batch, 1);
                 Plan vector = new JavaBackend(JavaBackend.Tier.VECTOR).compile(optimized, batch, 2);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, images);
                MemorySegment expected = arena.allocate(batch * 4000L);
                control.run(in, expected);
                float[] e = expected.toArray(ValueLayout.JAVA_FLOAT);
                java.util.List<Plan> plans = new java.util.ArrayList<>(java.util.List.of(vector));
                DnnlBackend dnnl = new DnnlBackend();
                if (dnnl.isAvailable()) {
                    plans.add(dnnl.compile(optimized, batch, 2));
                }
                try {
                    for (Plan p : plans) {
                        String what = variant + " on " + p.describe();
                        MemorySegment actual = arena.allocate(batch * 4000L);
                        p.run(in, actual);
                        for (String tap : reference.taps().keySet()) {
                            ReferenceCase.assertWithinGate(what + " " + tap, control.tap(tap), p.tap(tap));
                        }
                        ReferenceCase.assertLogitsMatch(what, e, actual.toArray(ValueLayout.JAVA_FLOAT), batch);
                    }
                } finally {
                    for (Plan p : plans.subList(1, plans.size())) {
                        p.close();
                    }
                }
                double spread = 0;
                for (float v : e) {
                    spread = Math.max(spread, Math.abs(v));
                }
                assertTrue(spread > 1e-3, "random weights give non-trivial logits (max |logit| " + spread + ")");
            }
        }
    }

    private static String join(int[] a) {
        return Arrays.stream(a).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
    }
}
