package dev.efficientformer.tensor;

import dev.efficientformer.EfficientFormerException;
import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first. A rank-0 shape ({@code []}) is a scalar with one
 * element.
 *
 * <p>Thread-safety: immutable.
 */
public final class Shape {
    private final long[] dims;
    private final long elementCount;

    private Shape(long[] dims) {
        this.dims = dims;
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new EfficientFormerException("negative dimension in shape " + Arrays.toString(dims));
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new EfficientFormerException("shape " + Arrays.toString(dims) + " has more elements than a long can count");
            }
        }
        this.elementCount = count;
    }

    /**
     * A shape with these dimensions.
     *
     * @throws EfficientFormerException if a dimension is negative or the element count overflows
     */
    public static Shape of(long... dims) {
        return new Shape(dims.clone());
    }

    /** A shape from {@code int} dimensions. */
    public static Shape of(int... dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return new Shape(l);
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}; negative {@code i} counts from the end, as in Python. */
    public long dim(int i) {
        int j = i < 0 ? dims.length + i : i;
        if (j < 0 || j >= dims.length) {
            throw new IndexOutOfBoundsException("dimension " + i + " of a rank-" + dims.length + " shape");
        }
        return dims[j];
    }

    /** A copy of the dimensions. */
    public long[] dims() {
        return dims.clone();
    }

    /** The product of the dimensions (1 for a scalar). */
    public long elementCount() {
        return elementCount;
    }

    /**
     * Bytes needed for this shape at {@code dtype}.
     *
     * @throws EfficientFormerException when that overflows a long
     */
    public long byteSize(DType dtype) {
        try {
            return Math.multiplyExact(elementCount, (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new EfficientFormerException("shape " + this + " of " + dtype + " is larger than a long can address");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As Python prints it: {@code [2, 3, 224, 224]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
