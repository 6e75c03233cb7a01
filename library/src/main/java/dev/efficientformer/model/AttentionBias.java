package dev.efficientformer.model;

/**
 * Expands V1's learned attention biases, one per head and grid offset, into a full
 * {@code [heads, N, N]} table for the {@code side x side} token grid: the bias between query
 * {@code (y1, x1)} and key {@code (y2, x2)} is {@code biases[h, |y1 - y2| * side + |x1 - x2|]},
 * which is what the checkpoint's {@code attention_bias_idxs} encode.
 */
final class AttentionBias {
    private AttentionBias() {
    }

    /** The bias index of query {@code q} and key {@code k} on the grid. */
    static int offset(int q, int k, int side) {
        return Math.abs(q / side - k / side) * side + Math.abs(q % side - k % side);
    }

    /**
     * Fails unless {@code idxs} ({@code [N, N]}, row-major) is the index table of the grid.
     *
     * @param what the tensor, for the message
     */
    static void requireIndices(long[] idxs, int side, String what) {
        int n = side * side;
        for (int q = 0; q < n; q++) {
            for (int k = 0; k < n; k++) {
                if (idxs[q * n + k] != offset(q, k, side)) {
                    throw new dev.efficientformer.weights.CheckpointException(what + " has " + idxs[q * n + k] + " at [" + q + ", " + k
                            + "] where the " + side + "x" + side + " grid gives " + offset(q, k, side)
                            + " (|dy| * " + side + " + |dx|); the reference would use it, and this library does not");
                }
            }
        }
    }

    static float[] gather(float[] biases, int heads, int side) {
        int n = side * side;
        float[] out = new float[heads * n * n];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    out[(h * n + q) * n + k] = biases[h * n + offset(q, k, side)];
                }
            }
        }
        return out;
    }
}
