package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedRatiosTest {
    @Test
    void theMedianRatioIsOfTheRoundsNotOfTheMedians() {
        // Round 3 is slow for both engines (a neighbour): it moves each engine's median but not the ratios.
        PairedRatios r = new PairedRatios(new double[] {8, 9, 80, 10, 8}, new double[] {10, 10, 100, 12.5, 11});
        assertEquals(0.8, r.medianRatio(), 1e-12);
        assertEquals(5, r.rounds());
    }

    @Test
    void theIntervalComesFromOrderStatistics() {
        // n = 30: k = floor((30 - 1.96 * sqrt 30) / 2) = 9: ranks 10 and 21 (1-based).
        assertEquals(9, PairedRatios.confidenceRank(30));
        assertEquals(0, PairedRatios.confidenceRank(5));
        assertEquals(0, PairedRatios.confidenceRank(1));
        double[] first = new double[30];
        double[] second = new double[30];
        for (int i = 0; i < 30; i++) {
            first[i] = 30 - i; // ratios 1.0 .. 30.0 / 10, in reverse order
            second[i] = 10;
        }
        PairedRatios r = new PairedRatios(first, second);
        assertEquals(1.0, r.ratioLow(), 1e-12);
        assertEquals(2.1, r.ratioHigh(), 1e-12);
        assertEquals(1.55, r.medianRatio(), 1e-12);
    }

    @Test
    void percentilesInterpolate() {
        assertEquals(2.5, PairedRatios.percentile(new double[] {1, 2, 3, 4}, 50), 1e-12);
        assertEquals(1, PairedRatios.percentile(new double[] {1, 2, 3, 4}, 0), 1e-12);
        assertEquals(4, PairedRatios.percentile(new double[] {1, 2, 3, 4}, 100), 1e-12);
    }

    @Test
    void unpairedOrNonPositiveRoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PairedRatios(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new PairedRatios(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new PairedRatios(new double[] {1, Double.NaN}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new PairedRatios(new double[] {1, 0}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new PairedRatios(new double[] {1, 1}, new double[] {1, Double.POSITIVE_INFINITY}));
    }
}
