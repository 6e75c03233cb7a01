package dev.efficientformer.benchmarks;

import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
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
 * One op of EfficientFormer L1/L3/L7 at its stage's shape (see {@link OpShapes} for the ids),
 * compiled by each backend for one image and one thread: a measured call is one
 * {@link Plan#run} on input and output segments made once. Compare backends side by side in one
 * run, e.g. the GEMMs of L1:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OpBenchmark -p backend=dnnl,java-vector,java-scalar \
 *     -p op=l1.s0.fc1,l1.s0.fc2,l1.s1.fc1,l1.s1.fc2,l1.s2.fc1,l1.s2.fc2,l1.s3.fc1,l1.s3.fc2,l1.s3.qkv,l1.s3.proj,l1.s3.mlp1,l1.s3.mlp2
 * }</pre>
 *
 * Add {@code -prof gc} to see that a run allocates nothing. Results (GFLOPS = 2 * MACs / time)
 * are in docs/backends.md (Pure-Java backend, Measurements).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class OpBenchmark {
    /** The op and shape, {@code <model>.<where>.<op>} (see {@link OpShapes}). */
    @Param({"l1.s0.fc1", "l1.s0.fc2", "l1.s1.fc1", "l1.s1.fc2", "l1.s2.fc1", "l1.s2.fc2", "l1.s3.fc1", "l1.s3.fc2", "l1.s3.qkv",
        "l1.s3.proj", "l1.s3.mlp1", "l1.s3.mlp2", "l1.stem1", "l1.stem2", "l1.s1.down", "l1.s2.down", "l1.s3.down", "l1.s0.mixer",
        "l1.s1.mixer", "l1.s2.mixer", "l1.s3.mixer", "l1.s3.ln", "l1.s3.attn", "l1.head",
        "l3.s0.fc1", "l3.s0.fc2", "l3.s1.fc1", "l3.s1.fc2", "l3.s2.fc1", "l3.s2.fc2", "l3.s3.fc1", "l3.s3.fc2", "l3.s3.qkv",
        "l3.s3.proj", "l3.s3.mlp1", "l3.s3.mlp2", "l3.stem1", "l3.stem2", "l3.s1.down", "l3.s2.down", "l3.s3.down", "l3.s0.mixer",
        "l3.s1.mixer", "l3.s2.mixer", "l3.s3.mixer", "l3.s3.ln", "l3.s3.attn", "l3.head",
        "l7.s0.fc1", "l7.s0.fc2", "l7.s1.fc1", "l7.s1.fc2", "l7.s2.fc1", "l7.s2.fc2", "l7.s3.fc1", "l7.s3.fc2", "l7.s3.qkv",
        "l7.s3.proj", "l7.s3.mlp1", "l7.s3.mlp2", "l7.stem1", "l7.stem2", "l7.s1.down", "l7.s2.down", "l7.s3.down", "l7.s0.mixer",
        "l7.s1.mixer", "l7.s2.mixer", "l7.s3.mixer", "l7.s3.ln", "l7.s3.attn", "l7.head"})
    public String op;

    /** {@code dnnl}, {@code java-vector} or {@code java-scalar}. */
    @Param({"dnnl", "java-vector", "java-scalar"})
    public String backend;

    /** Threads of the plan. */
    @Param("1")
    public int threads;

    private Plan plan;
    private Arena arena;
    private MemorySegment input;
    private MemorySegment output;

    @Setup(Level.Trial)
    public void setup() {
        Graph g = OpShapes.graph(op, 1);
        Backend b = switch (backend) {
            case "dnnl" -> new DnnlBackend();
            case "java-vector" -> new JavaBackend(JavaBackend.Tier.VECTOR);
            case "java-scalar" -> new JavaBackend(JavaBackend.Tier.SCALAR);
            default -> throw new IllegalArgumentException("backend " + backend + ": use dnnl, java-vector or java-scalar");
        };
        plan = b.compile(g, 1, threads);
        arena = Arena.ofShared();
        int in = (int) g.input().elementsPerImage();
        input = arena.allocateFrom(ValueLayout.JAVA_FLOAT, OpShapes.randoms(new SplittableRandom(2), in, 1.0));
        output = arena.allocate(g.output().elementsPerImage() * Float.BYTES, 64);
        System.out.println("\n" + op + ": " + g.macsPerImage() / 1e6 + " M MACs; " + plan.describe());
    }

    /** One run of the op's plan. */
    @Benchmark
    public void run(Blackhole bh) {
        plan.run(input, output);
        bh.consume(output.getAtIndex(ValueLayout.JAVA_FLOAT, 0));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plan.close();
        arena.close();
    }
}
