package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.Arrays;

/**
 * V1 attention's {@code attention_bias_idxs}: for query {@code (y1, x1)} and key {@code (y2, x2)}
 * of the {@code side x side} token grid, the index {@code |y1 - y2| * side + |x1 - x2|} into a
 * head's learned biases. timm keeps it as an int64 buffer in the state dict; it is fixed by the
 * grid, so it is derived here exactly as the library's model derives it, and a checkpoint's copy
 * is only checked against it.
 *
 * <p>Thread-safety: stateless.
 */
public final class AttentionBiasIndices {
    private AttentionBiasIndices() {
    }

    /** The {@code [side*side, side*side]} indices, row-major. */
    public static long[] derive(int side) {
        int n = side * side;
        long[] out = new long[n * n];
        for (int q = 0; q < n; q++) {
            for (int k = 0; k < n; k++) {
                out[q * n + k] = (long) Math.abs(q / side - k / side) * side + Math.abs(q % side - k % side);
            }
        }
        return out;
    }

    /**
     * The indices for the attention module whose state-dict prefix is {@code prefix}: derived, and
     * if the checkpoint carries {@code prefix.attention_bias_idxs} with values, checked against them.
     * An all-zero copy is taken as a buffer nobody filled (seeded random weights leave int64
     * tensors at zero) and ignored.
     *
     * @throws CheckpointException when the checkpoint's indices have another shape or other values
     */
    public static long[] forModule(WeightFile weights, String prefix, int side) {
        long[] derived = derive(side);
        String key = prefix + ".attention_bias_idxs";
        if (!weights.contains(key)) {
            return derived;
        }
        var info = weights.info(key);
        int n = side * side;
        if (info.dtype() != DType.I64 || info.shape().rank() != 2 || info.shape().dim(0) != n || info.shape().dim(1) != n) {
            throw new CheckpointException(weights.path() + ": " + key + " is " + info.dtype() + " " + info.shape() + ", expected I64 ["
                    + n + ", " + n + "]");
        }
        var tensor = weights.tensor(key);
        long[] stored = new long[derived.length];
        boolean allZero = true;
        for (int i = 0; i < stored.length; i++) {
            stored[i] = tensor.getLong(i);
            allZero &= stored[i] == 0;
        }
        if (!allZero && !Arrays.equals(stored, derived)) {
            throw new CheckpointException(weights.path() + ": " + key + " does not hold V1's relative-offset indices for a " + side + "x"
                    + side + " grid; not an EfficientFormer V1 checkpoint?");
        }
        return derived;
    }
}
