package dev.efficientformer.tensor;

import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A typed, shaped view of off-heap memory.
 *
 * <p>A tensor does not own memory: its {@link MemorySegment} belongs to an {@link Arena} (the
 * caller's, a model's, or a mapped checkpoint's), and closing that arena ends the tensor's life;
 * any later access throws {@link IllegalStateException}. Elements are in the platform's native
 * byte order (little-endian on every supported platform).
 *
 * <p>Thread-safety: the view itself is immutable and may be shared between threads; the bytes
 * behind it are not synchronised, so concurrent writers need their own coordination.
 */
public final class Tensor {
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;

    private final MemorySegment segment;
    private final Shape shape;
    private final DType dtype;
    private final Layout layout;

    private Tensor(MemorySegment segment, Shape shape, DType dtype, Layout layout) {
        this.segment = segment;
        this.shape = shape;
        this.dtype = dtype;
        this.layout = layout;
    }

    /**
     * A zero-filled tensor allocated in {@code arena}, aligned for any element type and for SIMD
     * loads (64 bytes).
     */
    public static Tensor allocate(Arena arena, DType dtype, Layout layout, Shape shape) {
        Objects.requireNonNull(arena, "arena");
        MemorySegment seg = arena.allocate(shape.byteSize(dtype), 64);
        return new Tensor(seg, shape, dtype, layout);
    }

    /** A zero-filled row-major F32 tensor. */
    public static Tensor allocateF32(Arena arena, long... dims) {
        return allocate(arena, DType.F32, Layout.ROW_MAJOR, Shape.of(dims));
    }

    /**
     * A row-major F32 tensor holding a copy of {@code data}.
     *
     * @throws EfficientFormerException when {@code data.length} is not the shape's element count
     */
    public static Tensor fromFloats(Arena arena, float[] data, long... dims) {
        Shape shape = Shape.of(dims);
        if (data.length != shape.elementCount()) {
            throw new EfficientFormerException("float[" + data.length + "] does not fill shape " + shape
                    + " (" + shape.elementCount() + " elements)");
        }
        Tensor t = allocate(arena, DType.F32, Layout.ROW_MAJOR, shape);
        MemorySegment.copy(data, 0, t.segment, ValueLayout.JAVA_FLOAT, 0, data.length);
        return t;
    }

    /**
     * A row-major tensor holding a copy of the buffer's remaining bytes, whose elements are read in
     * the buffer's {@link ByteBuffer#order() byte order}. The buffer's position is not changed.
     *
     * @throws EfficientFormerException when the remaining bytes do not match shape and dtype
     */
    public static Tensor fromByteBuffer(Arena arena, ByteBuffer buffer, DType dtype, long... dims) {
        Shape shape = Shape.of(dims);
        long expected = shape.byteSize(dtype);
        if (buffer.remaining() != expected) {
            throw new EfficientFormerException("buffer has " + buffer.remaining() + " bytes but shape " + shape
                    + " of " + dtype + " needs " + expected);
        }
        Tensor t = allocate(arena, dtype, Layout.ROW_MAJOR, shape);
        MemorySegment src = MemorySegment.ofBuffer(buffer);
        if (buffer.order() == ByteOrder.nativeOrder() || dtype.byteSize() == 1) {
            MemorySegment.copy(src, 0, t.segment, 0, expected);
        } else {
            swapCopy(src, t.segment, dtype.byteSize(), shape.elementCount());
        }
        return t;
    }

    private static void swapCopy(MemorySegment src, MemorySegment dst, int width, long count) {
        for (long i = 0; i < count; i++) {
            long off = i * width;
            for (int b = 0; b < width; b++) {
                dst.set(ValueLayout.JAVA_BYTE, off + b, src.get(ValueLayout.JAVA_BYTE, off + width - 1 - b));
            }
        }
    }

    /**
     * A row-major view of the caller's memory, without copying. The segment must be exactly as
     * large as shape and dtype require. Native backends need a native (off-heap) segment; a heap
     * segment is copied by them.
     *
     * @throws EfficientFormerException when the segment's size does not match
     */
    public static Tensor wrap(MemorySegment segment, DType dtype, long... dims) {
        return wrap(segment, dtype, Layout.ROW_MAJOR, Shape.of(dims));
    }

    /**
     * A view of the caller's memory in the given layout, without copying.
     *
     * @throws EfficientFormerException when the segment's size does not match
     */
    public static Tensor wrap(MemorySegment segment, DType dtype, Layout layout, Shape shape) {
        Objects.requireNonNull(segment, "segment");
        long expected = shape.byteSize(dtype);
        if (segment.byteSize() != expected) {
            throw new EfficientFormerException("segment of " + segment.byteSize() + " bytes cannot hold shape " + shape
                    + " of " + dtype + " (" + expected + " bytes)");
        }
        return new Tensor(segment, shape, dtype, layout);
    }

    /** The memory behind this tensor. */
    public MemorySegment segment() {
        return segment;
    }

    /** The logical shape. */
    public Shape shape() {
        return shape;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** How the elements are ordered in memory. */
    public Layout layout() {
        return layout;
    }

    /** Number of elements. */
    public long elementCount() {
        return shape.elementCount();
    }

    /** Size in bytes. */
    public long byteSize() {
        return segment.byteSize();
    }

    /**
     * The same memory seen with another shape of the same element count (row-major only).
     *
     * @throws EfficientFormerException when the counts differ or the layout is not row-major
     */
    public Tensor reshape(long... dims) {
        Shape s = Shape.of(dims);
        if (s.elementCount() != shape.elementCount()) {
            throw new EfficientFormerException("cannot reshape " + shape + " to " + s + ": element counts differ");
        }
        requireAddressable("reshape");
        return new Tensor(segment, s, dtype, layout);
    }

    /**
     * Element {@code index} (in memory order) as a float; F16 and BF16 are widened exactly.
     *
     * @throws EfficientFormerException for I64 tensors and backend-blocked layouts
     */
    public float getFloat(long index) {
        requireAddressable("getFloat");
        Objects.checkIndex(index, shape.elementCount());
        return switch (dtype) {
            case F32 -> segment.getAtIndex(F32, index);
            case F16 -> Float.float16ToFloat(segment.getAtIndex(I16, index));
            case BF16 -> Float.intBitsToFloat((segment.getAtIndex(I16, index) & 0xFFFF) << 16);
            case I64 -> throw new EfficientFormerException("getFloat on an I64 tensor: use getLong");
        };
    }

    /**
     * Element {@code index} of an I64 tensor.
     *
     * @throws EfficientFormerException when the tensor is not I64
     */
    public long getLong(long index) {
        requireAddressable("getLong");
        if (dtype != DType.I64) {
            throw new EfficientFormerException("getLong on a " + dtype + " tensor");
        }
        Objects.checkIndex(index, shape.elementCount());
        return segment.getAtIndex(I64, index);
    }

    /**
     * A copy of the elements as floats, in memory order; F16 and BF16 are widened exactly.
     *
     * @throws EfficientFormerException for I64 tensors, backend-blocked layouts, or tensors too
     *     large for a Java array
     */
    public float[] toFloatArray() {
        requireAddressable("toFloatArray");
        long n = shape.elementCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new EfficientFormerException("tensor of " + n + " elements is too large for a float[]");
        }
        float[] out = new float[(int) n];
        switch (dtype) {
            case F32 -> MemorySegment.copy(segment, F32, 0, out, 0, out.length);
            case F16, BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = getFloat(i);
                }
            }
            case I64 -> throw new EfficientFormerException("toFloatArray on an I64 tensor: use getLong");
        }
        return out;
    }

    private void requireAddressable(String what) {
        if (layout == Layout.BACKEND_BLOCKED) {
            throw new EfficientFormerException(what + " on a tensor in a backend's blocked layout: reorder it to row-major first");
        }
    }

    @Override
    public String toString() {
        return "Tensor" + shape + " " + dtype + " " + layout;
    }
}
