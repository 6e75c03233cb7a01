package dev.efficientformer.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts floating-point work, which JMH reports per second of benchmark time as the secondary
 * result {@code gflops}: the peak benchmarks add each invocation's work to it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GigaFlops {
    /** Billions of floating-point operations done. */
    public double gflops;

    /** Starts each iteration's count at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        gflops = 0;
    }
}
