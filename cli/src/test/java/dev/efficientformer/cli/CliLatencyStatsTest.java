package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CliLatencyStatsTest {
    @Test
    void medianAndNearestRankP90() {
        long[] ms = new long[10];
        for (int i = 0; i < 10; i++) {
            ms[i] = (10 - i) * 1_000_000L; // 10 ms .. 1 ms, unsorted on purpose
        }
        LatencyStats s = LatencyStats.ofNanos(ms);
        assertEquals(5.5, s.medianMs(), 1e-9);
        assertEquals(9.0, s.p90Ms(), 1e-9);
        assertEquals(1.0, s.minMs(), 1e-9);
        assertEquals(5.5, s.meanMs(), 1e-9);
        assertEquals(3.0, LatencyStats.ofNanos(new long[] {3_000_000}).p90Ms(), 1e-9);
    }
}
