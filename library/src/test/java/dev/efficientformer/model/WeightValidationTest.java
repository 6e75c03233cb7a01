package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights the reference would turn into NaN logits, or a buffer the reference uses that disagrees
 * with what the library derives, are refused at load naming the file and the tensor, instead of
 * giving finite, plausible logits.
 */
class WeightValidationTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1").resolve("model.safetensors");

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(WeightReader.ALLOW_NON_FINITE_PROPERTY);
    }

    /** A copy of tiny_v1 with the first element of {@code tensor} overwritten by {@code bytes} (little-endian). */
    private Path patched(String tensor, ByteBuffer bytes) throws IOException {
        byte[] file = Files.readAllBytes(TINY);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) b.getLong(0);
        Map<String, Object> header = Json.parseObject(new String(file, 8, headerLength, StandardCharsets.UTF_8));
        Map<?, ?> info = (Map<?, ?>) header.get(tensor);
        long begin = (Long) ((List<?>) info.get("data_offsets")).get(0);
        bytes.flip();
        b.position((int) (8 + headerLength + begin));
        b.put(bytes);
        return Files.write(dir.resolve("patched.safetensors"), file);
    }

    @Test
    void aNanWeightIsRefusedUnlessAllowed() throws IOException {
        Path file = patched("stages.3.blocks.2.token_mixer.qkv.weight", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> EfficientFormerModel.load(file, ModelOptions.defaults().withBackend("java")).close());
        assertTrue(e.getMessage().startsWith(file + ": tensor \"stages.3.blocks.2.token_mixer.qkv.weight\" holds NaN at index 0"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-D" + WeightReader.ALLOW_NON_FINITE_PROPERTY + "=true"), e.getMessage());
        System.setProperty(WeightReader.ALLOW_NON_FINITE_PROPERTY, "true");
        EfficientFormerModel.load(file, ModelOptions.defaults().withBackend("java")).close();
    }

    @Test
    void anInfiniteLayerScaleIsRefused() throws IOException {
        Path file = patched("stages.0.blocks.0.ls1.gamma", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NEGATIVE_INFINITY));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> EfficientFormerModel.load(file, ModelOptions.defaults().withBackend("java")).close());
        assertTrue(e.getMessage().contains("\"stages.0.blocks.0.ls1.gamma\" holds -Infinity"), e.getMessage());
    }

    @Test
    void attentionBiasIndicesThatDisagreeWithTheGridAreRefused() throws IOException {
        // [0, 0] is 0 on every grid (a query and itself); 5 points at another bias.
        Path file = patched("stages.3.blocks.2.token_mixer.attention_bias_idxs", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(5));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> EfficientFormerModel.load(file, ModelOptions.defaults().withBackend("java")).close());
        assertTrue(e.getMessage().startsWith(file + ": tensor \"stages.3.blocks.2.token_mixer.attention_bias_idxs\" has 5 at [0, 0]"
                + " where the 7x7 grid gives 0"), e.getMessage());
    }
}
