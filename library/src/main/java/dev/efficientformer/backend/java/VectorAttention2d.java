package dev.efficientformer.backend.java;

import dev.efficientformer.graph.Ops;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * EfficientFormerV2 attention ({@link Ops.Attention2d}) of one image on channel-major q, k, v:
 * scores as broadcast-FMAs along the keys (a key row of one channel is contiguous), the talking
 * heads as FMAs over whole score planes, the softmax through {@link VectorAttention#exponentiate},
 * and {@code a v} as dot products along the keys summed in a fixed lane order. Score rows are
 * padded to whole vectors; padded keys score {@code -inf} after any mixing (mixing infinities
 * would give NaN), so max, exp and sum need no masks.
 *
 * <p>Thread-safety: stateless; callers own the output image and the scratch.
 */
final class VectorAttention2d {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorAttention2d() {
    }

    /** Scratch floats one image needs: two padded score tensors, the padded keys of one head, one vector of lanes. */
    static int scratchSize(Ops.Attention2d a) {
        int np = VectorAttention.paddedTokens(a.keys());
        return 2 * a.heads() * a.queries() * np + a.keyDim() * np + L;
    }

    static void image(float[] q, int qo, float[] k, int ko, float[] v, int vo, Ops.Attention2d a, float[] y, int yo, float[] s) {
        int heads = a.heads();
        int nq = a.queries();
        int nk = a.keys();
        int kd = a.keyDim();
        int np = VectorAttention.paddedTokens(nk);
        int plane = nq * np;
        int mixed = heads * plane;
        int keys = 2 * mixed;
        int lanes = keys + kd * np;
        float scale = a.scale();
        float[] bias = a.bias();
        for (int h = 0; h < heads; h++) {
            for (int d = 0; d < kd; d++) {
                System.arraycopy(k, ko + (h * kd + d) * nk, s, keys + d * np, nk);
                java.util.Arrays.fill(s, keys + d * np + nk, keys + (d + 1) * np, 0f);
            }
            for (int i = 0; i < nq; i++) {
                int row = h * plane + i * np;
                for (int j = 0; j < np; j += L) {
                    FloatVector acc = FloatVector.zero(S);
                    for (int d = 0; d < kd; d++) {
                        acc = FloatVector.broadcast(S, q[qo + (h * kd + d) * nq + i]).fma(FloatVector.fromArray(S, s, keys + d * np + j), acc);
                    }
                    acc.mul(scale).intoArray(s, row + j);
                }
                int b = (h * nq + i) * nk;
                for (int j = 0; j < nk; j++) {
                    s[row + j] += bias[b + j];
                }
            }
        }
        int p = 0;
        if (a.talkingHeads()) {
            mix(s, 0, a.mixBefore(), a.mixBeforeBias(), heads, plane, s, mixed);
            p = mixed;
        }
        for (int r = 0; r < heads * nq; r++) {
            int row = p + r * np;
            java.util.Arrays.fill(s, row + nk, row + np, Float.NEGATIVE_INFINITY);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < np; j += L) {
                max = Math.max(max, FloatVector.fromArray(S, s, row + j).reduceLanes(VectorOperators.MAX));
            }
            float sum = VectorAttention.exponentiate(s, row, np, max, lanes);
            for (int j = 0; j < np; j += L) {
                FloatVector.fromArray(S, s, row + j).div(sum).intoArray(s, row + j);
            }
        }
        if (a.talkingHeads()) {
            mix(s, mixed, a.mixAfter(), a.mixAfterBias(), heads, plane, s, 0);
            p = 0;
        }
        int vd = a.valDim();
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < nq; i++) {
                int row = p + h * plane + i * np;
                for (int e = 0; e < vd; e++) {
                    y[yo + (h * vd + e) * nq + i] = dot(s, row, v, vo + (h * vd + e) * nk, nk, lanes);
                }
            }
        }
    }

    /** {@code out[g] = bias[g] + sum_h mix[g, h] * in[h]} over whole planes of {@code plane} floats. */
    private static void mix(float[] in, int io, float[] m, float[] bias, int heads, int plane, float[] out, int oo) {
        for (int g = 0; g < heads; g++) {
            int dst = oo + g * plane;
            java.util.Arrays.fill(out, dst, dst + plane, bias[g]);
            for (int h = 0; h < heads; h++) {
                FloatVector w = FloatVector.broadcast(S, m[g * heads + h]);
                int src = io + h * plane;
                for (int t = 0; t < plane; t += L) {
                    FloatVector.fromArray(S, in, src + t).fma(w, FloatVector.fromArray(S, out, dst + t)).intoArray(out, dst + t);
                }
            }
        }
    }

    /** {@code sum_j a[ao + j] * b[bo + j]} for {@code j < n}, the lanes added in a fixed order (through {@code lanes}). */
    private static float dot(float[] a, int ao, float[] b, int bo, int n, int lanes) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j <= n - L; j += L) {
            acc = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        }
        acc.intoArray(a, lanes);
        float total = 0f;
        for (int l = 0; l < L; l++) {
            total += a[lanes + l];
        }
        for (; j < n; j++) {
            total += a[ao + j] * b[bo + j];
        }
        return total;
    }
}
