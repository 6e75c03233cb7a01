package dev.efficientformer.benchmarks;

import java.util.Arrays;

/**
 * Summary of a paired comparison: per round, one latency of each engine measured minutes (not
 * an hour) apart, so that what the machine does to both in that round cancels in their ratio.
 * On a shared VM a neighbour or a clock change can move one engine's JMH block by 10-30% against
 * the other's; the ratio of each round's pair does not drift with it.
 *
 * <p>The interval of the median ratio is distribution-free: the order statistics of ranks
 * {@code k+1} and {@code n-k}, with {@code k} from the normal approximation of the binomial,
 * cover the true median with about 95% probability for independent rounds (fewer than 6 rounds
 * have no such interval: both ends are then the extremes).
 *
 * <p>Thread-safety: immutable.
 *
 * @param first the first engine's latencies, one per round (milliseconds)
 * @param second the second engine's latencies, same rounds
 */
record PairedRatios(double[] first, double[] second) {
    /** Checks that both have the same number of rounds, at least one, all positive and finite. */
    PairedRatios {
        if (first.length != second.length || first.length == 0) {
            throw new IllegalArgumentException("paired rounds need the same, non-zero number of values: "
                    + first.length + " and " + second.length);
        }
        for (int i = 0; i < first.length; i++) {
            if (!(first[i] > 0 && second[i] > 0) || Double.isInfinite(first[i]) || Double.isInfinite(second[i])) {
                throw new IllegalArgumentException("round " + i + ": latencies must be positive and finite, got "
                        + first[i] + " and " + second[i]);
            }
        }
        first = first.clone();
        second = second.clone();
    }

    /** Rounds measured. */
    int rounds() {
        return first.length;
    }

    /** Each round's {@code first / second}, sorted. */
    double[] sortedRatios() {
        double[] r = new double[first.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = first[i] / second[i];
        }
        Arrays.sort(r);
        return r;
    }

    /** The median of the rounds' ratios. */
    double medianRatio() {
        return percentile(sortedRatios(), 50);
    }

    /** The lower end of the ~95% interval of the median ratio. */
    double ratioLow() {
        return sortedRatios()[confidenceRank(rounds())];
    }

    /** The upper end of the ~95% interval of the median ratio. */
    double ratioHigh() {
        return sortedRatios()[rounds() - 1 - confidenceRank(rounds())];
    }

    /**
     * The 0-based rank {@code k} of the interval's lower end among {@code n} sorted values (the
     * upper end is {@code n - 1 - k}): {@code floor((n - 1.96 sqrt n) / 2)} rounded down to a
     * valid rank.
     */
    static int confidenceRank(int n) {
        int k = (int) Math.floor((n - 1.96 * Math.sqrt(n)) / 2);
        return Math.max(0, Math.min(k, (n - 1) / 2));
    }

    /** The {@code p}-th percentile (0-100) of sorted values, interpolating between ranks. */
    static double percentile(double[] sorted, double p) {
        double at = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
