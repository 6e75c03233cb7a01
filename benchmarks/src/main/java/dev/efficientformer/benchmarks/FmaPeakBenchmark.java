package dev.efficientformer.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fp32 arithmetic ceiling of one core: fused multiply-adds on the widest vectors the JVM
 * uses here, in sixteen independent chains (enough to cover the FMA latency of every x86 and Arm
 * core we know) and with no memory traffic. Beside {@link GemmPeakBenchmark} (what oneDNN's
 * best kernel reaches) it tells how far from the hardware a model runs: a model at 90% of the
 * GEMM figure has little left to gain from kernels, whatever ONNX Runtime does. Run with
 * {@code -t 2} for two cores.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar FmaPeak}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FmaPeakBenchmark {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 16;
    /** Loop trips per invocation: long enough that the call and the reduction cost nothing. */
    private static final int TRIPS = 100_000;

    // Fields, not constants, so the JIT cannot fold the chains away.
    private float multiplier = 0.999999f;
    private float addend = 1e-7f;

    /** {@code TRIPS x CHAINS} vector FMAs; the sum is returned so none of it is dead code. */
    @Benchmark
    public float fma(GigaFlops counter) {
        FloatVector m = FloatVector.broadcast(SPECIES, multiplier);
        FloatVector c = FloatVector.broadcast(SPECIES, addend);
        FloatVector a0 = FloatVector.broadcast(SPECIES, 0f);
        FloatVector a1 = FloatVector.broadcast(SPECIES, 1f);
        FloatVector a2 = FloatVector.broadcast(SPECIES, 2f);
        FloatVector a3 = FloatVector.broadcast(SPECIES, 3f);
        FloatVector a4 = FloatVector.broadcast(SPECIES, 4f);
        FloatVector a5 = FloatVector.broadcast(SPECIES, 5f);
        FloatVector a6 = FloatVector.broadcast(SPECIES, 6f);
        FloatVector a7 = FloatVector.broadcast(SPECIES, 7f);
        FloatVector a8 = FloatVector.broadcast(SPECIES, 8f);
        FloatVector a9 = FloatVector.broadcast(SPECIES, 9f);
        FloatVector a10 = FloatVector.broadcast(SPECIES, 10f);
        FloatVector a11 = FloatVector.broadcast(SPECIES, 11f);
        FloatVector a12 = FloatVector.broadcast(SPECIES, 12f);
        FloatVector a13 = FloatVector.broadcast(SPECIES, 13f);
        FloatVector a14 = FloatVector.broadcast(SPECIES, 14f);
        FloatVector a15 = FloatVector.broadcast(SPECIES, 15f);
        for (int i = 0; i < TRIPS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
            a12 = a12.fma(m, c);
            a13 = a13.fma(m, c);
            a14 = a14.fma(m, c);
            a15 = a15.fma(m, c);
        }
        counter.gflops += 2.0 * TRIPS * CHAINS * SPECIES.length() / 1e9;
        FloatVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7);
        sum = sum.add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15);
        return sum.reduceLanes(VectorOperators.ADD);
    }
}
