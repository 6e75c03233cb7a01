package dev.efficientformer.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.model.EfficientFormerGraphBuilder;
import dev.efficientformer.model.SpecDerivation;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vector tier fuses what the optimised graph allows, and describes itself. */
class VectorPlanFusionTest {

    @Test
    void everyActivationResidualAndPoolMixerIsFused() {
        assumeTrue(JavaBackend.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            Graph g = GraphPasses.optimize(EfficientFormerGraphBuilder.build(f, SpecDerivation.derive(f), 224, 224));
            try (VectorPlan p = VectorPlanCompiler.compile(g, 1, 2)) {
                List<String> kinds = Arrays.asList(p.stepKinds());
                for (String standalone : List.of("gelu", "relu", "add", "sub", "scale", "avgpool")) {
                    assertTrue(!kinds.contains(standalone), standalone + " left unfused in " + kinds);
                }
                assertTrue(kinds.contains("pool_mixer"), kinds.toString());
                assertTrue(kinds.contains("conv3x3+relu"), kinds.toString());
                assertTrue(kinds.stream().anyMatch(k -> k.startsWith("conv1x1+gelu")), kinds.toString());
                assertTrue(kinds.contains("conv1x1+add"), kinds.toString());
                assertTrue(kinds.contains("linear+gelu"), kinds.toString());
                assertTrue(kinds.contains("linear+add"), kinds.toString());
                assertTrue(p.describe().startsWith("java (vector, " + VectorTier.bits() + "-bit, " + VectorTier.lanes()
                        + " float lanes) batch 1, 2 threads"), p.describe());
            }
        }
    }

    @Test
    void tierReporting() {
        assertEquals("scalar", new JavaBackend(JavaBackend.Tier.SCALAR).describeTier());
        assertEquals(0, new JavaBackend(JavaBackend.Tier.SCALAR).vectorBits());
        if (JavaBackend.vectorModulePresent()) {
            JavaBackend v = new JavaBackend(JavaBackend.Tier.VECTOR);
            assertEquals(v.vectorBits() / 32, v.vectorLanes());
            assertTrue(v.describeTier().startsWith("vector, " + v.vectorBits() + "-bit"), v.describeTier());
        }
    }
}
