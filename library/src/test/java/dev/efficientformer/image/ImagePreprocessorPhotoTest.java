package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four scikit-image photos against tensors produced by timm's eval transform (PIL + torchvision).
 * Tolerance: one 8-bit level after normalisation, {@code 1/255/min(std)}.
 */
class ImagePreprocessorPhotoTest {
    private static final float TOLERANCE = 1f / 255f / 0.224f + 1e-6f;

    @ParameterizedTest
    @ValueSource(strings = {"chelsea", "coffee", "camera", "astronaut"})
    void matchesTimmEvalTransform(String name) throws IOException {
        Map<String, Object> entry = fixtureEntry(name);
        Path image = Fixtures.resource("preprocess/images/" + name + ".png");
        assertEquals(entry.get("image_sha256"), sha256(image), name + ".png is not the fixture's source image");

        float[] expected = Fixtures.readF32(Fixtures.resource("preprocess/" + entry.get("expected")));
        float[] actual = ImagePreprocessor.imagenetDefault().toChw(image);
        List<?> shape = (List<?>) entry.get("shape");
        assertArrayEquals(new long[] {3, 224, 224}, shape.stream().mapToLong(o -> (Long) o).toArray());
        assertEquals(expected.length, actual.length, "element count");

        double maxDiff = 0;
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            maxDiff = Math.max(maxDiff, d);
            if (d > 1e-6) {
                differing++;
            }
        }
        String report = name + ": max |diff| " + maxDiff + ", " + differing + " of " + expected.length
                + " elements differ by more than 1e-6";
        System.out.println(report);
        assertTrue(maxDiff <= TOLERANCE, report + " (tolerance " + TOLERANCE + ")");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixtureEntry(String name) throws IOException {
        Map<String, Object> all = Json.parseObject(Files.readString(Fixtures.resource("preprocess/expected.json")));
        return (Map<String, Object>) all.get(name);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
