package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * EfficientFormer V1 attention for one (image, head): {@code softmax(q k^T * scale + bias) v}.
 * The head's keys are transposed once into scratch ({@code Kt [kd, nPad]}) so that a query's
 * scores are broadcast-FMAs along the keys; the softmax is vectorised along the keys (vector EXP);
 * {@code a v} broadcasts each probability against contiguous value rows. Sizes here are small
 * (49 tokens, key dim 32, value dim 128), so this is plain vector code rather than a GEMM call.
 *
 * <p>Thread-safety: stateless; callers own the output head and the scratch.
 */
final class VectorAttention {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorAttention() {
    }

    /** Tokens rounded up to whole vectors. */
    static int paddedTokens(int n) {
        return (n + L - 1) / L * L;
    }

    /** Scratch floats one call needs: the transposed keys, the probabilities, one vector of lanes. */
    static int scratchSize(int n, int kd) {
        return (kd + 1) * paddedTokens(n) + L;
    }

    /**
     * The bias {@code [heads, n, n]} with each row padded to {@link #paddedTokens} columns of
     * negative infinity: padded keys then score {@code -inf}, so that max, exp and sum run over
     * whole vectors without masks.
     */
    static float[] padBias(float[] bias, int heads, int n) {
        int np = paddedTokens(n);
        float[] p = new float[heads * n * np];
        java.util.Arrays.fill(p, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < heads * n; r++) {
            System.arraycopy(bias, r * n, p, r * np, n);
        }
        return p;
    }

    /**
     * Head {@code h} of the image whose {@code qkv [n, heads * (2kd + vd)]} starts at {@code xo},
     * into {@code y [n, heads * vd]} at {@code yo}; {@code paddedBias} from {@link #padBias}.
     */
    static void head(float[] qkv, int xo, int n, int heads, int kd, int vd, int h, float[] paddedBias, float scale, float[] y,
                     int yo, float[] scratch) {
        int hw = 2 * kd + vd;
        int row = heads * hw;
        int qOff = xo + h * hw;
        int np = paddedTokens(n);
        int pOff = kd * np;
        transposeKeys(qkv, qOff + kd, row, n, np, kd, scratch);
        for (int i = 0; i < n; i++) {
            float max = scores(qkv, qOff + i * row, kd, np, scale, paddedBias, (h * n + i) * np, scratch, pOff);
            float sum = exponentiate(scratch, pOff, np, max, pOff + np);
            weightedValues(qkv, qOff + 2 * kd, row, n, vd, scratch, pOff, sum, y, yo + i * heads * vd + h * vd);
        }
    }

    /** {@code Kt[d, j] = k[j, d]}, zero for the padded keys. */
    private static void transposeKeys(float[] qkv, int kOff, int row, int n, int np, int kd, float[] kt) {
        for (int d = 0; d < kd; d++) {
            for (int j = 0; j < n; j++) {
                kt[d * np + j] = qkv[kOff + j * row + d];
            }
            for (int j = n; j < np; j++) {
                kt[d * np + j] = 0f;
            }
        }
    }

    /** One query's scores {@code q . k_j * scale + bias} into {@code p}; returns their maximum. */
    private static float scores(float[] qkv, int q, int kd, int np, float scale, float[] bias, int b, float[] s, int p) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < np; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int d = 0; d < kd; d++) {
                acc = FloatVector.broadcast(S, qkv[q + d]).fma(FloatVector.fromArray(S, s, d * np + j), acc);
            }
            FloatVector v = acc.mul(scale).add(FloatVector.fromArray(S, bias, b + j));
            v.intoArray(s, p + j);
            max = Math.max(max, v.reduceLanes(VectorOperators.MAX));
        }
        return max;
    }

    /**
     * {@code p = exp(p - max)} in place; returns the sum, added lane by lane in a fixed order
     * (through {@code lanes}) so that results do not depend on how the JIT reduces a vector.
     */
    static float exponentiate(float[] s, int p, int np, float max, int lanes) {
        FloatVector sum = FloatVector.zero(S);
        for (int j = 0; j < np; j += L) {
            // Clamped so that no probability is subnormal (an FMA reading one takes a microcode
            // assist); exp(-87) is 1.6e-38, nothing next to the maximum's 1. Padded keys (-inf)
            // get it too, but are never read. exp inline: see VectorExp.
            FloatVector x = FloatVector.fromArray(S, s, p + j).sub(max).max(-87f);
            FloatVector magic = x.mul(VectorExp.LOG2E).add(VectorExp.ROUND);
            FloatVector nf = magic.sub(VectorExp.ROUND);
            // n * ln2_hi is exact (ln2_hi has 9 significant bits, |n| <= 126).
            FloatVector r = nf.mul(VectorExp.MINUS_LN2_HI).add(x).add(nf.mul(VectorExp.MINUS_LN2_LO));
            FloatVector q = r.fma(VectorExp.P0, VectorExp.P1);
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P2));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P3));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P4));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P5));
            q = q.fma(r.mul(r), r).add(1f);
            FloatVector e = q.mul(magic.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(VectorExp.EXPONENT_OFFSET)
                    .reinterpretAsFloats());
            e.intoArray(s, p + j);
            sum = sum.add(e);
        }
        sum.intoArray(s, lanes);
        float total = 0f;
        for (int i = 0; i < L; i++) {
            total += s[lanes + i];
        }
        return total;
    }

    /** {@code out[d] = sum_j p[j] v[j, d] / sum}. */
    private static void weightedValues(float[] qkv, int vOff, int row, int n, int vd, float[] s, int p, float sum, float[] y,
                                       int out) {
        int d = 0;
        for (; d <= vd - L; d += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < n; j++) {
                acc = FloatVector.broadcast(S, s[p + j]).fma(FloatVector.fromArray(S, qkv, vOff + j * row + d), acc);
            }
            acc.div(sum).intoArray(y, out + d);
        }
        for (; d < vd; d++) {
            float acc = 0f;
            for (int j = 0; j < n; j++) {
                acc += s[p + j] * qkv[vOff + j * row + d];
            }
            y[out + d] = acc / sum;
        }
    }
}
