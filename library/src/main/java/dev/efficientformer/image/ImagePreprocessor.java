package dev.efficientformer.image;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.tensor.Shape;
import java.awt.image.BufferedImage;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns an image into the float32 CHW tensor an EfficientFormer expects, reproducing timm's eval
 * transform (PIL decode, {@code convert("RGB")}, torchvision {@code Resize} with PIL's filter,
 * {@code CenterCrop}, {@code ToTensor}, {@code Normalize}) so that the result matches PyTorch's
 * preprocessing to within float32 rounding, not just approximately.
 *
 * <p>For a non-square input size the resize is timm's {@code ResizeKeepRatio} (see
 * {@link PreprocessConfig}).
 *
 * <p>Output layout: {@code [3, cropSize, cropWidth]} (height, width), channel-major (red plane,
 * green plane, blue plane), each plane row-major; element {@code (c, y, x)} is
 * {@code (pixel / 255f - mean[c]) / std[c]} computed in float32 as torch computes it.
 *
 * <p>Thread-safety: immutable and stateless; one instance may be shared by any number of
 * threads. Each call allocates its own working buffers.
 */
public final class ImagePreprocessor {
    private final PreprocessConfig config;
    private final ImageDecoder decoder;

    /** A preprocessor with {@code config} that decodes files with {@link ImageDecoder#withDefaults()}. */
    public ImagePreprocessor(PreprocessConfig config) {
        this(config, ImageDecoder.withDefaults());
    }

    /** A preprocessor with {@code config} that decodes files with {@code decoder}. */
    public ImagePreprocessor(PreprocessConfig config, ImageDecoder decoder) {
        this.config = Objects.requireNonNull(config, "config");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** A preprocessor with {@link PreprocessConfig#imagenetDefault()}: what every EfficientFormer checkpoint uses. */
    public static ImagePreprocessor imagenetDefault() {
        return new ImagePreprocessor(PreprocessConfig.imagenetDefault());
    }

    /** The transform's settings. */
    public PreprocessConfig config() {
        return config;
    }

    /** The shape of one output, {@code [3, cropSize, cropWidth]}. */
    public Shape outputShape() {
        return Shape.of(3, config.cropSize(), config.cropWidth());
    }

    /** Bytes of one output in float32: {@code 4 * 3 * cropSize * cropWidth}. */
    public long outputByteSize() {
        return 4L * config.outputElementCount();
    }

    /**
     * Decodes and preprocesses the image file at {@code file}.
     *
     * @throws ImageDecodingException if the file cannot be decoded (see {@link ImageDecoder})
     */
    public float[] toChw(Path file) {
        return toChw(decoder.decode(file));
    }

    /** Preprocesses a decoded image; it is first converted to RGB as PIL would ({@link RgbImage#from}). */
    public float[] toChw(BufferedImage image) {
        return toChw(RgbImage.from(image));
    }

    /** Preprocesses an 8-bit RGB image. */
    public float[] toChw(RgbImage image) {
        Objects.requireNonNull(image, "image");
        ResizeCropGeometry g = ResizeCropGeometry.of(image.width(), image.height(), config);
        // timm resizes to a non-square target with ResizeKeepRatio's default filter, not the configured one.
        Interpolation filter = config.shorterSideResize() ? config.interpolation() : Interpolation.BILINEAR;
        // Only the crop is resized: the full resized image of a thin strip can have billions of pixels.
        RgbImage cropped = PilResize.resizeCrop(image, g.resizedWidth(), g.resizedHeight(), filter,
                g.cropLeft(), g.cropTop(), config.cropWidth(), config.cropSize());
        return normalise(cropped);
    }

    /**
     * Preprocesses {@code image} and writes the {@link #outputByteSize()} bytes of float32 (native
     * byte order) into {@code dst} starting at byte {@code offset}. Nothing is written unless all
     * of them fit.
     *
     * @throws EfficientFormerException if {@code dst} is read-only or has fewer than
     *     {@link #outputByteSize()} bytes after {@code offset}
     */
    public void writeChw(BufferedImage image, MemorySegment dst, long offset) {
        checkRoom(dst, offset);
        float[] chw = toChw(image);
        MemorySegment.copy(chw, 0, dst, ValueLayout.JAVA_FLOAT_UNALIGNED, offset, chw.length);
    }

    /** As {@link #writeChw(BufferedImage, MemorySegment, long)} for an 8-bit RGB image. */
    public void writeChw(RgbImage image, MemorySegment dst, long offset) {
        checkRoom(dst, offset);
        float[] chw = toChw(image);
        MemorySegment.copy(chw, 0, dst, ValueLayout.JAVA_FLOAT_UNALIGNED, offset, chw.length);
    }

    private void checkRoom(MemorySegment dst, long offset) {
        Objects.requireNonNull(dst, "dst");
        long needed = outputByteSize();
        if (dst.isReadOnly()) {
            throw new EfficientFormerException("cannot write the preprocessed image: the destination segment is read-only");
        }
        if (offset < 0 || offset > dst.byteSize() || dst.byteSize() - offset < needed) {
            throw new EfficientFormerException("cannot write the preprocessed image at byte offset " + offset
                    + " of a " + dst.byteSize() + "-byte segment: it needs " + needed + " bytes (float32 "
                    + outputShape() + ")");
        }
    }

    /** The cropped HWC bytes as normalised CHW floats. */
    private float[] normalise(RgbImage cropped) {
        int height = config.cropSize();
        int width = config.cropWidth();
        int plane = height * width;
        float[] out = new float[3 * plane];
        byte[] px = cropped.pixels();
        int rowBytes = cropped.width() * 3;
        for (int c = 0; c < 3; c++) {
            float mean = config.mean().get(c);
            float std = config.std().get(c);
            int o = c * plane;
            for (int y = 0; y < height; y++) {
                int p = y * rowBytes + c;
                for (int x = 0; x < width; x++, p += 3) {
                    // Three separately rounded float32 steps, as ToTensor's div(255) then
                    // Normalize's sub_(mean).div_(std) round them; folding them changes the last bit.
                    float scaled = (px[p] & 0xFF) / 255f;
                    out[o++] = (scaled - mean) / std;
                }
            }
        }
        return out;
    }
}
