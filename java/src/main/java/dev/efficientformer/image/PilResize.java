package dev.efficientformer.image;

import java.util.Objects;

/**
 * PIL's {@code Image.resize((width, height), filter)} for 8-bit RGB images, computed as Pillow's
 * {@code libImaging/Resample.c} computes it so that the output is bit-identical.
 *
 * <p>The steps, all as in Pillow: a separable two-pass convolution, horizontal first into an
 * 8-bit intermediate image that holds only the rows the vertical pass reads, then vertical; a
 * pass whose size does not change is skipped; per-output-pixel windows from
 * {@code precompute_coeffs} (support widened by the scale factor when shrinking); weights in
 * signed fixed point with 22 fraction bits ({@code 32 - 8 - 2}); each sum
 * starts at one half (so the final shift rounds) and is clipped to 0..255 after an arithmetic
 * shift.
 *
 * <p>Thread-safety: stateless; safe to call from any number of threads.
 */
public final class PilResize {
    private static final int HALF = 1 << (ResampleCoefficients.PRECISION_BITS - 1);

    private PilResize() {
    }

    /**
     * {@code source} resized to {@code width x height} with {@code filter}.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public static RgbImage resize(RgbImage source, int width, int height, Interpolation filter) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filter, "filter");
        RgbImage.checkSize(width, height);
        boolean horizontal = width != source.width();
        boolean vertical = height != source.height();
        if (!horizontal && !vertical) {
            return source;
        }
        ResampleCoefficients rows = ResampleCoefficients.compute(source.height(), height, filter);
        byte[] pixels = source.pixels();
        int rowOffset = 0;
        int rowsHeld = source.height();
        if (horizontal) {
            ResampleCoefficients columns = ResampleCoefficients.compute(source.width(), width, filter);
            // Only the input rows the vertical pass reads are resampled, as Pillow does.
            rowOffset = vertical ? rows.firstUsed() : 0;
            rowsHeld = vertical ? rows.endUsed() - rowOffset : source.height();
            pixels = horizontalPass(pixels, source.width(), rowOffset, rowsHeld, columns);
        }
        if (vertical) {
            pixels = verticalPass(pixels, width, rowOffset, rows);
        }
        return RgbImage.wrap(width, height, pixels);
    }

    private static byte[] horizontalPass(byte[] in, int inWidth, int firstRow, int rowCount, ResampleCoefficients k) {
        int outWidth = k.outSize();
        int stride = k.windowSize();
        int[] kk = k.fixedPointArray();
        byte[] out = new byte[outWidth * rowCount * 3];
        for (int y = 0; y < rowCount; y++) {
            int inRow = (firstRow + y) * inWidth * 3;
            int outRow = y * outWidth * 3;
            for (int xx = 0; xx < outWidth; xx++) {
                int first = k.first(xx);
                int count = k.count(xx);
                int kBase = xx * stride;
                int r = HALF;
                int g = HALF;
                int b = HALF;
                int p = inRow + first * 3;
                for (int j = 0; j < count; j++, p += 3) {
                    int w = kk[kBase + j];
                    r += (in[p] & 0xFF) * w;
                    g += (in[p + 1] & 0xFF) * w;
                    b += (in[p + 2] & 0xFF) * w;
                }
                int o = outRow + xx * 3;
                out[o] = clip8(r);
                out[o + 1] = clip8(g);
                out[o + 2] = clip8(b);
            }
        }
        return out;
    }

    /** {@code in} holds rows {@code firstRow ..} of the (horizontally resampled) image. */
    private static byte[] verticalPass(byte[] in, int width, int firstRow, ResampleCoefficients k) {
        int outHeight = k.outSize();
        int stride = k.windowSize();
        int[] kk = k.fixedPointArray();
        int rowBytes = width * 3;
        byte[] out = new byte[rowBytes * outHeight];
        for (int yy = 0; yy < outHeight; yy++) {
            int first = k.first(yy) - firstRow;
            int count = k.count(yy);
            int kBase = yy * stride;
            int outRow = yy * rowBytes;
            for (int c = 0; c < rowBytes; c++) {
                int sum = HALF;
                int p = first * rowBytes + c;
                for (int j = 0; j < count; j++, p += rowBytes) {
                    sum += (in[p] & 0xFF) * kk[kBase + j];
                }
                out[outRow + c] = clip8(sum);
            }
        }
        return out;
    }

    /** Pillow's {@code clip8}: drop the fraction bits (arithmetic shift, i.e. floor), clamp to a byte. */
    private static byte clip8(int fixedPoint) {
        return (byte) Math.clamp(fixedPoint >> ResampleCoefficients.PRECISION_BITS, 0, 255);
    }
}
