package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint from bytes, a ByteBuffer, a stream or a class-path resource gives the same logits
 * as from its file, in both formats; broken bytes name the given name.
 */
class LoadFromMemoryTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1");

    private static float[] logits(EfficientFormerModel m) {
        try (m) {
            return m.predict(Fixtures.readF32(TINY.resolve("input.f32")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "model_orig.pth"})
    void everySourceGivesTheFilesLogits(String file) throws Exception {
        ModelOptions o = ModelOptions.defaults().withBackend("java");
        float[] expected = logits(EfficientFormerModel.load(TINY.resolve(file), o));
        byte[] bytes = Files.readAllBytes(TINY.resolve(file));
        assertArrayEquals(expected, logits(EfficientFormerModel.load(MemorySegment.ofArray(bytes), file, o)));
        assertArrayEquals(expected, logits(EfficientFormerModel.load(MemorySegment.ofBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()), file, o)));
        assertArrayEquals(expected, logits(EfficientFormerModel.load(new ByteArrayInputStream(bytes), file, o)));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/tiny/tiny_v1/" + file)) {
            assertArrayEquals(expected, logits(EfficientFormerModel.load(in, "classpath:" + file, o)));
        }
    }

    @Test
    void brokenBytesNameTheirSource() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> EfficientFormerModel.load(MemorySegment.ofArray(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), "upload-42", ModelOptions.defaults()));
        assertTrue(e.getMessage().startsWith("upload-42: "), e.getMessage());
    }
}
