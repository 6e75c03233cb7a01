package dev.efficientformer.model;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads named float tensors out of a checkpoint with the shape the architecture requires, and
 * remembers which keys were used so that leftovers can be reported.
 *
 * <p>Thread-safety: not thread-safe; one reader per model build.
 */
final class WeightReader {
    private final WeightFile file;
    private final Set<String> used = new HashSet<>();

    WeightReader(WeightFile file) {
        this.file = file;
    }

    /**
     * The tensor {@code name} as floats, which must have exactly {@code dims}.
     *
     * @throws CheckpointException naming the key when it is missing, mis-shaped or not a float type
     */
    float[] floats(String name, long... dims) {
        if (!file.contains(name)) {
            throw new CheckpointException(file.path() + ": missing tensor \"" + name + "\" (expected shape " + Arrays.toString(dims) + ")");
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

    /** Whether the checkpoint has {@code name}. */
    boolean has(String name) {
        return file.contains(name);
    }

    /** Keys that were read. */
    Set<String> used() {
        return used;
    }

    /** The checkpoint, for messages. */
    WeightFile file() {
        return file;
    }
}
