package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer normalisation over the last dim of token rows, vectorised along the row: the mean, then
 * the biased variance around it (two passes, as the scalar control), then
 * {@code (x - mean) * inv * gamma + beta}.
 *
 * <p>Thread-safety: stateless; callers own the rows they write.
 */
final class VectorNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorNorm() {
    }

    /** Normalises rows {@code [r0, r1)} of {@code x [rows, c]} into {@code y}. */
    static void layerNorm(float[] x, float[] y, int r0, int r1, int c, float[] gamma, float[] beta, float eps) {
        for (int r = r0; r < r1; r++) {
            int base = r * c;
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < c; i += L) {
                VectorMask<Float> m = S.indexInRange(i, c);
                acc = acc.add(FloatVector.fromArray(S, x, base + i, m));
            }
            float mean = acc.reduceLanes(VectorOperators.ADD) / c;
            FloatVector sq = FloatVector.zero(S);
            for (int i = 0; i < c; i += L) {
                VectorMask<Float> m = S.indexInRange(i, c);
                FloatVector d = FloatVector.fromArray(S, x, base + i, m).sub(mean);
                // Masked-off lanes are zero in the load but not after subtracting the mean.
                sq = sq.add(d.mul(d), m);
            }
            float var = sq.reduceLanes(VectorOperators.ADD) / c;
            float inv = (float) (1.0 / Math.sqrt(var + eps));
            for (int i = 0; i < c; i += L) {
                VectorMask<Float> m = S.indexInRange(i, c);
                FloatVector.fromArray(S, x, base + i, m).sub(mean).mul(inv).mul(FloatVector.fromArray(S, gamma, i, m))
                        .add(FloatVector.fromArray(S, beta, i, m)).intoArray(y, base + i, m);
            }
        }
    }
}
