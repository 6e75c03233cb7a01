package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise kernels of the vector tier over contiguous ranges of float arrays, with a masked
 * last vector: the standalone ops (add, sub, ReLU, per-channel scale) and the pieces of the GEMM
 * epilogue (bias, residual). GELU is in {@link VectorErf}.
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
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, a, ao + i, m).add(FloatVector.fromArray(S, b, bo + i, m)).intoArray(y, yo + i, m);
        }
    }

    /** {@code y = a - b}. */
    static void sub(float[] a, int ao, float[] b, int bo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, a, ao + i, m).sub(FloatVector.fromArray(S, b, bo + i, m)).intoArray(y, yo + i, m);
        }
    }

    /** {@code y = max(x, 0)}. */
    static void relu(float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xo + i, m).max(0f).intoArray(y, yo + i, m);
        }
    }

    /** {@code y = x * s} for one factor. */
    static void scale(float[] x, int xo, float s, float[] y, int yo, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xo + i, m).mul(s).intoArray(y, yo + i, m);
        }
    }

    /** {@code y[i] = x[i] * s[so + i]}: a channels-last row times the per-channel factors. */
    static void mul(float[] x, int xo, float[] s, int so, float[] y, int yo, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xo + i, m).mul(FloatVector.fromArray(S, s, so + i, m)).intoArray(y, yo + i, m);
        }
    }

    /** {@code x += s}: one bias for the whole range. */
    static void addScalarInPlace(float[] x, int xo, float s, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xo + i, m).add(s).intoArray(x, xo + i, m);
        }
    }

    /** {@code x += b}. */
    static void addInPlace(float[] x, int xo, float[] b, int bo, int n) {
        add(x, xo, b, bo, x, xo, n);
    }
}
