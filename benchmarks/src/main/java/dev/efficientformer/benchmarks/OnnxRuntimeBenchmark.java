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
 * <p>The session is built once per trial with {@code threads} intra-op threads, one inter-op thread,
 * sequential execution and all graph optimisations. Input and output tensors wrap direct buffers
 * made once in {@link #setup()}, and the output is pinned, so a measured call is one
 * {@code OrtSession.run} that copies nothing in or out.
 *
 * <p>Before anything is measured the session runs the fixture input (batch 2) and its logits are
 * compared with the fixture's; a mismatch fails the trial, so a wrong model never reports a time.
 * The fixture ({@code input.f32}, {@code logits.f32}) is looked up beside the model.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar OnnxRuntime};
 * another model: {@code -p onnx=<dir>/model.onnx} (with the fixture files in {@code <dir>}).
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
    private static final int FIXTURE_BATCH = 2;

    /** Images per inference. */
    @Param({"1", "8"})
    public int batch;

    /** ONNX Runtime's intra-op threads. */
    @Param({"1", "2"})
    public int threads;

    /** The ONNX model, relative to the working directory (the repository root). */
    @Param("../shared/fixtures/efficientformer_l1/model.onnx")
    public String onnx;

    private OrtEnvironment env;
    private SessionOptions options;
    private OrtSession session;
    private OnnxTensor input;
    private OnnxTensor output;
    private FloatBuffer outputBuffer;
    private Map<String, OnnxTensor> inputs;
    private Map<String, OnnxTensor> pinnedOutputs;

    @Setup(Level.Trial)
    public void setup() throws OrtException, IOException {
        Path modelPath = Path.of(onnx);
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

        env = OrtEnvironment.getEnvironment();
        options = new SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OptLevel.ALL_OPT);
        options.addCPU(true);
        session = env.createSession(modelPath.toString(), options);

        String inputName = single(session.getInputInfo(), "input");
        String outputName = single(session.getOutputInfo(), "output");
        checkShape(session.getInputInfo().get(inputName), 4, "input");
        checkShape(session.getOutputInfo().get(outputName), 2, "output");

        float[] fixtureInput = readFloats(inputFile, FIXTURE_BATCH * IMAGE);
        float[] fixtureLogits = readFloats(logitsFile, FIXTURE_BATCH * CLASSES);
        check(inputName, outputName, fixtureInput, fixtureLogits);

        // The measured input: the fixture images repeated to fill the batch.
        FloatBuffer in = directFloats(batch * IMAGE);
        for (int n = 0; n < batch; n++) {
            in.put(n * IMAGE, fixtureInput, (n % FIXTURE_BATCH) * IMAGE, IMAGE);
        }
        input = OnnxTensor.createTensor(env, in, new long[] {batch, CHANNELS, SIZE, SIZE});
        outputBuffer = directFloats(batch * CLASSES);
        output = OnnxTensor.createTensor(env, outputBuffer, new long[] {batch, CLASSES});
        inputs = Map.of(inputName, input);
        pinnedOutputs = Map.of(outputName, output);

        // One untimed run into the pinned output, checked against the fixture too: this also proves
        // that ORT writes straight into outputBuffer (no hidden copy the loop would miss).
        runPinned();
        float[] expected = new float[CLASSES];
        float[] actual = new float[CLASSES];
        for (int n = 0; n < batch; n++) {
            System.arraycopy(fixtureLogits, (n % FIXTURE_BATCH) * CLASSES, expected, 0, CLASSES);
            outputBuffer.get(n * CLASSES, actual);
            compare(actual, expected, "batch " + batch + ", image " + n);
        }
    }

    /** One inference of {@code batch} images; the logits land in the pinned output buffer. */
    @Benchmark
    public void infer(Blackhole bh) throws OrtException {
        runPinned();
        bh.consume(outputBuffer.get(0));
        bh.consume(outputBuffer.get(batch * CLASSES - 1));
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
    public void tearDown() throws OrtException {
        if (output != null) output.close();
        if (input != null) input.close();
        if (session != null) session.close();
        if (options != null) options.close();
    }

    /** Runs the fixture batch through the session (ORT allocating the output) and compares the logits. */
    private void check(String inputName, String outputName, float[] fixtureInput, float[] fixtureLogits) throws OrtException {
        FloatBuffer buf = directFloats(FIXTURE_BATCH * IMAGE).put(0, fixtureInput);
        try (OnnxTensor t = OnnxTensor.createTensor(env, buf, new long[] {FIXTURE_BATCH, CHANNELS, SIZE, SIZE});
                OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxTensor out = (OnnxTensor) r.get(outputName).orElseThrow();
            long[] shape = out.getInfo().getShape();
            if (!Arrays.equals(shape, new long[] {FIXTURE_BATCH, CLASSES})) {
                throw new IllegalStateException("output shape " + Arrays.toString(shape) + ", expected [2, 1000]");
            }
            FloatBuffer fb = out.getFloatBuffer();
            float[] actual = new float[FIXTURE_BATCH * CLASSES];
            fb.get(actual);
            double diff = compare(actual, fixtureLogits, "fixture batch 2");
            System.out.printf("ONNX Runtime %s: %s -> %s, fixture logits max abs diff %.3g%n",
                    OrtEnvironment.getEnvironment().getVersion(), inputName, outputName, diff);
        }
    }

    /** Fails unless max |a - e| <= 1e-4 * max(1, max |e|); returns the max difference. */
    private static double compare(float[] actual, float[] expected, String what) {
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (!(d <= maxDiff)) maxDiff = d; // NaN-safe: a NaN difference sticks
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
        }
        double tolerance = 1e-4 * Math.max(1, maxAbs);
        if (!(maxDiff <= tolerance)) {
            throw new IllegalStateException("ONNX Runtime logits differ from logits.f32 (" + what + "): max abs diff "
                    + maxDiff + " > " + tolerance + "; refusing to benchmark a wrong model");
        }
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

    private static float[] readFloats(Path file, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != count * Float.BYTES) {
            throw new IllegalStateException(file + " has " + bytes.length + " bytes, expected " + count * Float.BYTES);
        }
        float[] out = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
