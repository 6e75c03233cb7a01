package dev.efficientformer.model;

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
 * Reads named float tensors out of a checkpoint with the shape the architecture requires, and
 * remembers which keys were used so that leftovers can be reported.
 *
 * <p>Thread-safety: not thread-safe; one reader per model build.
 */
public final class WeightReader {
    /**
     * System property that lets NaN and infinite weights load ({@code true}); by default they are
     * refused, naming the tensor.
     */
    public static final String ALLOW_NON_FINITE_PROPERTY = "efficientformer.weights.allowNonFinite";

    private final WeightFile file;
    private final Set<String> used = new HashSet<>();

    /** A reader over {@code file}, which stays owned by the caller. */
    public WeightReader(WeightFile file) {
        this.file = file;
    }

    /**
     * The tensor {@code name} as floats, which must have exactly {@code dims}.
     *
     * @throws CheckpointException naming the key when it is missing, mis-shaped or not a float type
     */
    public float[] floats(String name, long... dims) {
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
        float[] values = file.tensor(name).toFloatArray();
        if (!Boolean.getBoolean(ALLOW_NON_FINITE_PROPERTY)) {
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new CheckpointException(file.path() + ": tensor \"" + name + "\" holds " + values[i] + " at index " + i
                            + "; the reference computes NaN logits from such weights, where oneDNN may give finite, plausible ones."
                            + " Fix the checkpoint, or load it anyway with -D" + ALLOW_NON_FINITE_PROPERTY + "=true");
                }
            }
        }
        return values;
    }

    /**
     * The tensor {@code name}, an I64 of exactly {@code dims}, as longs; empty when the checkpoint
     * does not have it (for buffers the reference uses but the library derives itself).
     *
     * @throws CheckpointException naming the key when it is mis-shaped or not I64
     */
    public java.util.Optional<long[]> optionalLongs(String name, long... dims) {
        if (!file.contains(name)) {
            return java.util.Optional.empty();
        }
        var info = file.info(name);
        if (!info.shape().equals(Shape.of(dims)) || info.dtype() != DType.I64) {
            throw new CheckpointException(file.path() + ": tensor \"" + name + "\" is " + info.dtype() + " " + info.shape()
                    + ", expected I64 " + Arrays.toString(dims));
        }
        var t = file.tensor(name);
        long[] out = new long[(int) t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getLong(i);
        }
        return java.util.Optional.of(out);
    }

    /** Whether the checkpoint has {@code name}. */
    public boolean has(String name) {
        return file.contains(name);
    }

    /** Keys that were read. */
    public Set<String> used() {
        return used;
    }

    /** The checkpoint, for messages. */
    public WeightFile file() {
        return file;
    }

    /**
     * Fails when the checkpoint has tensors nothing read: weights of modules the architecture does
     * not have, which a consumer would otherwise drop silently. BatchNorm's
     * {@code num_batches_tracked} and the attention bias index tables (recomputed from the grid,
     * and checked against it where read) may stay unread.
     *
     * @param architecture what the checkpoint was read as, for the message
     * @throws CheckpointException listing (up to 20 of) the unread keys
     */
    public void requireAllRead(String architecture) {
        List<String> unread = new ArrayList<>();
        for (String name : file.names()) {
            if (!used.contains(name) && !name.endsWith(".num_batches_tracked") && !name.endsWith(".attention_bias_idxs")) {
                unread.add(name);
            }
        }
        if (!unread.isEmpty()) {
            throw new CheckpointException(file.path() + ": " + unread.size() + " tensor(s) not part of this " + architecture
                    + " architecture: " + String.join(", ", unread.subList(0, Math.min(20, unread.size())))
                    + (unread.size() > 20 ? ", ..." : ""));
        }
    }
}
