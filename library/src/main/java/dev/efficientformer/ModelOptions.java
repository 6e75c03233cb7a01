package dev.efficientformer;

/**
 * How to run a model: which backend, how many threads per prediction, the image size, and how
 * exactly matrix products are computed.
 *
 * <p>Thread-safety: immutable. Serializable, so that a job can ship the options a model runs with to
 * other JVMs (Spark executors, for one).
 *
 * @param backend {@code auto} (x86_64: oneDNN where it loads, else pure Java; aarch64: the Arm Compute
 *     Library, then oneDNN, then pure Java; see {@code BackendSelector}), {@code dnnl}, {@code java}
 *     or {@code acl}
 * @param threads threads each prediction may use (at least 1)
 * @param imageSize height of the model input (and its side when square): 193 to 224 for V1 (the
 *     last stage must be 7x7), 209 to 224 for the published V2 models (stage 2 must be 14x14)
 * @param rejectNonFinite whether every prediction first checks its input for NaN and infinities
 *     and throws {@link EfficientFormerException} naming the first one (off by default: the check
 *     reads the whole input once more). When off, non-finite inputs are run like any other: no
 *     exception, and the logits are unspecified (in practice NaN)
 * @param matmulPrecision {@link MatmulPrecision#HIGHEST} (strict fp32, the default) or
 *     {@link MatmulPrecision#HIGH} (bf16x3 on AMX where it gains, see there)
 * @param javaTier the pure-Java backend's tier, when it runs ({@link JavaTier#AUTO} by default)
 * @param imageWidth width of the model input, in the same range as the height; models run
 *     non-square tensors as the reference does, and image files are resized for them as timm's
 *     non-square eval transform does (see {@link dev.efficientformer.image.PreprocessConfig})
 * @param threadPolicy whether a prediction may use fewer than {@code threads} when fewer run
 *     faster ({@link ThreadPolicy#ADAPTIVE}, the default) or always uses exactly {@code threads}
 */
