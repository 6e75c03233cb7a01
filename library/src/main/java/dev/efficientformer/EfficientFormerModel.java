package dev.efficientformer;

import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.BackendSelector;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.StepTime;
import dev.efficientformer.backend.WeightCache;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.image.ChannelValues;
import dev.efficientformer.image.ImagePreprocessor;
import dev.efficientformer.image.Interpolation;
import dev.efficientformer.image.PreprocessConfig;
import dev.efficientformer.model.EfficientFormerGraphBuilder;
import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.model.ModelSpec;
import dev.efficientformer.model.ImageNetLabels;
import dev.efficientformer.runtime.CallingThreadCpu;
import dev.efficientformer.runtime.ThreadBudget;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.awt.image.BufferedImage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An EfficientFormer (V1) image classifier, ready to predict.
 *
 * <pre>{@code
 * try (EfficientFormerModel model = EfficientFormerModel.load(Path.of("model.safetensors"))) {
 *     List<Prediction> top5 = model.classify(Path.of("cat.png"), 5);
 * }
 * }</pre>
 *
 * <p>Loading derives the architecture from the checkpoint's shapes (L1, L3, L7 or any V1 size),
 * folds BatchNorm, layer scales and the two heads, and compiles the graph for the chosen backend
 * lazily, once per batch size: a compiled plan is reused by every later prediction of that size.
 * With {@link ThreadPolicy#ADAPTIVE} (the default) a prediction may run on fewer threads than
 * {@link ModelOptions#threads()} when fewer were measured faster (a busy neighbour holds a core);
 * each count used compiles a plan of its own.
 *
 * <p>Thread-safety: safe to share between threads. Concurrent predictions each take a plan of
 * their own from a pool (a plan runs one prediction at a time), so N threads predicting at once
 * hold N plans. Predictions of all models share one {@link ThreadBudget} of the machine's cores:
 * when the cores are busy, a prediction waits for them instead of oversubscribing.
 * {@link #close()} is idempotent, waits for predictions in flight, and frees every plan; any
 * prediction after it throws {@link IllegalStateException}.
 *
 * <p>Batch split: on several threads, a batch whose size is a multiple of the thread count runs as
 * one equal part per thread on one-thread plans at once, with no barrier between them (the calling
 * thread runs the first part, {@code threads - 1} daemon worker threads of the model, started by
 * the first split, the others; same logits, bit for bit). It is not used on acl (its thread count
 * is process-wide), for segments confined to the calling thread, or while another prediction's
 * split holds the workers (that batch then runs whole); {@code -Defficientformer.batchSplit=false},
 * read when a model loads, turns it off.
 *
 * <p>Inputs: sizes are checked before anything is compiled or run, and a wrong size throws
 * {@link EfficientFormerException} naming the expected shape. NaN and infinities are not checked
 * unless {@link ModelOptions#rejectNonFinite()} is on; otherwise the logits they give are
 * unspecified (NaN on the Java backend, possibly finite on oneDNN), and later predictions are not
 * affected. The checkpoint file is not used after {@link #load} returns.
 */
public final class EfficientFormerModel implements AutoCloseable {
    private final ModelSpec spec;
    private final Graph graph;
    private final Backend backend;
    private final ModelOptions options;
    private final List<String> labels;
    private final ImagePreprocessor preprocessor;
    /** Prepared weights shared by all of this model's plans. */
    private final WeightCache weights;
    private final Map<Integer, BatchPlans> plans = new ConcurrentHashMap<>();
    private final List<Plan> allPlans = new ArrayList<>();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    /** Null with one thread, on a backend whose plans share a thread count, or when {@link BatchSplit#PROPERTY} is false. */
    private final BatchSplit split;

    private EfficientFormerModel(ModelSpec spec, Graph graph, Backend backend, ModelOptions options, List<String> labels) {
        this.spec = spec;
        this.graph = graph;
        this.backend = backend;
        this.options = options;
        this.labels = labels == null ? ImageNetLabels.forClasses(spec.numClasses()) : ClassLabels.requireCount(labels, spec.numClasses());
        this.weights = backend.newWeightCache();
        this.split = BatchSplit.requested() && options.threads() > 1 && backend.plansKeepTheirThreadCounts()
                ? new BatchSplit(options.threads(), this::runPart) : null;
        this.preprocessor = new ImagePreprocessor(PreprocessConfig.fromCropPct(options.imageHeight(), options.imageWidth(), 0.95,
                Interpolation.BICUBIC, ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD));
    }

    /**
     * Loads a checkpoint ({@code .safetensors} or PyTorch {@code .pth}, detected from the file)
     * with default options.
     *
     * @throws dev.efficientformer.weights.CheckpointException when the file is malformed or not an
     *     EfficientFormer (V1) or EfficientFormerV2 checkpoint, naming the problem
     */
    public static EfficientFormerModel load(Path checkpoint) {
        return load(checkpoint, ModelOptions.defaults());
    }

    /** Loads a checkpoint with these options. */
    public static EfficientFormerModel load(Path checkpoint, ModelOptions options) {
        return load(checkpoint, options, null);
    }

    /**
     * Loads a checkpoint whose classes are named by {@code labels} (index = class; see
     * {@link ClassLabels#read}), for models fine-tuned on other classes than ImageNet's. Without
     * labels (null), a 1000-class model uses ImageNet's names and any other {@code class_<i>}.
     *
     * @throws EfficientFormerException when the number of labels is not the model's class count
     */
    public static EfficientFormerModel load(Path checkpoint, ModelOptions options, List<String> labels) {
        try (WeightFile f = CheckpointFormat.open(checkpoint)) {
            return fromWeights(f, options, labels);
        }
    }

    /**
     * Loads a checkpoint held in memory: {@code MemorySegment.ofArray(bytes)},
     * {@code MemorySegment.ofBuffer(byteBuffer)} or native memory. The bytes are copied while
     * loading and not used afterwards.
     *
     * @param name what messages call the checkpoint (e.g. where it came from)
     */
    public static EfficientFormerModel load(MemorySegment checkpoint, String name, ModelOptions options) {
        try (WeightFile f = CheckpointFormat.read(checkpoint, name)) {
            return fromWeights(f, options);
        }
    }

    /**
     * Loads a checkpoint from a stream (read to its end, not closed), e.g. a class-path resource
     * ({@code getClass().getResourceAsStream("/model.safetensors")}) or a download. At most
     * {@link Limits#CHECKPOINT_TOTAL_BYTES} plus the header limit is read.
     *
     * @param name what messages call the checkpoint
     * @throws dev.efficientformer.weights.CheckpointException when the stream fails or is longer
     *     than a checkpoint may be, naming {@code name}
     */
    public static EfficientFormerModel load(java.io.InputStream checkpoint, String name, ModelOptions options) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        long max = Limits.CHECKPOINT_TOTAL_BYTES.value() + Limits.SAFETENSORS_HEADER_BYTES.value() + 8;
        byte[] bytes;
        try {
            bytes = checkpoint.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        } catch (java.io.IOException e) {
            throw new dev.efficientformer.weights.CheckpointException(name + ": cannot read the stream: " + e, e);
        }
        if (bytes.length > max || bytes.length == Integer.MAX_VALUE - 8) {
            throw new dev.efficientformer.weights.CheckpointException(name + ": the stream holds more than " + max
                    + " bytes, more than a checkpoint may have " + Limits.CHECKPOINT_TOTAL_BYTES.raiseHint(bytes.length));
        }
        return load(MemorySegment.ofArray(bytes), name, options);
    }

    /**
     * Loads a published model of the zoo ({@code efficientformer_l1}, {@code _l3}, {@code _l7},
     * {@code efficientformerv2_s0}, {@code _s1}, {@code _s2}, {@code _l}),
     * downloading its weights into the cache first when they are not there (resuming an
     * interrupted download, checking the SHA-256), with progress reported to {@code listener}.
     *
     * @throws EfficientFormerException for an unknown name (listing the known ones)
     * @throws dev.efficientformer.download.DownloadException when the download fails
     */
    public static EfficientFormerModel pretrained(String name, ModelOptions options,
            dev.efficientformer.download.ProgressListener listener) {
        dev.efficientformer.model.ZooEntry entry = dev.efficientformer.model.ModelZoo.entry(name);
        dev.efficientformer.download.WeightDownloader downloader = new dev.efficientformer.download.WeightDownloader();
        Path weights = downloader.cached(entry).orElseGet(() -> downloader.download(entry, Objects.requireNonNull(listener, "listener")));
        return load(weights, options);
    }

    /**
     * Builds a model from an open checkpoint (timm's or the original authors' key names); the
     * weights are copied, so the caller may close it afterwards.
     */
    public static EfficientFormerModel fromWeights(WeightFile weights, ModelOptions options) {
        return fromWeights(weights, options, null);
    }

    /** {@link #fromWeights(WeightFile, ModelOptions)} with class names (see {@link #load(Path, ModelOptions, List)}). */
    public static EfficientFormerModel fromWeights(WeightFile weights, ModelOptions options, List<String> labels) {
        ModelFamily.Loaded model;
        try {
            model = ModelFamily.load(weights, options.imageHeight(), options.imageWidth());
        } catch (InternalError e) {
            throw mappedFileFault(weights.path(), e);
        }
        Backend backend = BackendSelector.select(options.backend(), options.matmulPrecision(), options.javaTier(), model.graph());
        return new EfficientFormerModel(model.spec(), model.graph(), backend, options, labels);
    }

    /**
     * The JVM turns the SIGBUS of reading a memory-mapped page that no longer exists (the file
     * was truncated by another process after it was mapped) into this InternalError: say so,
     * naming the file, instead of "internal error". Any other InternalError is rethrown.
     */
    static RuntimeException mappedFileFault(Path file, InternalError e) {
        if (e.getMessage() != null && e.getMessage().contains("fault occurred in an unsafe memory access")) {
            return new dev.efficientformer.weights.CheckpointException(file + " changed while it was being read (truncated"
                    + " by another process after it was opened?): replace checkpoint files by renaming a complete copy"
                    + " over them, never by rewriting them in place", e);
        }
        throw e;
    }

    /**
     * The architecture read from the checkpoint: an {@link dev.efficientformer.model.EfficientFormerSpec}
     * (V1) or an {@link dev.efficientformer.model.EfficientFormerV2Spec}.
     */
    public ModelSpec spec() {
        return spec;
    }

    /** The backend's name ({@code dnnl}, {@code acl}, {@code java}). */
    public String backendName() {
        return backend.name();
    }

    /**
     * The backend and how it computes here, e.g. {@code dnnl (avx512_core, precision highest)} or
     * {@code java (scalar tier)}: where {@code auto} fell back to a slower backend, this says so.
     */
    public String backendDescription() {
        return backend.describe();
    }

    /** The options in force. */
    public ModelOptions options() {
        return options;
    }

    /** Outputs per image. */
    public int numClasses() {
        return spec.numClasses();
    }

    /** Floats per input image: {@code 3 x size x size}. */
    public int inputFloatsPerImage() {
        return 3 * options.imageHeight() * options.imageWidth();
    }

    /** Multiply-accumulates per image (for GFLOPS = 2 x MACs / time). */
    public long macsPerImage() {
        return graph.macsPerImage();
    }

    /**
     * The preprocessing this model's images get (resize, crop, normalise) to its input size,
     * timm's eval transform for the published models' settings (crop 0.95, bicubic, ImageNet
     * mean and std); a non-square input size gets timm's non-square resize (see
     * {@link PreprocessConfig}).
     */
    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    /**
     * Logits for one preprocessed image, {@code [3, height, width]} CHW floats.
     *
     * @throws EfficientFormerException when the array length is wrong
     */
    public float[] predict(float[] chw) {
        return predict(chw, 1);
    }

    /**
     * Logits {@code [batch, classes]} for a batch of preprocessed images, NCHW floats.
     *
     * @throws EfficientFormerException when the array length is not {@code batch x 3 x size x size}
     */
    public float[] predict(float[] nchw, int batch) {
        return onArray(nchw, batch, LOGITS);
    }

    /** Checks a Java array of {@code batch} preprocessed images, copies it off-heap and runs {@code call} on it. */
    private <T> T onArray(float[] nchw, int batch, PlanCall<T> call) {
        checkBatch(batch);
        long expected = (long) batch * inputFloatsPerImage();
        if (nchw.length != expected) {
            throw new EfficientFormerException("input has " + nchw.length + " floats, a batch of " + batch + " needs " + expected
                    + " (" + batch + " x 3 x " + options.imageHeight() + " x " + options.imageWidth() + ")");
        }
        // A split batch's parts run on other threads, which a confined arena would refuse (a shared
        // one costs more to close: only when the batch may split).
        try (Arena arena = split == null || batch < 2 ? Arena.ofConfined() : Arena.ofShared()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, nchw);
            MemorySegment logits = arena.allocate((long) batch * numClasses() * Float.BYTES);
            return onPlan(in, batch, logits, call);
        }
    }

    private static final PlanCall<float[]> LOGITS = (plan, input, logits) -> {
        plan.run(input, logits);
        return logits.toArray(ValueLayout.JAVA_FLOAT);
    };

    /**
     * Runs a batch from caller memory: {@code input} holds {@code batch x 3 x size x size} floats
     * (NCHW, native order), {@code logits} receives {@code batch x classes} floats. Nothing is
     * allocated once a plan for this batch size exists.
     *
     * @throws EfficientFormerException when a segment has the wrong size or {@code logits} is
     *     read-only (checked before a plan is compiled for {@code batch}), or, with
     *     {@link ModelOptions#rejectNonFinite()}, when the input holds NaN or an infinity
     * @throws IllegalStateException after {@link #close()}
     */
    public void predict(MemorySegment input, int batch, MemorySegment logits) {
        onPlan(input, batch, logits, RUN);
    }

    /**
     * Runs one batch like {@link #predict(MemorySegment, int, MemorySegment)} and reports how long
     * each step took (each step is waited for, so the total is a little above a normal run).
     */
    public List<StepTime> profile(MemorySegment input, int batch, MemorySegment logits) {
        return onPlan(input, batch, logits, Plan::profile, false);
    }

    /** What a prediction does with the plan it borrowed. */
    private interface PlanCall<T> {
        T call(Plan plan, MemorySegment input, MemorySegment logits);
    }

    // Non-capturing, so a single instance: predicting allocates nothing.
    private static final PlanCall<Void> RUN = (plan, input, logits) -> {
        plan.run(input, logits);
        return null;
    };

    /**
     * Checks the arguments, then runs {@code call} on a plan for this batch size borrowed from the
     * pool, holding the read lock (so close waits) and the thread budget's permits.
     */
    private <T> T onPlan(MemorySegment input, int batch, MemorySegment logits, PlanCall<T> call) {
        return onPlan(input, batch, logits, call, true);
    }

    /**
     * {@code timed}: whether the run's time may steer the thread count (not for profiling, whose
     * waits after every step make it slower).
     */
    private <T> T onPlan(MemorySegment input, int batch, MemorySegment logits, PlanCall<T> call, boolean timed) {
        checkBatch(batch);
        checkSegments(input, batch, logits);
        if (options.rejectNonFinite()) {
            checkFinite(input);
        }
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("model is closed");
            }
            BatchPlans forBatch = plansFor(batch);
            int threads = forBatch.threads();
            if (split != null && (call == RUN || call == LOGITS) && splits(batch, threads)
                    && split.reachable(input) && split.reachable(logits) && runSplit(forBatch, input, batch, logits, threads, timed)) {
                @SuppressWarnings("unchecked")
                T result = call == LOGITS ? (T) logits.toArray(ValueLayout.JAVA_FLOAT) : null;
                return result;
            }
            ArrayDeque<Plan> pool = forBatch.pool(threads);
            Plan plan = borrow(pool, batch, threads);
            int permits = ThreadBudget.global().acquire(threads);
            try {
                long cpuStart = timed ? CallingThreadCpu.nanos() : -1;
                long start = System.nanoTime();
                T result = call.call(plan, input, logits);
                if (timed) {
                    long wall = System.nanoTime() - start;
                    long cpu = cpuStart < 0 ? -1 : CallingThreadCpu.nanos() - cpuStart;
                    forBatch.ran(threads, wall, cpu);
                }
                return result;
            } finally {
                ThreadBudget.global().release(permits);
                giveBack(pool, plan);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a batch of {@code batch} on {@code threads} runs split: only into equal parts, since
     * the largest part sets the latency (batch 3 on two threads would run two images on one thread
     * against one and a half per thread unsplit).
     */
    private static boolean splits(int batch, int threads) {
        return threads > 1 && batch >= threads && batch % threads == 0;
    }

    /**
     * A batch as {@code threads} parts on one-thread plans at once ({@link BatchSplit}), under the
     * same thread budget as one plan on {@code threads}; false, having run nothing, when another
     * prediction's split holds the workers. The calling thread sleeps once its part is done until
     * the others are, so its CPU share drops when a worker's part lags (a neighbour holds that
     * core) as it drops when its own core is taken: the same signal the thread count steers by.
     */
    private boolean runSplit(BatchPlans forBatch, MemorySegment input, int batch, MemorySegment logits, int threads, boolean timed) {
        if (!split.tryAcquire()) {
            return false;
        }
        try {
            int permits = ThreadBudget.global().acquire(threads);
            try {
                long cpuStart = timed ? CallingThreadCpu.nanos() : -1;
                long start = System.nanoTime();
                split.run(threads, batch, input, logits);
                if (timed) {
                    long wall = System.nanoTime() - start;
                    forBatch.ran(threads, wall, cpuStart < 0 ? -1 : CallingThreadCpu.nanos() - cpuStart);
                }
            } finally {
                ThreadBudget.global().release(permits);
            }
        } finally {
            split.release();
        }
        return true;
    }

    /** One part of a split batch on a one-thread plan (the model's {@link BatchSplit.Part}). */
    private void runPart(MemorySegment input, MemorySegment logits, int first, int count) {
        long inBytes = (long) inputFloatsPerImage() * Float.BYTES;
        long outBytes = (long) numClasses() * Float.BYTES;
        ArrayDeque<Plan> pool = plansFor(count).pool(1);
        Plan plan = borrow(pool, count, 1);
        try {
            plan.run(input, first * inBytes, logits, first * outBytes);
        } finally {
            giveBack(pool, plan);
        }
    }

    /** The plan pools of one batch size, created on first use. */
    private BatchPlans plansFor(int batch) {
        BatchPlans forBatch = plans.get(batch);
        if (forBatch == null) {
            // Only here, once per batch size: the capturing lambda allocates.
            forBatch = plans.computeIfAbsent(batch, b -> new BatchPlans(options.threads(), options.threadPolicy()));
        }
        return forBatch;
    }

    /** Whether a plan pool exists for this batch size (tests: a split compiles its parts' sizes). */
    boolean hasPlansFor(int batch) {
        return plans.containsKey(batch);
    }

    private static void giveBack(ArrayDeque<Plan> pool, Plan plan) {
        synchronized (pool) {
            pool.push(plan);
        }
    }

    private void checkBatch(int batch) {
        if (batch < 1) {
            throw new EfficientFormerException("batch must be at least 1, got " + batch);
        }
    }

    /** Before any plan is compiled for {@code batch}: a wrong size must not cost a compilation. */
    private void checkSegments(MemorySegment input, int batch, MemorySegment logits) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(logits, "logits");
        long inFloats = (long) batch * inputFloatsPerImage();
        if (input.byteSize() != inFloats * Float.BYTES) {
            throw new EfficientFormerException("input segment holds " + input.byteSize() + " bytes, a batch of " + batch
                    + " needs " + inFloats + " floats (" + batch + " x 3 x " + options.imageHeight() + " x "
                    + options.imageWidth() + ", " + inFloats * Float.BYTES + " bytes)");
        }
        long outFloats = (long) batch * numClasses();
        if (logits.byteSize() != outFloats * Float.BYTES) {
            throw new EfficientFormerException("logits segment holds " + logits.byteSize() + " bytes, a batch of " + batch
                    + " writes " + outFloats + " floats (" + batch + " x " + numClasses() + " classes, "
                    + outFloats * Float.BYTES + " bytes)");
        }
        if (logits.isReadOnly()) {
            throw new EfficientFormerException("logits segment is read-only");
        }
        requireFloatAligned("input", input);
        requireFloatAligned("logits", logits);
    }

    /** Float tensors are read and written with aligned accesses, by every backend. */
    private static void requireFloatAligned(String what, MemorySegment segment) {
        if (segment.maxByteAlignment() < Float.BYTES) {
            throw new EfficientFormerException(what + " segment is not 4-byte aligned (" + (segment.isNative()
                    ? "address 0x" + Long.toHexString(segment.address()) : "a heap segment over a byte array")
                    + "): allocate it with arena.allocate(ValueLayout.JAVA_FLOAT, n), or wrap a float[]");
        }
    }

    /** The {@link ModelOptions#rejectNonFinite()} check: the first NaN or infinity, located. */
    private void checkFinite(MemorySegment input) {
        long n = input.byteSize() / Float.BYTES;
        for (long i = 0; i < n; i++) {
            float v = input.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
            if (!Float.isFinite(v)) {
                int width = options.imageWidth();
                long plane = (long) options.imageHeight() * width;
                long image = i / (3 * plane);
                long within = i % (3 * plane);
                throw new EfficientFormerException("input value " + i + " (image " + image + ", channel " + within / plane
                        + ", row " + within % plane / width + ", column " + within % width + ") is " + v
                        + "; this model rejects non-finite inputs (ModelOptions.rejectNonFinite)");
            }
        }
    }

    private Plan borrow(ArrayDeque<Plan> pool, int batch, int threads) {
        Plan p;
        synchronized (pool) {
            p = pool.poll();
        }
        if (p != null) {
            return p;
        }
        p = backend.compile(graph, batch, threads, weights);
        synchronized (allPlans) {
            allPlans.add(p);
        }
        return p;
    }

    /**
     * Length of one image's embedding: the pooled features after the final norm, before the
     * classifier ({@code pre_logits} in timm), what similarity search and linear probes use.
     */
    public int embeddingSize() {
        return spec.numFeatures();
    }

    /**
     * Embeddings of a batch of preprocessed images ({@code batch x 3 x size x size} floats, NCHW):
     * {@code batch x embeddingSize()} floats, timm's {@code forward_head(x, pre_logits=True)}.
     * Runs the whole model on the same plans as {@link #predict(float[], int)}; the logits are
     * computed too and dropped.
     *
     * @throws EfficientFormerException for a wrong size, as {@link #predict(float[], int)}
     */
    public float[] embed(float[] nchw, int batch) {
        return onArray(nchw, batch, EMBED);
    }

    /** The embedding of one preprocessed image ({@code 3 x size x size} floats). */
    public float[] embed(float[] chw) {
        return embed(chw, 1);
    }

    /** The embedding of an image file (decoded and preprocessed like the reference). */
    public float[] embed(Path imageFile) {
        return embed(preprocessor().toChw(imageFile));
    }

    /** The embedding of an image (preprocessed like the reference). */
    public float[] embed(BufferedImage image) {
        return embed(preprocessor().toChw(image));
    }

    /**
     * Logits and embeddings of a batch of preprocessed images from one run of the model (what
     * {@link #predict(float[], int)} and {@link #embed(float[], int)} give, bit for bit, at half the
     * cost of calling both).
     *
     * @throws EfficientFormerException for a wrong size, as {@link #predict(float[], int)}
     */
    public ModelOutputs forward(float[] nchw, int batch) {
        return onArray(nchw, batch, BOTH);
    }

    private static final PlanCall<ModelOutputs> BOTH = (plan, input, logits) -> {
        plan.run(input, logits);
        return new ModelOutputs(logits.toArray(ValueLayout.JAVA_FLOAT), plan.tap(EfficientFormerGraphBuilder.PRE_LOGITS_TAP));
    };

    private static final PlanCall<float[]> EMBED = (plan, input, logits) -> {
        plan.run(input, logits);
        return plan.tap(EfficientFormerGraphBuilder.PRE_LOGITS_TAP);
    };

    /** Logits for an image (decoded, resized, cropped and normalised like the reference). */
    public float[] predict(BufferedImage image) {
        return predict(preprocessor().toChw(image));
    }

    /** The {@code k} most probable classes of an image. */
    public List<Prediction> classify(BufferedImage image, int k) {
        return topK(predict(image), k);
    }

    /**
     * The {@code k} most probable classes of an image file (JPEG or PNG).
     *
     * @throws dev.efficientformer.image.ImageDecodingException when the file is not a readable image
     */
    public List<Prediction> classify(Path imageFile, int k) {
        return topK(predict(preprocessor().toChw(imageFile)), k);
    }

    /**
     * The {@code k} most probable classes of each image file, in order.
     *
     * <p>Images are run in batches of at most {@value #MAX_CHUNK}, each a power of two, so that a
     * model compiles plans for at most four batch sizes whatever the lengths of the lists.
     *
     * @throws dev.efficientformer.image.ImageDecodingException at the first image that cannot be
     *     decoded (see {@link #classifyEach} to get the others' results anyway)
     */
    public List<List<Prediction>> classify(List<Path> imageFiles, int k) {
        List<List<Prediction>> out = new ArrayList<>(imageFiles.size());
        for (ImageClassification c : classifyEach(imageFiles, k)) {
            if (!c.ok()) {
                throw c.failure();
            }
            out.add(c.predictions());
        }
        return out;
    }

    /**
     * Classifies each image file, reporting a file that cannot be read or decoded in its own result
     * instead of failing the others. Batching as in {@link #classify(List, int)}.
     *
     * @throws EfficientFormerException for {@code k < 1}; failures of the model itself (a closed
     *     model, a native error) are not per image and are thrown
     */
    public List<ImageClassification> classifyEach(List<Path> imageFiles, int k) {
        checkK(k);
        return inBatches(imageFiles, false,
                (file, logits) -> new ImageClassification(file, topK(logits, k), null),
                (file, e) -> new ImageClassification(file, List.of(), e));
    }

    /**
     * The embedding of each image file ({@link #embed(Path)}), reporting a file that cannot be read
     * or decoded in its own result instead of failing the others. Batching as in
     * {@link #classify(List, int)}: on oneDNN the last bits of an embedding can depend on the batch
     * size an image ran in (within the accuracy gate), so on the number of images in the list.
     *
     * @throws EfficientFormerException failures of the model itself (a closed model, a native
     *     error) are not per image and are thrown
     */
    public List<ImageEmbedding> embedEach(List<Path> imageFiles) {
        return inBatches(imageFiles, true,
                (file, embedding) -> new ImageEmbedding(file, embedding, null),
                (file, e) -> new ImageEmbedding(file, null, e));
    }

    /**
     * Runs image files in chunks of at most {@value #MAX_CHUNK}, each a power of two; the decodable
     * images of a chunk run together, padded with copies to a power of two, so a model compiles
     * plans for at most four batch sizes whatever the lengths of the lists. {@code ok} receives one
     * image's logits (or embedding), {@code failed} why an image could not be decoded.
     */
    private <R> List<R> inBatches(List<Path> imageFiles, boolean embeddings, java.util.function.BiFunction<Path, float[], R> ok,
                                  java.util.function.BiFunction<Path, EfficientFormerException, R> failed) {
        List<R> out = new ArrayList<>(imageFiles.size());
        int per = inputFloatsPerImage();
        int width = embeddings ? embeddingSize() : numClasses();
        for (int from = 0; from < imageFiles.size(); ) {
            int chunk = Math.min(MAX_CHUNK, Integer.highestOneBit(imageFiles.size() - from));
            List<Path> files = imageFiles.subList(from, from + chunk);
            float[][] inputs = new float[chunk][];
            List<R> results = new ArrayList<>(java.util.Collections.nCopies(chunk, null));
            int good = 0;
            for (int i = 0; i < chunk; i++) {
                try {
                    inputs[i] = preprocessor().toChw(files.get(i));
                    good++;
                } catch (EfficientFormerException e) {
                    results.set(i, failed.apply(files.get(i), e));
                }
            }
            int batch = good == 0 ? 0 : Integer.highestOneBit(good) == good ? good : Integer.highestOneBit(good) << 1;
            if (batch > 0) {
                float[] nchw = new float[batch * per];
                int[] slot = new int[chunk];
                int next = 0;
                float[] filler = null;
                for (int i = 0; i < chunk; i++) {
                    if (inputs[i] != null) {
                        System.arraycopy(inputs[i], 0, nchw, next * per, per);
                        filler = inputs[i];
                        slot[i] = next++;
                    }
                }
                for (; next < batch; next++) {
                    System.arraycopy(filler, 0, nchw, next * per, per);
                }
                float[] rows = embeddings ? embed(nchw, batch) : predict(nchw, batch);
                for (int i = 0; i < chunk; i++) {
                    if (inputs[i] != null) {
                        results.set(i, ok.apply(files.get(i), java.util.Arrays.copyOfRange(rows, slot[i] * width, (slot[i] + 1) * width)));
                    }
                }
            }
            out.addAll(results);
            from += chunk;
        }
        return out;
    }

    /** The largest batch {@link #classifyEach} and {@link #embedEach} run. */
    public static final int MAX_CHUNK = 8;

    /** The {@code k} largest of one image's logits with softmax probabilities and labels. */
    public List<Prediction> topK(float[] logits, int k) {
        checkK(k);
        if (logits.length != numClasses()) {
            throw new EfficientFormerException("expected " + numClasses() + " logits, got " + logits.length);
        }
        return TopK.of(logits, Math.min(k, logits.length), labels);
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new EfficientFormerException("k must be at least 1, got " + k);
        }
    }

    /** Frees every plan after predictions in flight finish. Idempotent. */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (allPlans) {
                for (Plan p : allPlans) {
                    p.close();
                }
                allPlans.clear();
            }
            plans.clear();
            weights.close();
            if (split != null) {
                split.close();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "EfficientFormerModel[" + spec + ", backend " + backend.name() + ", " + options.threads() + " thread(s)]";
    }
}
