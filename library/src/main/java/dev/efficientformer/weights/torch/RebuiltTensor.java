package dev.efficientformer.weights.torch;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code torch._utils._rebuild_tensor_v2(storage, storage_offset, size, stride, ...)} describes:
 * a strided view of a storage. Values are as the pickle gave them; {@link TensorPlacement} checks
 * them against the storage.
 *
 * <p>Thread-safety: immutable (the arrays are copied in and out).
 *
 * @param storage the storage the view reads
 * @param storageOffset the first element's index in the storage
 * @param size the logical shape
 * @param stride elements between neighbours along each dimension
 */
public record RebuiltTensor(StorageRef storage, long storageOffset, long[] size, long[] stride) {
    /** Copies the arrays so that the record stays immutable. */
    public RebuiltTensor {
        size = size.clone();
        stride = stride.clone();
    }

    @Override
    public long[] size() {
        return size.clone();
    }

    @Override
    public long[] stride() {
        return stride.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RebuiltTensor t && storage.equals(t.storage) && storageOffset == t.storageOffset
                && Arrays.equals(size, t.size) && Arrays.equals(stride, t.stride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, storageOffset, Arrays.hashCode(size), Arrays.hashCode(stride));
    }

    @Override
    public String toString() {
        return "tensor(size=" + Arrays.toString(size) + ", stride=" + Arrays.toString(stride)
                + ", offset=" + storageOffset + ", storage=" + storage + ")";
    }
}