public record ModelOptions(String backend, int threads, int imageSize, boolean rejectNonFinite, MatmulPrecision matmulPrecision,
                           JavaTier javaTier, int imageWidth, ThreadPolicy threadPolicy) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Options; the backend name is lower-cased and checked. */
    public ModelOptions {
        if (backend == null) {
            throw new EfficientFormerException("backend must not be null (choose auto, dnnl, java or acl)");
        }
        backend = BackendKind.of(backend).id();
        dev.efficientformer.runtime.ThreadLimit.check(threads);
        if (matmulPrecision == null) {
            throw new EfficientFormerException("matmulPrecision must not be null (choose HIGHEST or HIGH)");
        }
        if (javaTier == null) {
            throw new EfficientFormerException("javaTier must not be null (choose AUTO, SCALAR or VECTOR)");
        }
        if (threadPolicy == null) {
            throw new EfficientFormerException("threadPolicy must not be null (choose ADAPTIVE or FIXED)");
        }
    }

    /** Options with the {@link ThreadPolicy#ADAPTIVE} thread policy. */
    public ModelOptions(String backend, int threads, int imageSize, boolean rejectNonFinite, MatmulPrecision matmulPrecision,
                        JavaTier javaTier, int imageWidth) {
        this(backend, threads, imageSize, rejectNonFinite, matmulPrecision, javaTier, imageWidth, ThreadPolicy.ADAPTIVE);
    }

    /** Options for a square input of side {@code imageSize}. */
    public ModelOptions(String backend, int threads, int imageSize, boolean rejectNonFinite, MatmulPrecision matmulPrecision,
                        JavaTier javaTier) {
        this(backend, threads, imageSize, rejectNonFinite, matmulPrecision, javaTier, imageSize);
    }

    /** Height of the model input (the same as {@link #imageSize()}). */
    public int imageHeight() {
        return imageSize;
    }

    /** Whether the input is square. */
    public boolean squareInput() {
        return imageSize == imageWidth;
    }

    /** Options with the Java backend's tier chosen automatically. */
    public ModelOptions(String backend, int threads, int imageSize, boolean rejectNonFinite, MatmulPrecision matmulPrecision) {
        this(backend, threads, imageSize, rejectNonFinite, matmulPrecision, JavaTier.AUTO);
    }

    /** The backend as its kind. */
    public BackendKind backendKind() {
        return BackendKind.of(backend);
    }

    /** These options on backend {@code kind}. */
    public ModelOptions withBackend(BackendKind kind) {
        return withBackend(java.util.Objects.requireNonNull(kind, "kind").id());
    }

    /** These options with the pure-Java backend's tier {@code tier}. */
    public ModelOptions withJavaTier(JavaTier tier) {
        return new ModelOptions(backend, threads, imageSize, rejectNonFinite, matmulPrecision, tier, imageWidth, threadPolicy);
    }

    /** Options with strict fp32 products (see {@link #matmulPrecision()}). */
    public ModelOptions(String backend, int threads, int imageSize, boolean rejectNonFinite) {
        this(backend, threads, imageSize, rejectNonFinite, MatmulPrecision.HIGHEST);
    }

    /** Options that accept non-finite inputs (see {@link #rejectNonFinite()}). */
    public ModelOptions(String backend, int threads, int imageSize) {
        this(backend, threads, imageSize, false, MatmulPrecision.HIGHEST);
    }

    /** Automatic backend, one thread, 224x224 images, non-finite inputs accepted. */
    public static ModelOptions defaults() {
        return new ModelOptions("auto", 1, 224, false, MatmulPrecision.HIGHEST, JavaTier.AUTO);
    }

    /** These options with another backend. */
    public ModelOptions withBackend(String name) {
        return new ModelOptions(name, threads, imageSize, rejectNonFinite, matmulPrecision, javaTier, imageWidth, threadPolicy);
    }

    /** These options with another thread count. */
    public ModelOptions withThreads(int n) {
        return new ModelOptions(backend, n, imageSize, rejectNonFinite, matmulPrecision, javaTier, imageWidth, threadPolicy);
    }

    /** These options with a square input of another side. */
    public ModelOptions withImageSize(int side) {
        return new ModelOptions(backend, threads, side, rejectNonFinite, matmulPrecision, javaTier, side, threadPolicy);
    }

    /** These options with a {@code height x width} input (see {@link #imageWidth()}). */
    public ModelOptions withImageSize(int height, int width) {
        return new ModelOptions(backend, threads, height, rejectNonFinite, matmulPrecision, javaTier, width, threadPolicy);
    }

    /**
     * These options with the input size written as a side or {@code HEIGHTxWIDTH} ({@code 224},
     * {@code 211x224}), as the command line's {@code --image-size} takes it.
     *
     * @throws EfficientFormerException naming {@code size} when it is neither, or a side is not positive
     */
    public ModelOptions withImageSize(String size) {
        if (size == null) {
            throw new EfficientFormerException("the image size must not be null (a side such as 224, or HEIGHTxWIDTH such as 211x224)");
        }
        String[] parts = size.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            if (parts.length <= 2) {
                int height = Integer.parseInt(parts[0].trim());
                int width = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : height;
                if (height < 1 || width < 1) {
                    throw new EfficientFormerException("sides must be positive, got \"" + size + "\"");
                }
                return withImageSize(height, width);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EfficientFormerException("expected SIDE or HEIGHTxWIDTH, e.g. 224 or 211x224, got \"" + size + "\"");
    }

    /** These options with the NaN and infinity check of inputs on or off (see {@link #rejectNonFinite()}). */
    public ModelOptions withRejectNonFinite(boolean reject) {
        return new ModelOptions(backend, threads, imageSize, reject, matmulPrecision, javaTier, imageWidth, threadPolicy);
    }

    /** These options with another matmul precision (see {@link #matmulPrecision()}). */
    public ModelOptions withMatmulPrecision(MatmulPrecision precision) {
        return new ModelOptions(backend, threads, imageSize, rejectNonFinite, precision, javaTier, imageWidth, threadPolicy);
    }

    /** These options with another thread policy (see {@link #threadPolicy()}). */
    public ModelOptions withThreadPolicy(ThreadPolicy policy) {
        return new ModelOptions(backend, threads, imageSize, rejectNonFinite, matmulPrecision, javaTier, imageWidth, policy);
    }
}
