package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.Arrays;

/**
 * The {@code attention_bias_idxs} of EfficientFormer's attention: keys sit on a
 * {@code rows x cols} grid, queries on every {@code stride}-th row and column of it (stride 1 for
 * V1 and V2's plain attention, 2 for V2's downsampling attention); query {@code (y1, x1)} and key
 * {@code (y2, x2)} read a head's learned bias {@code |y1*stride - y2| * cols + |x1*stride - x2|}.
 * timm keeps it as an int64 buffer (in the state dict for V1 and V2's original code); it is fixed
 * by the grid, so it is derived here from timm's formula, and a checkpoint's copy is only checked
 * against it.
 *
 * <p>Thread-safety: stateless.
 */
public final class AttentionBiasIndices {
    private AttentionBiasIndices() {
    }

    /** The {@code [Nq, rows*cols]} indices, row-major, with {@code Nq = ceil(rows/stride) * ceil(cols/stride)}. */
    public static long[] derive(int rows, int cols, int stride) {
        int qCols = (cols + stride - 1) / stride;
        int nq = queries(rows, cols, stride);
        int nk = rows * cols;
        long[] out = new long[nq * nk];
        for (int q = 0; q < nq; q++) {
            int qy = q / qCols * stride;
            int qx = q % qCols * stride;
            for (int k = 0; k < nk; k++) {
                out[q * nk + k] = (long) Math.abs(qy - k / cols) * cols + Math.abs(qx - k % cols);
            }
        }
        return out;
    }

    /** How many queries a {@code rows x cols} key grid has at {@code stride}. */
    public static int queries(int rows, int cols, int stride) {
        return ((rows + stride - 1) / stride) * ((cols + stride - 1) / stride);
    }

    /** {@link #forModule(WeightFile, String, int, int, int)} for V1's square grid. */
    public static long[] forModule(WeightFile weights, String prefix, int side) {
        return forModule(weights, prefix, side, side, 1);
    }

    /**
     * The indices for the attention module whose state-dict prefix is {@code prefix}: derived, and
     * if the checkpoint carries {@code prefix.attention_bias_idxs} with values, checked against them.
     * An all-zero copy is taken as a buffer nobody filled (seeded random weights leave int64
     * tensors at zero) and ignored.
     *
     * @throws CheckpointException when the checkpoint's indices have another shape or other values
     */
    public static long[] forModule(WeightFile weights, String prefix, int rows, int cols, int stride) {
        long[] derived = derive(rows, cols, stride);
        String key = prefix + ".attention_bias_idxs";
        if (!weights.contains(key)) {
            return derived;
        }
        var info = weights.info(key);
        int nq = queries(rows, cols, stride);
        int nk = rows * cols;
        if (info.dtype() != DType.I64 || info.shape().rank() != 2 || info.shape().dim(0) != nq || info.shape().dim(1) != nk) {
            throw new CheckpointException(weights.path() + ": " + key + " is " + info.dtype() + " " + info.shape() + ", expected I64 ["
                    + nq + ", " + nk + "]");
        }
        var tensor = weights.tensor(key);
        long[] stored = new long[derived.length];
        boolean allZero = true;
        for (int i = 0; i < stored.length; i++) {
            stored[i] = tensor.getLong(i);
            allZero &= stored[i] == 0;
        }
        if (!allZero && !Arrays.equals(stored, derived)) {
            throw new CheckpointException(weights.path() + ": " + key + " does not hold the relative-offset indices of a " + rows + "x"
                    + cols + " grid with queries at stride " + stride + "; not an EfficientFormer checkpoint of this size?");
        }
        return derived;
    }
}
