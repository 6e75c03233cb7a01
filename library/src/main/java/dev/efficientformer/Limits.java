package dev.efficientformer;

import java.util.List;

/**
 * The bounds this library puts on untrusted input, so that a hostile or damaged file ends in an
 * exception instead of exhausting memory or time: checkpoint header size, tensor count and total
 * tensor bytes, pickle size, decoded image pixels, and threads per prediction.
 *
 * <p>Each limit has a default and a system property that replaces it, read each time the limit is
 * checked (so {@code System.setProperty} takes effect for the next file). Every check happens
 * before the memory it protects is allocated, and every message names the limit, the value seen,
 * and the property to raise it, for example:
 *
 * <pre>
 * model.safetensors: safetensors header of 20971520 bytes exceeds the limit of 16777216 bytes
 * (raise it with -Defficientformer.limits.safetensors.headerBytes=20971520 if the file is trusted)
 * </pre>
 *
 * <p>The defaults are far above any EfficientFormer checkpoint (L7: 400 tensors, 330 MB, a 40 KB
 * header) and keep the heap needed to reject a hostile file within a few hundred MB.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
public final class Limits {
    /** Prefix of every limit's system property. */
    public static final String PROPERTY_PREFIX = "efficientformer.limits.";

    /**
     * Largest safetensors JSON header, in bytes (default 16 MiB; EfficientFormer L7's is 40 KB,
     * and the reference implementation allows 100 MB).
     */
    public static final Limit SAFETENSORS_HEADER_BYTES = new Limit("safetensors header",
            PROPERTY_PREFIX + "safetensors.headerBytes", 16L << 20, "bytes");

    /**
     * Most tensors in one checkpoint, safetensors or {@code .pth} (default 16384; L7 has about 400).
     * It also bounds the work of parsing: a header or pickle may build at most
     * {@link #VALUES_PER_TENSOR} values per tensor allowed, and a {@code .pth} zip may hold at most
     * this many entries plus {@link #EXTRA_ZIP_ENTRIES}.
     */
    public static final Limit CHECKPOINT_TENSORS = new Limit("tensor count",
            PROPERTY_PREFIX + "checkpoint.tensors", 16_384, "tensors");

    /**
     * Largest sum of the tensors' sizes in one checkpoint, in bytes (default 1 GiB; L7 is 330 MB).
     * For a {@code .pth} it counts each tensor's logical size, so a small storage viewed through
     * zero strides as a huge tensor is refused before anything is copied. A model keeps its
     * weights on the Java heap as float32, so loading a checkpoint at this limit can need up to
     * twice as much heap (float16 is widened): lower it to fit small heaps.
     */
    public static final Limit CHECKPOINT_TOTAL_BYTES = new Limit("total tensor size",
            PROPERTY_PREFIX + "checkpoint.totalBytes", 1L << 30, "bytes");

    /**
     * Largest {@code data.pkl} in a {@code .pth}, in bytes (default 16 MiB; a state dict's pickle
     * takes about 100 bytes per tensor). The pickle is copied onto the Java heap to be read.
     */
    public static final Limit PICKLE_BYTES = new Limit("pickle", PROPERTY_PREFIX + "pickle.bytes", 16L << 20, "bytes");

    /**
     * Largest image, in pixels (width times height), checked from the image's header before any
     * pixel is decoded (default 100 megapixels). Decoding an image at the limit needs about 10
     * bytes of heap per pixel (1 GB at the default): lower it for small heaps.
     */
    public static final Limit IMAGE_PIXELS = new Limit("image", PROPERTY_PREFIX + "image.pixels", 100_000_000L, "pixels");

    /**
     * Most scans in a JPEG (default 100). A progressive JPEG is decoded once per scan: encoders
     * write about 10, and a 228 KB file of thousands took minutes. Counted from the markers, before
     * decoding, in time linear in the file's size.
     */
    public static final Limit JPEG_SCANS = new Limit("JPEG scans", PROPERTY_PREFIX + "jpeg.scans", 100, "scans");

    /**
     * Most threads one prediction may use (default 256). More threads than cores never help (the
     * process-wide budget runs at most one per core), and thousands of them crash native thread
     * pools (oneDNN's OpenMP died with SIGSEGV at 8000): the request is refused before any thread
     * is made. The process's own limit ({@code ulimit -u}) is checked too, see
     * {@code runtime.ThreadLimit}.
     */
    public static final Limit THREADS = new Limit("threads per prediction", PROPERTY_PREFIX + "threads", 256, "threads");

    /** How many JSON or pickle values a checkpoint may build per tensor allowed by {@link #CHECKPOINT_TENSORS}. */
    public static final int VALUES_PER_TENSOR = 64;

    /** Values a header or pickle may build besides those of its tensors (metadata, wrappers). */
    public static final int EXTRA_VALUES = 65_536;

    /** Zip entries a {@code .pth} may hold besides one per tensor (data.pkl, version, byteorder...). */
    public static final int EXTRA_ZIP_ENTRIES = 64;

    private Limits() {
    }

    /** Every limit, for documentation and tests. */
    public static List<Limit> all() {
        return List.of(SAFETENSORS_HEADER_BYTES, CHECKPOINT_TENSORS, CHECKPOINT_TOTAL_BYTES, PICKLE_BYTES, IMAGE_PIXELS, JPEG_SCANS, THREADS);
    }

    /**
     * The most JSON or pickle values one checkpoint may build:
     * {@code VALUES_PER_TENSOR x tensors limit + EXTRA_VALUES}.
     */
    public static long checkpointValues() {
        return Math.addExact(Math.multiplyExact((long) VALUES_PER_TENSOR, CHECKPOINT_TENSORS.value()), EXTRA_VALUES);
    }

    /**
     * The message for a header or pickle that builds more than {@link #checkpointValues()} values:
     * the limit behind it is {@link #CHECKPOINT_TENSORS}.
     */
    public static String valuesExceeded(String what, long maxValues) {
        long tensors = CHECKPOINT_TENSORS.value();
        return what + " builds more than " + maxValues + " values, above the " + VALUES_PER_TENSOR
                + " per tensor that the tensor count limit of " + tensors + " tensors allows "
                + CHECKPOINT_TENSORS.raiseHint(Math.multiplyExact(tensors, 2));
    }

    /**
     * One limit.
     *
     * @param what what is limited, for messages ("safetensors header")
     * @param property the system property that replaces the default
     * @param defaultValue the limit when the property is unset
     * @param unit what the value counts ("bytes")
     */
    public record Limit(String what, String property, long defaultValue, String unit) {
        /** The largest value a limit's property may set (2^48): far beyond any input, and safe from overflow. */
        public static final long MAX_VALUE = 1L << 48;

        /**
         * The limit in force: the property's value when set, else the default.
         *
         * @throws EfficientFormerException when the property is set but is not a positive integer
         */
        public long value() {
            String s = System.getProperty(property);
            if (s == null || s.isBlank()) {
                return defaultValue;
            }
            long v;
            try {
                v = Long.parseLong(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new EfficientFormerException("system property " + property + " = \"" + s
                        + "\" is not a whole number (the " + what + " limit in " + unit + "; default " + defaultValue + ")");
            }
            if (v <= 0) {
                throw new EfficientFormerException("system property " + property + " = " + v
                        + " must be positive (the " + what + " limit in " + unit + "; default " + defaultValue + ")");
            }
            // Limits are added to and multiplied by small numbers; 2^48 leaves room for that.
            if (v > MAX_VALUE) {
                throw new EfficientFormerException("system property " + property + " = " + v + " must be at most " + MAX_VALUE
                        + " (the " + what + " limit in " + unit + "; default " + defaultValue + ")");
            }
            return v;
        }

        /** Whether {@code seen} is above the limit in force. */
        public boolean isExceededBy(long seen) {
            return seen > value();
        }

        /**
         * The message for {@code seen} above the limit: what, the value seen, the limit, and the
         * property to raise it, e.g. {@code image of 120000000 pixels exceeds the limit of
         * 100000000 pixels (raise it with -Defficientformer.limits.image.pixels=120000000 if the
         * input is trusted)}.
         */
        public String exceeded(long seen) {
            return exceeded(what + " of " + seen + " " + unit, seen);
        }

        /** As {@link #exceeded(long)} with a description of the value seen of the caller's own. */
        public String exceeded(String seenDescription, long seen) {
            return seenDescription + " exceeds the limit of " + value() + " " + unit + " " + raiseHint(seen);
        }

        /** {@code (raise it with -D<property>=<n> if the input is trusted)}, with n at least {@code seen}. */
        public String raiseHint(long seen) {
            return "(raise it with -D" + property + "=" + Math.max(seen, value() + 1) + " if the input is trusted)";
        }
    }
}
