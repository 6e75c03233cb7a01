package dev.efficientformer.benchmarks;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.ThreadPolicy;
import dev.efficientformer.cli.CoRunner;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.model.RandomWeights;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Whole-model latency of this library: L1 on the full-size fixture weights, L3 and L7 on seeded
 * random weights of the real shapes ({@link SeededRandomCase}). The counterpart of
 * {@link OnnxRuntimeBenchmark}: same weights, same input, same parameters for each model; run both
 * in one JMH invocation to compare them side by side.
 *
 * <p>Input and output are off-heap segments made once; a measured call is one
 * {@link EfficientFormerModel#predict(MemorySegment, int, MemorySegment)}. Before timing L1, the
 * fixture input's logits are checked against the reference, so a wrong model never reports a time.
 *
 * <p>{@code backend}: {@code dnnl}, {@code dnnl-high} (oneDNN with matmul precision high: bf16x3
 * on AMX, see {@link MatmulPrecision#HIGH}), {@code java-vector} or {@code java-scalar} (the java
 * backend with its tier forced through {@code -Defficientformer.java.tier}; each parameter
 * combination runs in its own fork).
 *
 * <p>Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar "OnnxRuntime|EfficientFormerModel"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class EfficientFormerModelBenchmark {
    private static final int IMAGE = 3 * 224 * 224;
    private static final int CLASSES = 1000;
    private static final int FIXTURE_BATCH = 2;

    /** Images per inference. */
    @Param({"1", "8"})
    public int batch;

    /** Threads per inference. */
    @Param({"1", "2"})
    public int threads;

    /** Backend: {@code dnnl}, {@code dnnl-high}, {@code java-vector} or {@code java-scalar}. */
    @Param({"dnnl", "dnnl-high", "java-vector", "java-scalar"})
    public String backend;

    /**
     * Model: {@code l1} or {@code v2-s0} (the fixture weights below), {@code l3}, {@code l7},
     * {@code v2-s1}, {@code v2-s2} or {@code v2-l} (seeded random weights of the real shapes).
     */
    @Param({"l1", "l3", "l7", "v2-s0", "v2-s1", "v2-s2", "v2-l"})
    public String model;

    /** The L1 weights, relative to the repository root. */
    @Param("../shared/fixtures/efficientformer_l1/model.safetensors")
    public String weights;

    /** The EfficientFormerV2-S0 weights, relative to the repository root. */
    @Param("../shared/fixtures/efficientformerv2_s0/model.safetensors")
    public String v2S0Weights;

    /**
     * Another process keeping cores busy while this runs ({@link CoRunner}): {@code none},
     * {@code spin[:N]} or {@code memory[:N]}; started after the setup's checks, stopped at teardown.
     */
    @Param("none")
    public String coRunner;

    private CoRunner neighbour;

    /** {@code adaptive} (the library's default: fewer threads when fewer are faster) or {@code fixed}. */
    @Param("adaptive")
    public String threadPolicy;
    private EfficientFormerModel instance;
    private Arena arena;
    private MemorySegment input;
    private MemorySegment output;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        String backendName = backend;
        MatmulPrecision precision = MatmulPrecision.HIGHEST;
        if (backend.startsWith("java-")) {
            System.setProperty(JavaBackend.TIER_PROPERTY, backend.substring("java-".length()));
            backendName = "java";
        } else if (backend.equals("dnnl-high")) {
            backendName = "dnnl";
            precision = MatmulPrecision.HIGH;
        }
        ModelOptions options = ModelOptions.defaults().withBackend(backendName).withThreads(threads).withMatmulPrecision(precision)
                .withThreadPolicy(ThreadPolicy.valueOf(threadPolicy.toUpperCase(java.util.Locale.ROOT)));
        arena = Arena.ofShared();
        input = arena.allocate((long) batch * IMAGE * Float.BYTES, 64);
        output = arena.allocate((long) batch * CLASSES * Float.BYTES, 64);
        if (!model.equals("l1") && !model.equals("v2-s0")) {
            try (RandomWeights w = SeededRandomCase.weights(model)) {
                instance = EfficientFormerModel.fromWeights(w, options);
            }
            float[] image = SeededRandomCase.image();
            for (int n = 0; n < batch; n++) {
                MemorySegment.copy(image, 0, input, ValueLayout.JAVA_FLOAT, (long) n * IMAGE * Float.BYTES, IMAGE);
            }
            instance.predict(input, batch, output);
            System.out.println("\n" + model + " on " + backend + ": " + instance);
            startNeighbour();
            return;
        }
        Path path = Path.of(model.equals("l1") ? weights : v2S0Weights);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: run from the repository root with ../shared beside it");
        }
        Path dir = path.toAbsolutePath().getParent();
        float[] fixtureInput = ReferenceLogits.readF32(dir.resolve("input.f32"), FIXTURE_BATCH * IMAGE);
        float[] fixtureLogits = ReferenceLogits.readF32(dir.resolve("logits.f32"), FIXTURE_BATCH * CLASSES);
        instance = EfficientFormerModel.load(path, options);
        for (int n = 0; n < batch; n++) {
            MemorySegment.copy(fixtureInput, (n % FIXTURE_BATCH) * IMAGE, input, ValueLayout.JAVA_FLOAT, (long) n * IMAGE * Float.BYTES, IMAGE);
        }
        instance.predict(input, batch, output);
        for (int n = 0; n < batch; n++) {
            float[] expected = Arrays.copyOfRange(fixtureLogits, (n % FIXTURE_BATCH) * CLASSES, (n % FIXTURE_BATCH + 1) * CLASSES);
            float[] actual = output.asSlice((long) n * CLASSES * Float.BYTES, (long) CLASSES * Float.BYTES).toArray(ValueLayout.JAVA_FLOAT);
            double diff = ReferenceLogits.maxDiff(expected, actual);
            if (!ReferenceLogits.within(diff, ReferenceLogits.tolerance(expected))) {
                throw new IllegalStateException("logits of image " + n + " differ from the reference by " + diff);
            }
        }
        startNeighbour();
    }

    private void startNeighbour() throws IOException {
        neighbour = CoRunner.startIfAny(coRunner).orElse(null);
    }

    /** One inference of {@code batch} images into the preallocated output. */
    @Benchmark
    public void infer(Blackhole bh) {
        bh.consume(runOnce());
    }

    /** One inference of {@code batch} images after {@link #setup()}; returns the first logit. */
    float runOnce() {
        instance.predict(input, batch, output);
        return output.getAtIndex(ValueLayout.JAVA_FLOAT, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (neighbour != null) {
            neighbour.close();
        }
        instance.close();
        arena.close();
    }
}
