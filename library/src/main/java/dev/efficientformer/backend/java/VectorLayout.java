package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The reshaping ops of the vector tier: feature map to tokens (a transpose, blocked so that both
 * sides stay in cache) and the mean over tokens (vectorised along the channels, summing tokens in
 * the same order as the scalar control).
 *
 * <p>Thread-safety: stateless.
 */
final class VectorLayout {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 16;

    private VectorLayout() {
    }

    /** {@code x [c, hw] -> y [hw, c]}. */
    static void toTokens(float[] x, int xo, int c, int hw, float[] y, int yo) {
        for (int c0 = 0; c0 < c; c0 += BLOCK) {
            int c1 = Math.min(c, c0 + BLOCK);
            for (int t0 = 0; t0 < hw; t0 += BLOCK) {
                int t1 = Math.min(hw, t0 + BLOCK);
                for (int ch = c0; ch < c1; ch++) {
                    for (int t = t0; t < t1; t++) {
                        y[yo + t * c + ch] = x[xo + ch * hw + t];
                    }
                }
            }
        }
    }

    /** {@code x [n, c] -> y [c]}: the mean over rows. */
    static void meanTokens(float[] x, int xo, int n, int c, float[] y, int yo) {
        int ch = 0;
        for (; ch <= c - L; ch += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int t = 0; t < n; t++) {
                acc = acc.add(FloatVector.fromArray(S, x, xo + t * c + ch));
            }
            acc.div(n).intoArray(y, yo + ch);
        }
        for (; ch < c; ch++) {
            float sum = 0;
            for (int t = 0; t < n; t++) {
                sum += x[xo + t * c + ch];
            }
            y[yo + ch] = sum / n;
        }
    }
}
