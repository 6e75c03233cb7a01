package dev.efficientformer.image;

import dev.efficientformer.Limits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG and PNG (and whatever else the installed {@code javax.imageio} readers accept,
 * such as BMP, GIF, TIFF: only the first frame is read) into 8-bit RGB as PIL's
 * {@code Image.open(f).convert("RGB")} would, see {@link RgbImage#from(BufferedImage)} for the
 * conversion rules. In particular, alpha is dropped rather than composited, because that is what
 * PIL does for RGBA, LA and palette images with transparency. EXIF orientation is not applied,
 * also like PIL (and timm).
 *
 * <p>Decompression bombs: the image's dimensions are read from its header
 * ({@link ImageReader#getWidth}, {@link ImageReader#getHeight}) and checked against
 * {@link #maxPixels()} before any pixel is decoded or allocated.
 *
 * <p>Every failure, including the {@code IIOException}s and runtime exceptions that
 * {@code javax.imageio} throws on corrupt data, surfaces as an {@link ImageDecodingException}
 * whose message names the source. Streams are read into memory through
 * {@link MemoryCacheImageInputStream}, never through ImageIO's temporary-file cache, and no
 * global ImageIO setting is changed.
 *
 * <p>Thread-safety: immutable; one instance may be shared by any number of threads (each call
 * uses its own {@link ImageReader}).
 */
public final class ImageDecoder {
    /**
     * Default pixel limit: 100 megapixels, a little above PIL's own warning threshold
     * ({@code Image.MAX_IMAGE_PIXELS}, about 89.5 megapixels). A 100-megapixel RGB image takes
     * about 300 MB once decoded.
     */
    public static final long DEFAULT_MAX_PIXELS = Limits.IMAGE_PIXELS.defaultValue();

    private static final ImageDecoder DEFAULT = new ImageDecoder(0);

    /** The explicit limit, or 0 for {@link Limits#IMAGE_PIXELS} read at each decode. */
    private final long maxPixels;

    private ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * A decoder with the limit {@link Limits#IMAGE_PIXELS}: {@link #DEFAULT_MAX_PIXELS} unless the
     * system property {@code efficientformer.limits.image.pixels} says otherwise (read at each decode).
     */
    public static ImageDecoder withDefaults() {
        return DEFAULT;
    }

    /**
     * A decoder that refuses images of more than {@code maxPixels} pixels (width times height).
     *
     * @throws IllegalArgumentException if {@code maxPixels} is not positive
     */
    public static ImageDecoder withMaxPixels(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return new ImageDecoder(maxPixels);
    }

    /** The largest accepted width times height (for the default decoder, the limit in force now). */
    public long maxPixels() {
        return maxPixels > 0 ? maxPixels : Limits.IMAGE_PIXELS.value();
    }

    /**
     * Decodes the image file at {@code file}.
     *
     * @throws ImageDecodingException if the file is missing, unreadable, not an image ImageIO can
     *     read, corrupt or truncated, or larger than {@link #maxPixels()}
     */
    public RgbImage decode(Path file) {
        return RgbImage.from(read(file));
    }

    /**
     * Decodes an image from {@code in}, reading it to the end of the image; {@code in} is not
     * closed. {@code sourceName} (a file name, URL, request id) is only used in error messages.
     *
     * @throws ImageDecodingException as for {@link #decode(Path)}
     */
    public RgbImage decode(InputStream in, String sourceName) {
        return RgbImage.from(read(in, sourceName));
    }

    /**
     * Decodes an image held in memory. {@code sourceName} is only used in error messages.
     *
     * @throws ImageDecodingException as for {@link #decode(Path)}
     */
    public RgbImage decode(byte[] encoded, String sourceName) {
        return RgbImage.from(read(encoded, sourceName));
    }

    /**
     * Reads the image file at {@code file} as ImageIO decodes it, before any conversion, after the
     * same checks as {@link #decode(Path)}.
     */
    public BufferedImage read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImageDecodingException("cannot read image " + source + ": "
                    + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try {
            // A plain file is read with random access; other file systems (zip, jimfs) via a stream.
            boolean defaultFs = file.getFileSystem() == FileSystems.getDefault();
            if (defaultFs) {
                try (ImageInputStream iis = new FileImageInputStream(file.toFile())) {
                    return readFirstImage(iis, source);
                }
            }
            try (InputStream in = Files.newInputStream(file); ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
                return readFirstImage(iis, source);
            }
        } catch (NoSuchFileException e) {
            throw new ImageDecodingException("cannot read image " + source + ": no such file", e);
        } catch (IOException e) {
            throw new ImageDecodingException("cannot read image " + source + ": " + e, e);
        }
    }

    /** Reads an image from a stream as ImageIO decodes it, after the checks of {@link #decode(InputStream, String)}. */
    public BufferedImage read(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        String source = Objects.requireNonNull(sourceName, "sourceName");
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            return readFirstImage(iis, source);
        } catch (IOException e) {
            throw new ImageDecodingException("cannot read image " + source + ": " + e, e);
        }
    }

    /** Reads an in-memory image as ImageIO decodes it, after the checks of {@link #decode(byte[], String)}. */
    public BufferedImage read(byte[] encoded, String sourceName) {
        Objects.requireNonNull(encoded, "encoded");
        return read(new ByteArrayInputStream(encoded), sourceName);
    }

    private BufferedImage readFirstImage(ImageInputStream iis, String source) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
        if (!readers.hasNext()) {
            throw new ImageDecodingException("cannot decode image " + source
                    + ": not a JPEG, PNG or other format javax.imageio can read (no reader recognised its first bytes)");
        }
        ImageReader reader = readers.next();
        TruncationWarnings warnings = new TruncationWarnings();
        try {
            if (reader.getFormatName().equalsIgnoreCase("jpeg")) {
                checkScanCount(iis, source);
            }
            // Forward-only and metadata-free: nothing but the header and the first frame is needed.
            reader.setInput(iis, true, true);
            reader.addIIOReadWarningListener(warnings);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkPixelCount(width, height, source);
            BufferedImage image = reader.read(0);
            warnings.throwIfTruncated(source);
            return image;
        } catch (ImageDecodingException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // The pixel limit bounds the image, but ImageIO's TIFF reader sizes some buffers from
            // other header fields (a 167-byte 3x3 TIFF found by fuzzing asks for gigabytes). The
            // one failed allocation left the heap as it was, so the input is refused like any
            // corrupt file instead of taking the caller down.
            throw new ImageDecodingException("cannot decode " + reader.getFormatName().toUpperCase(Locale.ROOT) + " image " + source
                    + ": its header asks the decoder for more memory than the heap has (corrupt or hostile file)", e);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data as IIOException but also as IndexOutOfBounds,
            // IllegalArgument, NegativeArraySize...: all of them mean the same to a caller.
            throw new ImageDecodingException("cannot decode " + reader.getFormatName().toUpperCase(Locale.ROOT) + " image " + source
                    + ": " + describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    /** Refuses a JPEG of more scans than {@link Limits#JPEG_SCANS}; the stream is put back where it was. */
    private static void checkScanCount(ImageInputStream iis, String source) throws IOException {
        long position = iis.getStreamPosition();
        long limit = Limits.JPEG_SCANS.value();
        long scans = JpegScans.count(iis, limit);
        iis.seek(position);
        if (scans > limit) {
            throw new ImageDecodingException("cannot decode JPEG image " + source + ": it has more than " + limit
                    + " scans, the limit (a progressive JPEG is decoded once per scan) " + Limits.JPEG_SCANS.raiseHint(scans));
        }
    }

    private void checkPixelCount(int width, int height, String source) {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodingException("image " + source + " declares an empty size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        long limit = maxPixels();
        if (pixels > limit) {
            String how = maxPixels > 0 ? "raise it with ImageDecoder.withMaxPixels(" + pixels + ") if the image is trusted"
                    : "raise it with -D" + Limits.IMAGE_PIXELS.property() + "=" + pixels + " or ImageDecoder.withMaxPixels("
                            + pixels + ") if the image is trusted";
            throw new ImageDecodingException("image " + source + " is " + width + "x" + height + " = " + pixels
                    + " pixels, above the image pixel limit of " + limit + " pixels, a guard against decompression bombs ("
                    + how + ")");
        }
    }

    /** The exception's message followed by its causes' (ImageIO often puts the useful part in a cause). */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(messageOf(e));
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 4; t = t.getCause(), depth++) {
            sb.append(" (caused by ").append(messageOf(t)).append(')');
        }
        return sb.toString();
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
