package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Pillow's bicubic resampling. Expected numbers were derived by hand from the formulas of
 * Pillow's {@code precompute_coeffs}/{@code normalize_coeffs_8bpc} (kept independent of this code).
 */
class ImageResizeTest {

    @Test
    void shrinkByTwoWidensTheKernelAndNormalises() {
        ResampleCoefficients k = ResampleCoefficients.compute(4, 2, Interpolation.BICUBIC);
        // scale 2: support 4, so every window is clamped to the whole 4-pixel input.
        assertEquals(9, k.windowSize(), "ceil(2 * 2) * 2 + 1");
        assertWindow(k, 0, 0, new int[] {1923834, 1923834, 502623, -155987});
        assertWindow(k, 1, 0, new int[] {-155987, 502623, 1923834, 1923834});
        assertEquals(0.45867768595041325, k.weight(0, 0), 0.0);
        assertEquals(-0.0371900826446281, k.weight(0, 3), 0.0);
    }

    @Test
    void enlargeKeepsUnitSupportAndOvershoots() {
        ResampleCoefficients k = ResampleCoefficients.compute(2, 4, Interpolation.BICUBIC);
        assertEquals(5, k.windowSize());
        assertWindow(k, 0, 0, new int[] {4564390, -370086});
        assertWindow(k, 1, 0, new int[] {3325484, 868820});
        assertWindow(k, 2, 0, new int[] {868820, 3325484});
        assertWindow(k, 3, 0, new int[] {-370086, 4564390});
    }

    @Test
    void windowBoundsRoundAsPillowDoes() {
        // 5 -> 3: scale 5/3, support 10/3; windows [0,4), [0,5), [1,5) with a zero weight kept in place.
        ResampleCoefficients k = ResampleCoefficients.compute(5, 3, Interpolation.BICUBIC);
        assertWindow(k, 0, 0, new int[] {2452055, 1871305, 0, -129056});
        assertWindow(k, 1, 0, new int[] {-156067, 1033945, 2438549, 1033945, -156067});
        assertWindow(k, 2, 1, new int[] {-129056, 0, 1871305, 2452055});
        assertEquals(0, k.firstUsed());
        assertEquals(5, k.endUsed());
    }

    @Test
    void enlargedStepOvershootIsClippedAndRoundedDown() {
        // (sum + 2^21) >> 22 per output: -22 -> 0, 53.3 -> 53, 202.7 -> 202, 278 -> 255.
        RgbImage step = grey(2, 1, 0, 255);
        assertArrayEquals(greyBytes(0, 53, 202, 255), PilResize.resize(step, 4, 1, Interpolation.BICUBIC).toInterleavedBytes());
    }

    @Test
    void shrinkMatchesHandComputedFixedPointSums() {
        RgbImage row = grey(4, 1, 10, 200, 30, 90);
        assertArrayEquals(greyBytes(97, 79), PilResize.resize(row, 2, 1, Interpolation.BICUBIC).toInterleavedBytes());
        // The same numbers along a column: the vertical pass uses the same coefficients.
        RgbImage column = grey(1, 4, 10, 200, 30, 90);
        assertArrayEquals(greyBytes(97, 79), PilResize.resize(column, 1, 2, Interpolation.BICUBIC).toInterleavedBytes());
    }

    @Test
    void channelsAreResampledIndependently() {
        byte[] px = {10, 0, (byte) 255, (byte) 200, 0, (byte) 255, 30, 0, (byte) 255, 90, 0, (byte) 255};
        byte[] out = PilResize.resize(RgbImage.of(4, 1, px), 2, 1, Interpolation.BICUBIC).toInterleavedBytes();
        assertArrayEquals(new byte[] {97, 0, (byte) 255, 79, 0, (byte) 255}, out);
    }

    @Test
    void constantImagesStayConstant() {
        byte[] px = new byte[37 * 23 * 3];
        Arrays.fill(px, (byte) 137);
        RgbImage flat = RgbImage.of(37, 23, px);
        for (int[] size : new int[][] {{11, 7}, {80, 50}, {37, 9}, {5, 23}}) {
            byte[] out = PilResize.resize(flat, size[0], size[1], Interpolation.BICUBIC).toInterleavedBytes();
            for (byte b : out) {
                assertEquals(137, b & 0xFF, "resize to " + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void sameSizeIsACopy() {
        RgbImage img = grey(3, 2, 1, 2, 3, 4, 5, 6);
        assertSame(img, PilResize.resize(img, 3, 2, Interpolation.BICUBIC));
    }

    private static void assertWindow(ResampleCoefficients k, int out, int first, int[] fixedPoint) {
        assertEquals(first, k.first(out), "first input of output " + out);
        assertEquals(fixedPoint.length, k.count(out), "window length of output " + out);
        int[] actual = new int[fixedPoint.length];
        for (int j = 0; j < actual.length; j++) {
            actual[j] = k.fixedPoint(out, j);
        }
        assertArrayEquals(fixedPoint, actual, "fixed-point weights of output " + out);
    }

    private static RgbImage grey(int w, int h, int... values) {
        return RgbImage.of(w, h, greyBytes(values));
    }

    private static byte[] greyBytes(int... values) {
        byte[] px = new byte[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(px, i * 3, i * 3 + 3, (byte) values[i]);
        }
        return px;
    }
}
