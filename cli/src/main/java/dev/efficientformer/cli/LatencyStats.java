package dev.efficientformer.cli;

import java.util.Arrays;

/**
 * Summary of timed runs. Median and p90 rather than the mean: a shared machine's occasional stall
 * moves the mean a lot and the median hardly at all.
 *
 * <p>Thread-safety: immutable.
 *
 * @param runs number of timed runs
 * @param medianMs median, milliseconds (the mean of the two middle runs for an even count)
 * @param p90Ms 90th percentile by nearest rank, milliseconds
 * @param minMs fastest run, milliseconds
 * @param meanMs mean, milliseconds
 */
public record LatencyStats(int runs, double medianMs, double p90Ms, double minMs, double meanMs) {
    /** Statistics of run times in nanoseconds (at least one). */
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timed runs");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        long p90 = s[(int) Math.ceil(0.9 * n) - 1];
        double mean = Arrays.stream(s).average().orElseThrow();
        return new LatencyStats(n, median / 1e6, p90 / 1e6, s[0] / 1e6, mean / 1e6);
    }
}
