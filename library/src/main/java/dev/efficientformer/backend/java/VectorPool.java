package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Shape-preserving average pooling ({@code stride 1, kernel = 2 * pad + 1}) that excludes padding
 * from the count, alone or as EfficientFormer's pool mixer {@code y = x + s * (pool(x) - x)} in
 * one pass over each channel plane.
 *
 * <p>The window is separable: for each output row the {@code k} input rows are summed vertically
 * into a zero-bordered scratch row, then {@code k} shifted loads of that row sum horizontally.
 * The divisor is separable too: {@code count(i, j) = rows(i) * cols(j)}, both small integers, so
 * {@code sum / count} divides by the same number as the scalar control.
 *
 * <p>Thread-safety: stateless; callers own the planes they write and the scratch row.
 */
final class VectorPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorPool() {
    }

    /** How many of the {@code k} window positions around each index of {@code size} are inside. */
    static float[] counts(int size, int k, int pad) {
        float[] c = new float[size];
        for (int i = 0; i < size; i++) {
            int lo = Math.max(0, i - pad);
            int hi = Math.min(size - 1, i - pad + k - 1);
            c[i] = hi - lo + 1;
        }
        return c;
    }

    /** Scratch floats one call needs for a plane of width {@code w}. */
    static int scratchSize(int w, int pad) {
        return w + 2 * pad;
    }

    /**
     * One {@code [h, w]} plane: {@code y = pool(x)}, or with {@code mixer},
     * {@code y = x + scale * (pool(x) - x)}.
     */
    static void plane(float[] x, int xo, float[] y, int yo, int h, int w, int k, int pad, boolean mixer, float scale,
                      float[] rowCount, float[] colCount, float[] row) {
        for (int j = 0; j < pad; j++) {
            row[j] = 0f;
            row[pad + w + j] = 0f;
        }
        for (int i = 0; i < h; i++) {
            int lo = Math.max(0, i - pad);
            int hi = Math.min(h - 1, i - pad + k - 1);
            verticalSum(x, xo + lo * w, hi - lo + 1, w, row, pad);
            horizontal(x, xo + i * w, y, yo + i * w, w, k, mixer, scale, rowCount[i], colCount, row);
        }
    }

    /** {@code row[pad + j] = sum of rows x[xo + r*w + j]} for {@code r < rows}. */
    private static void verticalSum(float[] x, int xo, int rows, int w, float[] row, int pad) {
        int j = 0;
        for (; j <= w - L; j += L) {
            FloatVector s = FloatVector.fromArray(S, x, xo + j);
            for (int r = 1; r < rows; r++) {
                s = s.add(FloatVector.fromArray(S, x, xo + r * w + j));
            }
            s.intoArray(row, pad + j);
        }
        for (; j < w; j++) {
            float s = x[xo + j];
            for (int r = 1; r < rows; r++) {
                s += x[xo + r * w + j];
            }
            row[pad + j] = s;
        }
    }

    /** One output row from the vertical sums: the horizontal window, the divisor, the mixer. */
    private static void horizontal(float[] x, int xo, float[] y, int yo, int w, int k, boolean mixer, float scale, float rc,
                                   float[] colCount, float[] row) {
        int j = 0;
        for (; j <= w - L; j += L) {
            FloatVector s = FloatVector.fromArray(S, row, j);
            for (int d = 1; d < k; d++) {
                s = s.add(FloatVector.fromArray(S, row, j + d));
            }
            FloatVector avg = s.div(FloatVector.fromArray(S, colCount, j).mul(rc));
            if (mixer) {
                FloatVector xv = FloatVector.fromArray(S, x, xo + j);
                avg = xv.add(avg.sub(xv).mul(scale));
            }
            avg.intoArray(y, yo + j);
        }
        for (; j < w; j++) {
            float s = row[j];
            for (int d = 1; d < k; d++) {
                s += row[j + d];
            }
            float avg = s / (colCount[j] * rc);
            y[yo + j] = mixer ? x[xo + j] + (avg - x[xo + j]) * scale : avg;
        }
    }
}
