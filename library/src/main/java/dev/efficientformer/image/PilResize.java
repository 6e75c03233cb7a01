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
        if (width == source.width() && height == source.height()) {
            return source;
        }
        return resizeCrop(source, width, height, filter, 0, 0, width, height);
    }

    /**
     * The {@code cropWidth x cropHeight} window at ({@code left}, {@code top}) of {@code source}
     * resized to {@code width x height}: bit-identical to cropping the result of
     * {@link #resize}, but only the window is computed, so a resize to billions of pixels (a
     * 1-pixel-high strip enlarged to a 235-pixel short side) costs no more than any other.
     *
     * @throws IllegalArgumentException if a size is not positive or the window is not inside the
     *     resized image
     */
    static RgbImage resizeCrop(RgbImage source, long width, long height, Interpolation filter, long left, long top,
                               int cropWidth, int cropHeight) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filter, "filter");
        RgbImage.checkSize(cropWidth, cropHeight);
        if (width <= 0 || height <= 0 || left < 0 || top < 0 || left > width - cropWidth || top > height - cropHeight) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + " at (" + left + ", " + top
                    + ") is not inside a " + width + "x" + height + " image");
        }
        boolean horizontal = width != source.width();
        boolean vertical = height != source.height();
        ResampleCoefficients rows = vertical
                ? ResampleCoefficients.compute(source.height(), height, filter, top, cropHeight) : null;
        // Only the input rows the vertical pass reads are resampled, as Pillow does.
        int firstRow = vertical ? rows.firstUsed() : (int) top;
        int rowCount = vertical ? rows.endUsed() - firstRow : cropHeight;
        byte[] pixels;
        if (horizontal) {
            ResampleCoefficients columns = ResampleCoefficients.compute(source.width(), width, filter, left, cropWidth);
            pixels = horizontalPass(source.pixels(), source.width(), firstRow, rowCount, columns);
        } else {
            pixels = columns(source.pixels(), source.width(), firstRow, rowCount, (int) left, cropWidth);
        }
        if (vertical) {
            pixels = verticalPass(pixels, cropWidth, firstRow, rows);
        }
        return RgbImage.wrap(cropWidth, cropHeight, pixels);
    }

    /** Columns {@code left .. left + count - 1} of rows {@code firstRow ..} (a pass that is skipped). */
    private static byte[] columns(byte[] in, int inWidth, int firstRow, int rowCount, int left, int count) {
        byte[] out = new byte[count * rowCount * 3];
        for (int y = 0; y < rowCount; y++) {
            System.arraycopy(in, ((firstRow + y) * inWidth + left) * 3, out, y * count * 3, count * 3);
        }
        return out;
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
