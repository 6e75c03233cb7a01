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

    static float[] gather(float[] biases, int heads, int side) {
        int n = side * side;
        float[] out = new float[heads * n * n];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    int offset = Math.abs(q / side - k / side) * side + Math.abs(q % side - k % side);
                    out[(h * n + q) * n + k] = biases[h * n + offset];
                }
            }
        }
        return out;
    }
}
