package dev.efficientformer.benchmarks.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.benchmarks.ExportFixtures;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.TensorInfo;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exporter's output runs in ONNX Runtime with the reference logits and torch's op structure. */
class EfficientFormerOnnxExportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "model_orig.pth"})
    void tinyV1RunsInOnnxRuntimeWithTheReferenceLogits(String checkpoint) throws Exception {
        Path dir = ExportFixtures.tiny("tiny_v1");
        Path onnx = tmp.resolve("tiny_v1.onnx");
        try (WeightFile w = CheckpointFormat.open(dir.resolve(checkpoint))) {
            EfficientFormerOnnxExport.export(w, onnx);
        }
        float[] logits = OrtLogits.run(onnx, ExportFixtures.readF32(dir.resolve("input.f32")), 1);
        ExportFixtures.assertWithinGate("tiny_v1 (" + checkpoint + ") through ONNX Runtime", ExportFixtures.readF32(dir.resolve("logits.f32")),
                logits);
    }

    @Test
    void fullSizeL1RunsInOnnxRuntimeWithTheReferenceLogits() throws Exception {
        Optional<Path> l1 = ExportFixtures.sharedL1();
        assumeTrue(l1.isPresent(), ExportFixtures::sharedL1Absent);
        Path onnx = tmp.resolve("l1.onnx");
        try (WeightFile w = CheckpointFormat.open(l1.get().resolve("model.safetensors"))) {
            EfficientFormerOnnxExport.export(w, onnx);
        }
        float[] logits = OrtLogits.run(onnx, ExportFixtures.readF32(l1.get().resolve("input.f32")), 2);
        double diff = ExportFixtures.assertWithinGate("L1 through ONNX Runtime", ExportFixtures.readF32(l1.get().resolve("logits.f32")), logits);
        System.out.printf("exported L1 in ONNX Runtime: max|diff| %.3g against logits.f32%n", diff);
    }

    @Test
    void fullSizeL1HasTheOpStructureOfTorchsExport() throws Exception {
        Optional<Path> l1 = ExportFixtures.sharedL1();
        assumeTrue(l1.isPresent(), ExportFixtures::sharedL1Absent);
        Path onnx = tmp.resolve("l1.onnx");
        try (WeightFile w = CheckpointFormat.open(l1.get().resolve("model.safetensors"))) {
            EfficientFormerOnnxExport.export(w, onnx);
        }
        OnnxFileNodes.assertSameStructure(l1.get().resolve("model.onnx"), onnx);
    }

    @Test
    void rejectsACheckpointThatIsNotEfficientFormer() throws Exception {
        // A valid safetensors file holding one tensor no EfficientFormer has.
        byte[] header = "{\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header).putFloat(1f);
        Path other = tmp.resolve("other.safetensors");
        Files.write(other, file.array());
        try (WeightFile w = CheckpointFormat.open(other)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> EfficientFormerOnnxExport.export(w, tmp.resolve("other.onnx")));
            assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        }
        assertTrue(!Files.exists(tmp.resolve("other.onnx")), "nothing written for a rejected checkpoint");
    }

    @Test
    void rejectsWeightsThatV1DoesNotHave() {
        Path dir = ExportFixtures.tiny("tiny_v1");
        try (WeightFile w = CheckpointFormat.open(dir.resolve("model.safetensors")); Arena arena = Arena.ofConfined()) {
            WeightFile extra = withExtraTensor(w, "stages.0.blocks.0.extra.weight", Tensor.fromFloats(arena, new float[4], 4));
            CheckpointException e = assertThrows(CheckpointException.class, () -> EfficientFormerOnnxExport.graph(extra));
            assertTrue(e.getMessage().contains("stages.0.blocks.0.extra.weight"), e.getMessage());
        }
    }

    @Test
    void tinyV1GraphCountsOneAttentionBlocksOps() {
        try (WeightFile w = CheckpointFormat.open(ExportFixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            var counts = EfficientFormerOnnxExport.opCounts(EfficientFormerOnnxExport.graph(w));
            // depths [1, 1, 1, 2], one attention block: 2 stem + 3 downsample + 2 per pool block.
            assertEquals(2 + 3 + 2 * 4, counts.get("Conv"));
            assertEquals(4, counts.get("AveragePool"));
            assertEquals(1, counts.get("Softmax"));
            assertEquals(3, counts.get("LayerNormalization"));
            assertEquals(2, counts.get("Gemm"));
        }
    }

    /** {@code base} with one more float tensor. */
    private static WeightFile withExtraTensor(WeightFile base, String name, Tensor tensor) {
        return new WeightFile() {
            @Override
            public Path path() {
                return base.path();
            }

            @Override
            public String format() {
                return base.format();
            }

            @Override
            public List<String> names() {
                List<String> names = new ArrayList<>(base.names());
                names.add(name);
                return names;
            }

            @Override
            public TensorInfo info(String key) {
                return key.equals(name) ? new TensorInfo(name, tensor.dtype(), tensor.shape()) : base.info(key);
            }

            @Override
            public Tensor tensor(String key) {
                return key.equals(name) ? tensor : base.tensor(key);
            }

            @Override
            public void close() {
            }
        };
    }
}
