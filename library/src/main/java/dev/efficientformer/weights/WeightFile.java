package dev.efficientformer.weights;

import dev.efficientformer.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;

/**
 * A checkpoint opened for reading: named tensors in a file.
 *
 * <p>Tensors returned by {@link #tensor(String)} are views of the file's mapping (no copy where
 * the format allows it) and live until {@link #close()}; touching one after that throws
 * {@link IllegalStateException}.
 *
 * <p>Thread-safety: implementations are safe to read from several threads at once. Closing while
 * another thread reads is safe too: that read fails with {@link IllegalStateException} instead of
 * touching unmapped memory.
 */
public interface WeightFile extends AutoCloseable {

    /** The file this was opened from. */
    Path path();

    /** The file format, e.g. {@code "safetensors"} or {@code "pytorch-zip"}. */
    String format();

    /** Tensor keys, in the order the file lists them. */
    List<String> names();

    /** Whether a tensor with this key exists. */
    default boolean contains(String name) {
        return names().contains(name);
    }

    /**
     * Dtype and shape of a tensor, without reading its data.
     *
     * @throws CheckpointException naming the key when it is absent
     */
    TensorInfo info(String name);

    /**
     * A view of a tensor's data.
     *
     * @throws CheckpointException naming the key when it is absent
     * @throws IllegalStateException after {@link #close()}
     */
    Tensor tensor(String name);

    /** Unmaps the file. Idempotent. */
    @Override
    void close();
}
