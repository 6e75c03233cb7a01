package dev.efficientformer.benchmarks.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.JavaTier;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.benchmarks.ExportFixtures;
import dev.efficientformer.benchmarks.SeededRandomCase;
import dev.efficientformer.model.RandomWeights;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The V2 export runs in ONNX Runtime with the reference logits (tiny cases, square and not, both
 * key namings; the full-size S0) and has the op structure of torch's S0 export node for node; the
 * S1, S2 and L shapes the benchmarks export agree with this library's scalar control.
 */
class EfficientFormerV2OnnxExportTest {
    private static final String S0 = "efficientformerv2_s0";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"tiny_v2, model.safetensors, 1, 96, 96", "tiny_v2, model_orig.pth, 1, 96, 96", "tiny_v2_rect, model.safetensors, 2, 96, 64"})
    void tinyV2RunsInOnnxRuntimeWithTheReferenceLogits(String fixture, String checkpoint, int batch, int height, int width) throws Exception {
        Path dir = ExportFixtures.tiny(fixture);
        Path onnx = tmp.resolve(fixture + ".onnx");
        try (WeightFile w = CheckpointFormat.open(dir.resolve(checkpoint))) {
            EfficientFormerOnnxExport.export(w, onnx, height, width);
        }
        float[] logits = OrtLogits.run(onnx, ExportFixtures.readF32(dir.resolve("input.f32")), batch, height, width);
        ExportFixtures.assertWithinGate(fixture + " (" + checkpoint + ") through ONNX Runtime", ExportFixtures.readF32(dir.resolve("logits.f32")),
                logits);
    }

    @Test
    void fullSizeS0RunsInOnnxRuntimeWithTheReferenceLogits() throws Exception {
        Optional<Path> s0 = ExportFixtures.shared(S0);
        assumeTrue(s0.isPresent(), () -> ExportFixtures.sharedAbsent(S0));
        Path onnx = tmp.resolve("s0.onnx");
        try (WeightFile w = CheckpointFormat.open(s0.get().resolve("model.safetensors"))) {
            EfficientFormerOnnxExport.export(w, onnx);
        }
        float[] logits = OrtLogits.run(onnx, ExportFixtures.readF32(s0.get().resolve("input.f32")), 2);
        double diff = ExportFixtures.assertWithinGate("V2-S0 through ONNX Runtime", ExportFixtures.readF32(s0.get().resolve("logits.f32")), logits);
        System.out.printf("exported V2-S0 in ONNX Runtime: max|diff| %.3g against logits.f32%n", diff);
    }

    @Test
    void fullSizeS0HasTheOpStructureOfTorchsExport() throws Exception {
        Optional<Path> s0 = ExportFixtures.shared(S0);
        assumeTrue(s0.isPresent(), () -> ExportFixtures.sharedAbsent(S0));
        Path onnx = tmp.resolve("s0.onnx");
        try (WeightFile w = CheckpointFormat.open(s0.get().resolve("model.safetensors"))) {
            EfficientFormerOnnxExport.export(w, onnx);
        }
        OnnxFileNodes.assertSameStructure(s0.get().resolve("model.onnx"), onnx);
    }

    /**
     * What the benchmarks compare ONNX Runtime with on S1, S2 and L (no reference checkpoint):
     * the exported seeded weights in ORT against this library's scalar control on the same image.
     */
    @ParameterizedTest
    @ValueSource(strings = {"v2-s1", "v2-s2", "v2-l"})
    void randomWeightsAgreeWithTheScalarControl(String model) throws Exception {
        Path onnx = tmp.resolve(model + ".onnx");
        float[] image = SeededRandomCase.image();
        float[] control;
        try (RandomWeights w = SeededRandomCase.weights(model)) {
            EfficientFormerOnnxExport.export(w, onnx);
            try (EfficientFormerModel scalar = EfficientFormerModel.fromWeights(w, ModelOptions.defaults().withBackend("java").withJavaTier(JavaTier.SCALAR))) {
                control = scalar.predict(image);
            }
        }
        float[] ort = OrtLogits.run(onnx, image, 1);
        double diff = ExportFixtures.assertWithinGate(model + " random weights: ONNX Runtime against the scalar control", control, ort);
        System.out.printf("exported %s in ONNX Runtime: max|diff| %.3g against the scalar control%n", model, diff);
    }

    @Test
    void refusesAGridTheAttentionBiasesDoNotFit() {
        try (WeightFile w = CheckpointFormat.open(ExportFixtures.tiny("tiny_v2").resolve("model.safetensors"))) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> EfficientFormerOnnxExport.graph(w, 160, 160));
            assertTrue(e.getMessage().contains("attention_biases"), e.getMessage());
        }
    }

    @Test
    void tinyV2GraphCountsItsOps() {
        try (WeightFile w = CheckpointFormat.open(ExportFixtures.tiny("tiny_v2").resolve("model.safetensors"))) {
            var counts = EfficientFormerOnnxExport.opCounts(EfficientFormerOnnxExport.graph(w, 96, 96));
            var spec = dev.efficientformer.model.EfficientFormerV2GraphBuilder.derive(w);
            int attention = spec.attentionBlocks()[2] + spec.attentionBlocks()[3];
            assertEquals(attention + (spec.attentionDownsample() ? 1 : 0), counts.get("Softmax"), "one softmax per attention");
            assertEquals(spec.attentionBlocks()[2], counts.getOrDefault("Resize", 0), "stage 2's strided attention resizes");
            assertEquals(1, counts.get("BatchNormalization"), "only the final norm stays a BatchNorm");
        }
    }
}
