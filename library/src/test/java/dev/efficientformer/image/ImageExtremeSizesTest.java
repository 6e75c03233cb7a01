package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Images of extreme aspect ratio. The shorter side is resized to 235 pixels, so a 51199x5 strip
 * (a 67-byte GIF found by the fuzzer) would be resized to 2406353x235 = 565 million pixels, 1.7 GB
 * and two minutes, before the 224x224 crop. Only the crop is computed now, bit-identical to
 * cropping the full resize.
 */
class ImageExtremeSizesTest {
    private static final ImagePreprocessor PREPROCESSOR = ImagePreprocessor.imagenetDefault();

    private static RgbImage noise(int w, int h, long seed) {
        byte[] px = new byte[w * h * 3];
        new Random(seed).nextBytes(px);
        return RgbImage.of(w, h, px);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aThinStripIsPreprocessedWithoutResizingAllOfIt() {
        for (int[] size : new int[][] {{51199, 5}, {5, 51199}, {1_000_000, 1}, {1, 1_000_000}}) {
            RgbImage strip = noise(size[0], size[1], size[0]);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = mx.getCurrentThreadAllocatedBytes();
            float[] chw = PREPROCESSOR.toChw(strip);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertEquals(3 * 224 * 224, chw.length);
            for (float v : chw) {
                assertTrue(Float.isFinite(v));
            }
            // The crop, its coefficients and the output: a few MB, not the 1.7 GB of the full resize.
            assertTrue(allocated < 32L << 20, size[0] + "x" + size[1] + ": allocated " + allocated + " bytes");
        }
    }

    @Test
    void geometryOfAStripBeyondIntRangeIsExact() {
        // torchvision: Resize(235) of 100000000x1 is int(235 * 1e8 / 1) = 23.5e9 wide.
        ResizeCropGeometry g = ResizeCropGeometry.of(100_000_000, 1, 235, 224);
        assertEquals(23_500_000_000L, g.resizedWidth());
        assertEquals(235, g.resizedHeight());
        assertEquals((23_500_000_000L - 224) / 2, g.cropLeft());
    }

    @Test
    void resizingOnlyTheCropIsBitIdenticalToCroppingTheResize() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int w = 1 + random.nextInt(60);
            int h = 1 + random.nextInt(60);
            RgbImage img = noise(w, h, round);
            int rw = 1 + random.nextInt(90);
            int rh = 1 + random.nextInt(90);
            int cw = 1 + random.nextInt(rw);
            int ch = 1 + random.nextInt(rh);
            int left = random.nextInt(rw - cw + 1);
            int top = random.nextInt(rh - ch + 1);
            Interpolation filter = Interpolation.values()[random.nextInt(Interpolation.values().length)];
            RgbImage full = PilResize.resize(img, rw, rh, filter);
            byte[] expected = new byte[cw * ch * 3];
            byte[] all = full.toInterleavedBytes();
            for (int y = 0; y < ch; y++) {
                System.arraycopy(all, ((top + y) * rw + left) * 3, expected, y * cw * 3, cw * 3);
            }
            byte[] actual = PilResize.resizeCrop(img, rw, rh, filter, left, top, cw, ch).toInterleavedBytes();
            assertArrayEquals(expected, actual, w + "x" + h + " -> " + rw + "x" + rh + " crop " + cw + "x" + ch
                    + " at " + left + "," + top + " " + filter);
        }
    }
}
