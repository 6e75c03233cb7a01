package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.TensorInfo;
import dev.efficientformer.weights.WeightFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Architectures derived from hostile shapes are refused naming the file, the tensor and the
 * dimension, before anything is built: zero or negative heads, key and value dims, widths,
 * hidden widths and classes, rank-0 weights, block indices that overflow an int.
 */
class SpecDerivationTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1").resolve("model.safetensors");

    /** tiny_v1's tensor list with {@code edit} applied (shapes only: derivation reads no values). */
    private static WeightFile edited(Consumer<Map<String, TensorInfo>> edit) {
        Map<String, TensorInfo> infos = new LinkedHashMap<>();
        try (WeightFile f = CheckpointFormat.open(TINY)) {
            for (String n : f.names()) {
                infos.put(n, f.info(n));
            }
        }
        edit.accept(infos);
        return new WeightFile() {
            @Override public Path path() { return Path.of("edited.safetensors"); }
            @Override public String format() { return "test"; }
            @Override public List<String> names() { return new ArrayList<>(infos.keySet()); }
            @Override public TensorInfo info(String name) { return infos.get(name); }
            @Override public Tensor tensor(String name) { throw new UnsupportedOperationException(); }
            @Override public void close() { }
        };
    }

    private static void reshape(Map<String, TensorInfo> infos, String name, long... dims) {
        infos.put(name, new TensorInfo(name, infos.get(name).dtype(), Shape.of(dims)));
    }

    @Test
    void theTinyModelDerives() {
        EfficientFormerSpec spec = SpecDerivation.derive(edited(m -> { }));
        assertEquals(8, spec.heads());
        assertEquals(4, spec.keyDim());
        assertEquals(10, spec.numClasses());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "head.weight|0,24|number of classes of 0",
        "stages.3.blocks.2.token_mixer.attention_biases|0,49|number of heads of 0",
        "stages.0.blocks.0.ls1.gamma|0|width of 0",
        "stages.0.blocks.0.mlp.fc1.weight|0,8,1,1|MLP hidden width of 0",
        "stages.3.blocks.2.token_mixer.qkv.weight|128,24|key_dim 0 and val_dim 16",
        "stages.3.blocks.2.token_mixer.qkv.weight|64,24|key_dim -4 and val_dim 16",
        "stages.0.blocks.0.mlp.fc1.weight||expected rank at least 1",
    })
    void aNonPositiveDimensionIsRefusedNamingTheTensor(String tensor, String dims, String fragment) {
        long[] shape = dims == null ? new long[0] : java.util.Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray();
        CheckpointException e = assertThrows(CheckpointException.class, () -> SpecDerivation.derive(edited(m -> reshape(m, tensor, shape))));
        assertTrue(e.getMessage().startsWith("edited.safetensors: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void anOverflowingBlockIndexIsRefused() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> SpecDerivation.derive(edited(m -> {
            String name = "stages.0.blocks.99999999999.ls1.gamma";
            m.put(name, new TensorInfo(name, m.get("stages.0.blocks.0.ls1.gamma").dtype(), Shape.of(8L)));
        })));
        assertTrue(e.getMessage().contains("block index of 11 digits"), e.getMessage());
    }
}
