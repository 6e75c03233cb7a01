package dev.efficientformer.model;

import dev.efficientformer.weights.CheckpointException;

/**
 * Expands EfficientFormerV2's learned attention biases (one per head and grid offset) into a full
 * {@code [heads, Nq, Nk]} table. Keys sit on a {@code rows x cols} grid; queries on every
 * {@code stride}-th row and column of it (stride 2 for the downsampling attention). The bias
 * between query {@code (qy, qx)} and key {@code (ky, kx)} is
 * {@code biases[h, |qy*stride - ky| * cols + |qx*stride - kx|]}, what timm's
 * {@code attention_bias_idxs} encode.
 */
final class GridBias {
    private GridBias() {
    }

    /** Query rows or columns for {@code keys} key rows or columns at {@code stride}. */
    static int queriesAlong(int keys, int stride) {
        return (keys + stride - 1) / stride;
    }

    /** The bias index of query {@code q} and key {@code k}. */
    static int offset(int q, int k, int rows, int cols, int stride) {
        int qCols = queriesAlong(cols, stride);
        int qy = q / qCols * stride;
        int qx = q % qCols * stride;
        return Math.abs(qy - k / cols) * cols + Math.abs(qx - k % cols);
    }

    /**
     * Most floats a gathered table may have (256 MB): the published models need under 80,000; a
     * checkpoint declaring millions of heads would otherwise turn a small tensor into an
     * allocation of any size.
     */
    static final long MAX_TABLE = 1L << 26;

    /**
     * The full table; {@code biases} is {@code [heads, rows*cols]}.
     *
     * @throws CheckpointException when the table would exceed {@link #MAX_TABLE} floats
     */
    static float[] gather(float[] biases, int heads, int rows, int cols, int stride) {
        int nk = rows * cols;
        int nq = queriesAlong(rows, stride) * queriesAlong(cols, stride);
        long size = (long) heads * nq * nk;
        if (size > MAX_TABLE) {
            throw new CheckpointException("attention biases of " + heads + " heads over a " + rows + "x" + cols + " grid make a table of "
                    + size + " floats, more than the " + MAX_TABLE + " this library allows; is the checkpoint corrupt?");
        }
        float[] out = new float[(int) size];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < nq; q++) {
                for (int k = 0; k < nk; k++) {
                    out[(h * nq + q) * nk + k] = biases[h * nk + offset(q, k, rows, cols, stride)];
                }
            }
        }
        return out;
    }

    /**
     * Fails unless {@code idxs} ({@code [Nq, Nk]}, row-major) is the index table of the grid: a
     * checkpoint that stores a different one would make the reference compute something else.
     *
     * @param what the tensor, for the message
     */
    static void requireIndices(long[] idxs, int rows, int cols, int stride, String what) {
        int nk = rows * cols;
        int nq = idxs.length / nk;
        for (int q = 0; q < nq; q++) {
            for (int k = 0; k < nk; k++) {
                int expected = offset(q, k, rows, cols, stride);
                if (idxs[q * nk + k] != expected) {
                    throw new CheckpointException(what + " has " + idxs[q * nk + k] + " at [" + q + ", " + k + "] where the " + rows + "x"
                            + cols + " grid gives " + expected + "; the reference would use it, and this library does not");
                }
            }
        }
    }
}
