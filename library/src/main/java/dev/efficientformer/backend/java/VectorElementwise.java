package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise kernels of the vector tier over contiguous ranges of float arrays: the standalone
 * ops (add, sub, ReLU, per-channel scale) and the pieces of the GEMM epilogue (bias, residual).
 * GELU is in {@link VectorErf}.
 *
 * <p>Like every non-GEMM kernel of the tier, each loops over whole vectors and finishes with a
 * scalar tail rather than a masked vector: masked operations make methods too large for C1 to
 * compile, and a method C1 gives up on may never reach C2, leaving its vectors as heap objects.
 *
 * <p>Thread-safety: stateless; callers own the ranges they write.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    /** {@code y = a + b}. */
    static void add(float[] a, int ao, float[] b, int bo, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = a[ao + i] + b[bo + i];
        }
    }

    /** {@code y = a - b}. */
    static void sub(float[] a, int ao, float[] b, int bo, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = a[ao + i] - b[bo + i];
        }
    }

    /** {@code y = max(x, 0)}. */
    static void relu(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, xo + i).max(0f).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.max(x[xo + i], 0f);
        }
    }

    /** {@code y = x * s} for one factor. */
    static void scale(float[] x, int xo, float s, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(s).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = x[xo + i] * s;
        }
    }

    /** {@code y[i] = x[i] * s[so + i]}: a channels-last row times the per-channel factors. */
    static void mul(float[] x, int xo, float[] s, int so, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(FloatVector.fromArray(S, s, so + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = x[xo + i] * s[so + i];
        }
    }

    /** {@code x += s}: one bias for the whole range. */
    static void addScalarInPlace(float[] x, int xo, float s, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, x, xo + i).add(s).intoArray(x, xo + i);
        }
        for (; i < n; i++) {
            x[xo + i] += s;
        }
    }

    /** {@code x += b}. */
    static void addInPlace(float[] x, int xo, float[] b, int bo, int n) {
        add(x, xo, b, bo, x, xo, n);
    }
}
