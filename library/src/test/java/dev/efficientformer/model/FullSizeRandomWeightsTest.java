package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.FoldBatchNorm;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * L1, L3 and L7 built from their exact key lists with random weights: the architecture derived
 * from the shapes is the published one, and oneDNN on the optimised graph, at both matmul
 * precisions, agrees stage by stage with the Java vector tier on the graph as built with only its
 * BatchNorms folded (the one rewrite every backend needs; the scalar control would take a minute
 * for L7, and {@code GraphPassesTest} checks the fold against it).
 */
class FullSizeRandomWeightsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "efficientformer_l1, '48,96,224,448', '3,2,6,4', 1",
        "efficientformer_l3, '64,128,320,512', '4,4,12,6', 4",
        "efficientformer_l7, '96,192,384,768', '6,6,18,8', 8",
    })
    void oneDnnAgreesWithTheScalarControl(String variant, String widths, String depths, int vit) {
        try (RandomWeights w = RandomWeights.of(variant, 42)) {
            EfficientFormerSpec spec = SpecDerivation.derive(w);
            assertEquals(widths, join(spec.widths()), "widths of " + variant);
            assertEquals(depths, join(spec.depths()), "depths of " + variant);
            assertEquals(vit, spec.numVit());
            assertEquals(8, spec.heads());
            assertEquals(32, spec.keyDim());
            assertEquals(128, spec.valDim());
            assertEquals(1000, spec.numClasses());

            Graph reference = EfficientFormerGraphBuilder.build(w, spec, 224, 224);
            Graph optimized = GraphPasses.optimize(reference);
            float[] image = new float[3 * 224 * 224];
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) r.nextGaussian();
            }
            // bf16x3 (precision high) on one thread, where it replaces the most layers.
            try (Plan control = new JavaBackend(JavaBackend.Tier.VECTOR).compile(FoldBatchNorm.apply(reference), 1, 1);
                 Plan dnnl = new DnnlBackend().compile(optimized, 1, 2);
                 Plan bf16x3 = new DnnlBackend(MatmulPrecision.HIGH).compile(optimized, 1, 1);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, image);
                MemorySegment expected = arena.allocate(4000);
                control.run(in, expected);
                float[] e = expected.toArray(ValueLayout.JAVA_FLOAT);
                for (Plan p : List.of(dnnl, bf16x3)) {
                    String what = variant + (p == bf16x3 ? " precision high" : "");
                    MemorySegment actual = arena.allocate(4000);
                    p.run(in, actual);
                    for (String tap : reference.taps().keySet()) {
                        ReferenceCase.assertWithinGate(what + " " + tap, control.tap(tap), p.tap(tap));
                    }
                    ReferenceCase.assertWithinGate(what + " logits", e, actual.toArray(ValueLayout.JAVA_FLOAT));
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
        return java.util.Arrays.stream(a).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
    }
}
