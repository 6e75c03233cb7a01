package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.tensor.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A non-square input size gets timm's non-square eval transform: {@code ResizeKeepRatio} with
 * PIL's bilinear filter (not the configured bicubic: timm does not pass it on), then the center
 * crop. Checked against the same steps done one by one with the resize that the square fixtures
 * verify against PIL ({@link ImagePreprocessorPhotoTest}).
 */
class NonSquarePreprocessingTest {
    private static final PreprocessConfig CONFIG = PreprocessConfig.fromCropPct(211, 224, 0.95, Interpolation.BICUBIC,
            ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD);

    @Test
    void aPhotoIsResizedBilinearlyToFitAndCropped() {
        Path photo = Fixtures.resource("preprocess/images/chelsea.png");
        ImagePreprocessor p = new ImagePreprocessor(CONFIG);
        assertEquals(Shape.of(3, 211, 224), p.outputShape());
        RgbImage image = ImageDecoder.withDefaults().decode(photo);
        float[] actual = p.toChw(image);

        ResizeCropGeometry g = ResizeCropGeometry.of(image.width(), image.height(), CONFIG);
        RgbImage resized = PilResize.resize(image, Math.toIntExact(g.resizedWidth()), Math.toIntExact(g.resizedHeight()), Interpolation.BILINEAR);
        float[] expected = new float[3 * 211 * 224];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 211; y++) {
                for (int x = 0; x < 224; x++) {
                    int px = resized.pixels()[(((int) g.cropTop() + y) * resized.width() + (int) g.cropLeft() + x) * 3 + c] & 0xFF;
                    expected[(c * 211 + y) * 224 + x] = (px / 255f - CONFIG.mean().get(c)) / CONFIG.std().get(c);
                }
            }
        }
        assertArrayEquals(expected, actual);

        RgbImage bicubic = PilResize.resize(image, Math.toIntExact(g.resizedWidth()), Math.toIntExact(g.resizedHeight()), Interpolation.BICUBIC);
        assertNotEquals(Arrays.hashCode(resized.pixels()), Arrays.hashCode(bicubic.pixels()), "the filter matters for this photo");
    }
}
