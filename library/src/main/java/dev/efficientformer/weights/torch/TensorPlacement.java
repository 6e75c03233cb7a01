package dev.efficientformer.weights.torch;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.weights.CheckpointException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Where a rebuilt tensor's elements lie in its storage's bytes, checked: every size, stride and
 * offset the pickle gave is validated against the storage entry with overflow-safe arithmetic
 * before any byte is touched.
 *
 * <p>Thread-safety: immutable.
 */
public final class TensorPlacement {
    private final DType dtype;
    private final Shape shape;
    private final long[] size;
    private final long[] stride;
    private final long storageOffset;
    private final boolean contiguous;

    private TensorPlacement(DType dtype, long[] size, long[] stride, long storageOffset, boolean contiguous) {
        this.dtype = dtype;
        this.shape = Shape.of(size);
        this.size = size;
        this.stride = stride;
        this.storageOffset = storageOffset;
        this.contiguous = contiguous;
    }

    /**
     * Checks {@code tensor} against a storage entry of {@code storageBytes} bytes.
     *
     * @param name the tensor's key, for messages
     * @param source the file, for messages
     * @throws CheckpointException naming the tensor when its dtype is unsupported, a size, stride
     *     or offset is negative or overflows, or the view reaches past the storage
     */
    public static TensorPlacement check(String name, RebuiltTensor tensor, long storageBytes, String source) {
        StorageRef storage = tensor.storage();
        String what = "tensor '" + name + "' in " + source;
        DType dtype = storage.type().dtype().orElseThrow(() -> new CheckpointException(what + " has dtype "
                + storage.type().torchDtype() + " (torch." + storage.type().className()
                + "): only float32, float16, bfloat16 and int64 are supported"));
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long offset = tensor.storageOffset();
        if (offset < 0 || Arrays.stream(size).anyMatch(d -> d < 0) || Arrays.stream(stride).anyMatch(s -> s < 0)) {
            throw new CheckpointException(what + " has a negative size, stride or offset (size "
                    + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + ", offset " + offset + ")");
        }
        try {
            long storageNeeds = Math.multiplyExact(storage.elementCount(), (long) dtype.byteSize());
            if (storageNeeds > storageBytes) {
                throw new CheckpointException(what + " uses storage '" + storage.key() + "' of " + storage.elementCount()
                        + " " + storage.type().torchDtype() + " elements (" + storageNeeds + " bytes), but its entry has "
                        + storageBytes + " bytes");
            }
            long count = 1;
            long last = offset;
            for (int i = 0; i < size.length; i++) {
                count = Math.multiplyExact(count, size[i]);
                if (size[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                }
            }
            Math.multiplyExact(count, (long) dtype.byteSize());
            boolean empty = count == 0;
            if (empty ? offset > storage.elementCount() : last >= storage.elementCount()) {
                throw new CheckpointException(what + " (size " + Arrays.toString(size) + ", stride "
                        + Arrays.toString(stride) + ", offset " + offset + ") reaches element " + last
                        + " of storage '" + storage.key() + "', which has " + storage.elementCount() + " elements");
            }
            return new TensorPlacement(dtype, size, stride, offset, empty || isRowMajor(size, stride));
        } catch (ArithmeticException e) {
            throw new CheckpointException(what + " has sizes and strides whose extent overflows (size "
                    + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + ", offset " + offset + ")", e);
        }
    }

    /** Row-major (C) order; like torch, strides of size-1 dimensions do not matter. */
    private static boolean isRowMajor(long[] size, long[] stride) {
        long expected = 1;
        for (int i = size.length - 1; i >= 0; i--) {
            if (size[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= size[i];
        }
        return true;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The logical shape. */
    public Shape shape() {
        return shape;
    }

    /** Whether the elements are in row-major order, one after another, so a slice of the storage is the tensor. */
    public boolean isContiguous() {
        return contiguous;
    }

    /** Offset of the first element in the storage's bytes. */
    public long byteOffset() {
        return storageOffset * dtype.byteSize();
    }

    /** Bytes of the tensor once contiguous. */
    public long byteSize() {
        return shape.byteSize(dtype);
    }

    /**
     * Gathers the strided elements from {@code storage} into {@code destination} in row-major order.
     * {@code destination} must be {@link #byteSize()} bytes.
     */
    public void copyRowMajor(MemorySegment storage, MemorySegment destination) {
        long width = dtype.byteSize();
        long count = shape.elementCount();
        long[] index = new long[size.length];
        long source = storageOffset;
        for (long i = 0; i < count; i++) {
            MemorySegment.copy(storage, source * width, destination, i * width, width);
            // Odometer step over the dimensions, innermost first.
            for (int d = size.length - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                source -= stride[d] * size[d];
                index[d] = 0;
            }
        }
    }
}
