package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads float tensors out of a timm-named checkpoint, each with the shape the architecture
 * requires, failing with the key's name otherwise.
 *
 * <p>Thread-safety: as safe as the underlying {@link WeightFile}.
 */
final class ShapeCheckedWeights {
    private final WeightFile file;
    private final Set<String> used = new HashSet<>();

    ShapeCheckedWeights(WeightFile file) {
        this.file = file;
    }

    /** The underlying checkpoint. */
    WeightFile file() {
        return file;
    }

    /** Whether the checkpoint has {@code name}. */
    boolean has(String name) {
        return file.contains(name);
    }

    /**
     * Tensor {@code name} as floats (F16 and BF16 widened), which must have exactly {@code dims}.
     *
     * @throws CheckpointException naming the key when it is missing, mis-shaped or int64
     */
    float[] floats(String name, long... dims) {
        if (!file.contains(name)) {
            throw new CheckpointException(file.path() + ": missing tensor \"" + name + "\" (expected shape " + Arrays.toString(dims)
                    + "); is this an EfficientFormer V1 checkpoint with timm key names?");
        }
        var info = file.info(name);
        if (!info.shape().equals(Shape.of(dims))) {
            throw new CheckpointException(file.path() + ": tensor \"" + name + "\" has shape " + info.shape() + ", expected "
                    + Arrays.toString(dims));
        }
        if (info.dtype() == DType.I64) {
            throw new CheckpointException(file.path() + ": tensor \"" + name + "\" is I64, expected a float type");
        }
        used.add(name);
        return file.tensor(name).toFloatArray();
    }

    /**
     * Fails when the checkpoint has float tensors nothing read: weights of modules V1 does not
     * have, which an export would silently drop. Int64 buffers ({@code num_batches_tracked},
     * {@code attention_bias_idxs}) are not weights and may stay unread.
     *
     * @throws CheckpointException listing (up to 20 of) the unread keys
     */
    void requireAllRead() {
        List<String> unread = new ArrayList<>();
        for (String name : file.names()) {
            if (!used.contains(name) && file.info(name).dtype() != DType.I64) {
                unread.add(name);
            }
        }
        if (!unread.isEmpty()) {
            throw new CheckpointException(file.path() + ": " + unread.size() + " tensor(s) not part of EfficientFormer V1: "
                    + String.join(", ", unread.subList(0, Math.min(20, unread.size()))) + (unread.size() > 20 ? ", ..." : ""));
        }
    }
}
