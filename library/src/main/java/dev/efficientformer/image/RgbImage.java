package dev.efficientformer.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An 8-bit RGB image, row-major with interleaved channels ({@code R G B R G B ...}): the in-memory
 * equivalent of a PIL image in mode {@code "RGB"}.
 *
 * <p>Thread-safety: immutable; the pixel array is never exposed (accessors copy), so instances
 * may be shared freely between threads.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    private RgbImage(int width, int height, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * An image holding a copy of {@code interleavedRgb}, which must have exactly
     * {@code width * height * 3} bytes.
     *
     * @throws IllegalArgumentException if a size is not positive or the array length is wrong
     */
    public static RgbImage of(int width, int height, byte[] interleavedRgb) {
        Objects.requireNonNull(interleavedRgb, "interleavedRgb");
        checkSize(width, height);
        long expected = (long) width * height * 3;
        if (interleavedRgb.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs " + expected
                    + " bytes, got " + interleavedRgb.length);
        }
        return new RgbImage(width, height, interleavedRgb.clone());
    }

    /**
     * {@code image} converted to 8-bit RGB as PIL's {@code Image.convert("RGB")} converts the image
     * PIL would have decoded from the same file. Raw samples are used, never Java's colour
     * management: grey is replicated ({@code R = G = B = L}); alpha is dropped, not composited
     * (PIL's RGBA, LA and transparent-palette conversions ignore it); palette indices are looked
     * up in the palette's RGB; 16-bit RGB and 16-bit grey-with-alpha keep the high byte; 16-bit
     * grey without alpha is clipped at 255 (PIL opens it as {@code I;16} and clips, it does not
     * scale); 8-bit CMYK uses Pillow's {@code cmyk2rgb}. Other sample formats (float, premultiplied,
     * packed {@code TYPE_INT_*}) go through {@link BufferedImage#getRGB}, which is exact for the
     * packed sRGB types.
     */
    public static RgbImage from(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return PilRgbConversion.toRgb(image);
    }

    /** Wraps an array this package has just filled; no copy. */
    static RgbImage wrap(int width, int height, byte[] interleavedRgb) {
        return new RgbImage(width, height, interleavedRgb);
    }

    static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * 3 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image does not fit in one Java array");
        }
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The pixel at column {@code x}, row {@code y} as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        int i = (y * width + x) * 3;
        return (pixels[i] & 0xFF) << 16 | (pixels[i + 1] & 0xFF) << 8 | (pixels[i + 2] & 0xFF);
    }

    /** A copy of the pixels, row-major, {@code R G B} interleaved. */
    public byte[] toInterleavedBytes() {
        return pixels.clone();
    }

    /** The backing array, for this package's loops only: never modify or leak it. */
    byte[] pixels() {
        return pixels;
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
