package dev.efficientformer.benchmarks;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.TensorInfo;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.cli.CoRunner;
import dev.efficientformer.benchmarks.onnx.EfficientFormerOnnxExport;
import dev.efficientformer.model.RandomWeights;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reference point for the oneDNN backend: the same EfficientFormer weights, exported to ONNX,
 * run by ONNX Runtime Java on its CPU execution provider.
 *
 * <p>{@code model} {@code l1}: the fixture's {@code model.onnx} (torch.onnx.export of timm's L1;
 * {@code -p onnx=...} picks another file); {@code v2-s0}: the EfficientFormerV2-S0 fixture's.
 * {@code l3}, {@code l7}, {@code v2-s1}, {@code v2-s2}, {@code v2-l}: the seeded random weights
 * {@link EfficientFormerModelBenchmark} runs ({@link SeededRandomCase}), written at setup by
 * {@link EfficientFormerOnnxExport} (the op structure of torch's L1 and S0 exports) to a temporary
 * file that teardown deletes. The parameter has the same name in both benchmarks, so {@code -p model=l3}
 * selects the same model in one JMH run.
 *
 * <p>The session is built once per trial with {@code threads} intra-op threads, one inter-op thread,
 * sequential execution and all graph optimisations. Input and output tensors wrap direct buffers
 * made once in {@link #setup()}, and the output is pinned, so a measured call is one
 * {@code OrtSession.run} that copies nothing in or out.
 *
 * <p>Before anything is measured the session's logits are checked: for {@code l1} the fixture input
 * (batch 2, {@code input.f32} beside the model) against {@code logits.f32}, likewise for
 * {@code v2-s0}; for the random weights the seeded random image against this library's own model (dnnl backend) built from
 * the same weights. A mismatch, {@code max|diff| > 1e-4 * max(1, max|logit|)}, fails the trial, so
 * a wrong model never reports a time.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar OnnxRuntime}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED") // ORT's System.load in the fork
public class OnnxRuntimeBenchmark {

    private static final int CHANNELS = 3;
    private static final int SIZE = 224;
    private static final int IMAGE = CHANNELS * SIZE * SIZE;
    private static final int CLASSES = 1000;

    /** Images per inference. */
    @Param({"1", "8"})
    public int batch;

    /** ONNX Runtime's intra-op threads. */
    @Param({"1", "2"})
    public int threads;

    /**
     * Model: {@code l1} or {@code v2-s0} (the fixtures' ONNX files below), {@code l3}, {@code l7},
     * {@code v2-s1}, {@code v2-s2} or {@code v2-l} (exported random weights).
     */
    @Param({"l1", "l3", "l7", "v2-s0", "v2-s1", "v2-s2", "v2-l"})
    public String model;

    /** The L1 ONNX model, relative to the working directory (the repository root). */
    @Param("../shared/fixtures/efficientformer_l1/model.onnx")
    public String onnx;

    /** The EfficientFormerV2-S0 ONNX model (torch.onnx.export of timm's S0), relative to the repository root. */
    @Param("../shared/fixtures/efficientformerv2_s0/model.onnx")
    public String v2S0Onnx;

    /** The export of this trial's random weights (L3, L7, V2-S1/S2/L), deleted at teardown. */
    private Path exported;
    /** Largest {@code max|diff|} seen by the checks, for tests. */
    double checkedMaxDiff;
    /** Where ONNX Runtime writes its profile ({@code <prefix>_<date>.json}), for {@link OrtOpProfile}; null: no profile. */
    String profilePrefix;

    private OrtEnvironment env;
    /**
     * Another process keeping cores busy while this runs ({@link CoRunner}): {@code none},
     * {@code spin[:N]} or {@code memory[:N]}; started after the setup's checks, stopped at teardown.
     */
    @Param("none")
    public String coRunner;

    private CoRunner neighbour;
    private SessionOptions options;
    private OrtSession session;
    private OnnxTensor input;
    private OnnxTensor output;
    private FloatBuffer outputBuffer;
    private Map<String, OnnxTensor> inputs;
    private Map<String, OnnxTensor> pinnedOutputs;

    @Setup(Level.Trial)
    public void setup() throws OrtException, IOException {
        try {
            open();
        } catch (Throwable e) {
            // JMH does not tear down a trial whose setup failed: free the session and delete the export here.
            try {
                tearDown();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void open() throws OrtException, IOException {
        Path modelPath;
        Reference reference;
        switch (model) {
            case "l1" -> {
                modelPath = Path.of(onnx);
                reference = fixtureReference(modelPath);
            }
            case "v2-s0" -> {
                modelPath = Path.of(v2S0Onnx);
                reference = fixtureReference(modelPath);
            }
            case "l3", "l7", "v2-s1", "v2-s2", "v2-l" -> {
                exported = Files.createTempFile("efficientformer_" + model + "-", ".onnx");
                modelPath = exported;
                reference = exportRandomWeights(exported);
            }
            default -> throw new IllegalArgumentException("model \"" + model + "\": expected l1, l3, l7, v2-s0, v2-s1, v2-s2 or v2-l");
        }

        env = OrtEnvironment.getEnvironment();
        options = new SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OptLevel.ALL_OPT);
        options.addCPU(true);
        if (profilePrefix != null) {
            options.enableProfiling(profilePrefix);
        }
        session = env.createSession(modelPath.toString(), options);

        String inputName = single(session.getInputInfo(), "input");
        String outputName = single(session.getOutputInfo(), "output");
        checkShape(session.getInputInfo().get(inputName), 4, "input");
        checkShape(session.getOutputInfo().get(outputName), 2, "output");

        check(inputName, outputName, reference);

        // The measured input: the reference images repeated to fill the batch.
        FloatBuffer in = directFloats(batch * IMAGE);
        for (int n = 0; n < batch; n++) {
            in.put(n * IMAGE, reference.input(), (n % reference.batch()) * IMAGE, IMAGE);
        }
        input = OnnxTensor.createTensor(env, in, new long[] {batch, CHANNELS, SIZE, SIZE});
        outputBuffer = directFloats(batch * CLASSES);
        output = OnnxTensor.createTensor(env, outputBuffer, new long[] {batch, CLASSES});
        inputs = Map.of(inputName, input);
        pinnedOutputs = Map.of(outputName, output);

        // One untimed run into the pinned output, checked against the reference too: this also proves
        // that ORT writes straight into outputBuffer (no hidden copy the loop would miss).
        runPinned();
        float[] expected = new float[CLASSES];
        float[] actual = new float[CLASSES];
        for (int n = 0; n < batch; n++) {
            System.arraycopy(reference.logits(), (n % reference.batch()) * CLASSES, expected, 0, CLASSES);
            outputBuffer.get(n * CLASSES, actual);
            compare(actual, expected, reference.what() + ", batch " + batch + ", image " + n);
        }
        neighbour = CoRunner.startIfAny(coRunner).orElse(null);
    }

    /** The L1 fixture: {@code input.f32} ([2,3,224,224]) and {@code logits.f32} ([2,1000]) beside the model. */
    private static Reference fixtureReference(Path modelPath) {
        if (!Files.isRegularFile(modelPath)) {
            throw new IllegalStateException(modelPath.toAbsolutePath()
                    + " not found: run from the repository root with ../shared beside it, or pass -p onnx=<file.onnx>");
        }
        Path dir = modelPath.toAbsolutePath().getParent();
        Path inputFile = dir.resolve("input.f32");
        Path logitsFile = dir.resolve("logits.f32");
        if (!Files.isRegularFile(inputFile) || !Files.isRegularFile(logitsFile)) {
            throw new IllegalStateException("the correctness check needs input.f32 ([2,3,224,224]) and logits.f32 ([2,1000]) in "
                    + dir + ": not found");
        }
        int fixtureBatch = 2;
        try {
            return new Reference(ReferenceLogits.readF32(inputFile, fixtureBatch * IMAGE), ReferenceLogits.readF32(logitsFile, fixtureBatch * CLASSES), fixtureBatch,
                    "logits.f32");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the fixture in " + dir + ": " + e, e);
        }
    }

    /**
     * Writes the seeded random weights of {@code model} to {@code file} as ONNX and returns the
     * seeded image with the logits this library's dnnl backend gives it on the same weights.
     */
    private Reference exportRandomWeights(Path file) throws IOException {
        float[] image = SeededRandomCase.image();
        try (RandomWeights w = SeededRandomCase.weights(model)) {
            EfficientFormerOnnxExport.export(w, file);
            try (EfficientFormerModel ours = EfficientFormerModel.fromWeights(w, ModelOptions.defaults().withBackend("dnnl"))) {
                float[] logits = ours.predict(image);
                if (logits.length != CLASSES) {
                    throw new IllegalStateException("the " + model + " random weights have " + logits.length + " classes, expected " + CLASSES);
                }
                return new Reference(image, logits, 1, "this library's dnnl logits on the " + model + " random weights");
            }
        }
    }

    /** One inference of {@code batch} images; the logits land in the pinned output buffer. */
    @Benchmark
    public void infer(Blackhole bh) throws OrtException {
        bh.consume(runOnce());
    }

    /** One inference of {@code batch} images after {@link #setup()}; returns the first logit plus the last. */
    float runOnce() throws OrtException {
        runPinned();
        return outputBuffer.get(0) + outputBuffer.get(batch * CLASSES - 1);
    }

    private void runPinned() throws OrtException {
        // The result holds only the pinned output, which it does not own: closing it frees nothing of ours.
        try (OrtSession.Result result = session.run(inputs, pinnedOutputs)) {
            if (result.size() != 1 || result.isResultOwner(0)) {
                throw new IllegalStateException("expected the pinned output back, got " + result.size() + " values");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException, IOException {
        // Idempotent: a failed setup already ran it.
        if (neighbour != null) neighbour.close();
        neighbour = null;
        if (output != null) output.close();
        output = null;
        if (input != null) input.close();
        input = null;
        if (session != null) session.close();
        session = null;
        if (options != null) options.close();
        options = null;
        if (exported != null) Files.deleteIfExists(exported);
        exported = null;
    }

    /**
     * This benchmark set up by hand rather than by JMH ({@link SideBySide}, {@link OrtOpProfile}):
     * {@code model} at {@code batch} images and {@code threads} threads, no co-runner, and the
     * files of the JMH defaults; {@link #setup()} is the caller's to call.
     */
    static OnnxRuntimeBenchmark outsideJmh(String model, int batch, int threads) {
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = model;
        b.batch = batch;
        b.threads = threads;
        b.coRunner = "none";
        b.onnx = JmhParams.defaultOf(OnnxRuntimeBenchmark.class, "onnx");
        b.v2S0Onnx = JmhParams.defaultOf(OnnxRuntimeBenchmark.class, "v2S0Onnx");
        return b;
    }

    /** Ends the profile that {@link #profilePrefix} started and returns its file. */
    Path endProfiling() throws OrtException {
        return Path.of(session.endProfiling());
    }

    /** The L3/L7 export while the trial runs (null for L1 and after teardown), for tests. */
    Path exportedFile() {
        return exported;
    }

    /**
     * Input images and their expected logits.
     *
     * @param input {@code batch} images, NCHW
     * @param logits {@code [batch, 1000]}
     * @param batch images in {@code input}
     * @param what where the logits come from, for messages
     */
    private record Reference(float[] input, float[] logits, int batch, String what) {
    }

    /** Runs the reference batch through the session (ORT allocating the output) and compares the logits. */
    private void check(String inputName, String outputName, Reference reference) throws OrtException {
        int n = reference.batch();
        FloatBuffer buf = directFloats(n * IMAGE).put(0, reference.input());
        try (OnnxTensor t = OnnxTensor.createTensor(env, buf, new long[] {n, CHANNELS, SIZE, SIZE});
                OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxTensor out = (OnnxTensor) r.get(outputName).orElseThrow();
            long[] shape = out.getInfo().getShape();
            if (!Arrays.equals(shape, new long[] {n, CLASSES})) {
                throw new IllegalStateException("output shape " + Arrays.toString(shape) + ", expected [" + n + ", " + CLASSES + "]");
            }
            FloatBuffer fb = out.getFloatBuffer();
            float[] actual = new float[n * CLASSES];
            fb.get(actual);
            double diff = compare(actual, reference.logits(), reference.what() + ", batch " + n);
            System.out.printf("ONNX Runtime %s, %s: %s -> %s, max abs diff %.3g against %s%n",
                    OrtEnvironment.getEnvironment().getVersion(), model, inputName, outputName, diff, reference.what());
        }
    }

    /** Fails unless max |a - e| <= 1e-4 * max(1, max |e|); returns the max difference. */
    private double compare(float[] actual, float[] expected, String what) {
        double maxDiff = ReferenceLogits.maxDiff(expected, actual);
        double tolerance = ReferenceLogits.tolerance(expected);
        if (!ReferenceLogits.within(maxDiff, tolerance)) {
            throw new IllegalStateException("ONNX Runtime logits differ from " + what + ": max abs diff "
                    + maxDiff + " > " + tolerance + "; refusing to benchmark a wrong model");
        }
        checkedMaxDiff = Math.max(checkedMaxDiff, maxDiff);
        return maxDiff;
    }

    private static String single(Map<String, NodeInfo> nodes, String what) {
        if (nodes.size() != 1) {
            throw new IllegalStateException("expected one model " + what + ", got " + nodes.keySet());
        }
        return nodes.keySet().iterator().next();
    }

    private static void checkShape(NodeInfo node, int rank, String what) {
        if (!(node.getInfo() instanceof TensorInfo info) || info.getShape().length != rank
                || info.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new IllegalStateException("model " + what + " " + node.getName() + " is " + node.getInfo()
                    + ", expected a float32 tensor of rank " + rank);
        }
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
