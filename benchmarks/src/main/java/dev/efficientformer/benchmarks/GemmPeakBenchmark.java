package dev.efficientformer.benchmarks;

import dev.efficientformer.backend.dnnl.DnnlReferenceMatmul;
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

/**
 * This machine's fp32 GEMM peak as oneDNN reaches it: one large square matmul
 * ({@link DnnlReferenceMatmul}), timed like the models, with a {@code gflops} secondary result.
 * Run it in the same JMH invocation as {@link EfficientFormerModelBenchmark} to state a model's
 * speed as a fraction of it: {@code 2 x MACs x batch / latency} over this {@code gflops}.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar GemmPeak}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GemmPeakBenchmark {

    /** M = N = K. 2048: 17 GFLOP per product, 64 MiB of operands, far past every cache. */
    @Param({"2048"})
    public int size;

    /** OpenMP threads of the product. */
    @Param({"1", "2"})
    public int threads;

    private DnnlReferenceMatmul matmul;

    @Setup(Level.Trial)
    public void setup() {
        matmul = DnnlReferenceMatmul.create(size, size, size, threads);
        matmul.run();
        System.out.println("\nreference matmul " + size + "^3, " + threads + " thread(s): " + matmul.implementation());
    }

    /** One product. */
    @Benchmark
    public void matmul(GigaFlops counter) {
        matmul.run();
        counter.gflops += matmul.flops() / 1e9;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        matmul.close();
    }
}
