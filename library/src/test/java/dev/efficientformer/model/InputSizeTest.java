package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Any image whose last stage is 7x7 works (193 to 224 per side, not necessarily square); others are refused. */
class InputSizeTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"193, 193", "193, 211", "224, 200", "208, 224"})
    void oddSizesAgreeWithTheScalarControl(int height, int width) {
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            Graph g = EfficientFormerGraphBuilder.build(f, SpecDerivation.derive(f), height, width);
            float[] image = new float[3 * height * width];
            SplittableRandom r = new SplittableRandom(height * 1000L + width);
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) r.nextGaussian();
            }
            try (Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, 1, 1);
                 Plan dnnl = new DnnlBackend().compile(GraphPasses.optimize(g), 1, 1);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, image);
                MemorySegment a = arena.allocate(40);
                MemorySegment b = arena.allocate(40);
                control.run(in, a);
                dnnl.run(in, b);
                ReferenceCase.assertWithinGate(height + "x" + width + " stage_3", control.tap("stage_3"), dnnl.tap("stage_3"));
                ReferenceCase.assertWithinGate(height + "x" + width + " logits", a.toArray(ValueLayout.JAVA_FLOAT), b.toArray(ValueLayout.JAVA_FLOAT));
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"192, 224", "224, 225", "256, 256", "32, 32"})
    void sizesWithoutASevenBySevenLastStageAreRefused(int height, int width) {
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            EfficientFormerException e = assertThrows(EfficientFormerException.class,
                    () -> EfficientFormerGraphBuilder.build(f, SpecDerivation.derive(f), height, width));
            assertTrue(e.getMessage().contains("193 to 224 pixels per side"), e.getMessage());
        }
    }
}
