package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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

    /** Scratch floats one call needs. */
    static int scratchSize(int n, int kd) {
        return (kd + 1) * paddedTokens(n);
    }

    /**
     * Head {@code h} of the image whose {@code qkv [n, heads * (2kd + vd)]} starts at {@code xo},
     * into {@code y [n, heads * vd]} at {@code yo}.
     */
    static void head(float[] qkv, int xo, int n, int heads, int kd, int vd, int h, float[] bias, float scale, float[] y, int yo,
                     float[] scratch) {
        int hw = 2 * kd + vd;
        int row = heads * hw;
        int qOff = xo + h * hw;
        int kOff = qOff + kd;
        int vOff = qOff + 2 * kd;
        int np = paddedTokens(n);
        int pOff = kd * np;
        for (int d = 0; d < kd; d++) {
            for (int j = 0; j < n; j++) {
                scratch[d * np + j] = qkv[kOff + j * row + d];
            }
            for (int j = n; j < np; j++) {
                scratch[d * np + j] = 0f;
            }
        }
        int outRow = heads * vd;
        for (int i = 0; i < n; i++) {
            int q = qOff + i * row;
            int b = (h * n + i) * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < np; j += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int d = 0; d < kd; d++) {
                    acc = FloatVector.broadcast(S, qkv[q + d]).fma(FloatVector.fromArray(S, scratch, d * np + j), acc);
                }
                VectorMask<Float> m = S.indexInRange(j, n);
                FloatVector s = acc.mul(scale).add(FloatVector.fromArray(S, bias, b + j, m));
                s.intoArray(scratch, pOff + j);
                max = Math.max(max, s.reduceLanes(VectorOperators.MAX, m));
            }
            float sum = 0f;
            for (int j = 0; j < np; j += L) {
                VectorMask<Float> m = S.indexInRange(j, n);
                FloatVector e = FloatVector.fromArray(S, scratch, pOff + j).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(scratch, pOff + j);
                sum += e.reduceLanes(VectorOperators.ADD, m);
            }
            int out = yo + i * outRow + h * vd;
            for (int d = 0; d < vd; d += L) {
                VectorMask<Float> m = S.indexInRange(d, vd);
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0; j < n; j++) {
                    acc = FloatVector.broadcast(S, scratch[pOff + j]).fma(FloatVector.fromArray(S, qkv, vOff + j * row + d, m), acc);
                }
                acc.div(sum).intoArray(y, out + d, m);
            }
        }
    }
}
