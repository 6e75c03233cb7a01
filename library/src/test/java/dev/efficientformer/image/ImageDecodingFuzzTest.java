package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.efficientformer.EfficientFormerException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz test of the image path: decoding bytes (PNG, JPEG, GIF, BMP, TIFF: whatever
 * {@code javax.imageio} recognises) with a pixel limit, converting to RGB, resizing, cropping and
 * normalising. Every input must end in a {@code [3, 224, 224]} tensor or in an
 * {@link EfficientFormerException} (an {@link ImageDecodingException}); anything else, including
 * an {@link OutOfMemoryError} from a decompression bomb, is a finding.
 *
 * <p>The limit is 4 megapixels so that a fuzzed image can never need more than about 100 MB. Seeds:
 * {@code ImageDecodingFuzzTestInputs/decodeAndPreprocess/}.
 */
class ImageDecodingFuzzTest {
    /** Longer than any input may take: Jazzer reports a slower one as a timeout (a hang). */
    static final long INPUT_TIMEOUT_SECONDS = 10;

    private static final ImageDecoder DECODER = ImageDecoder.withMaxPixels(4L << 20);
    private static final ImagePreprocessor PREPROCESSOR = new ImagePreprocessor(PreprocessConfig.imagenetDefault(), DECODER);

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = INPUT_TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void decodeAndPreprocess(byte[] input) {
        RgbImage image;
        try {
            image = DECODER.decode(input, "fuzz-image");
        } catch (ImageDecodingException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertTrue(e.getMessage().contains("fuzz-image"), e.getMessage());
            return;
        }
        assertTrue((long) image.width() * image.height() <= DECODER.maxPixels(), image.width() + "x" + image.height());
        float[] chw = PREPROCESSOR.toChw(image);
        assertEquals(3 * 224 * 224, chw.length);
    }
}
