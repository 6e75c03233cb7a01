package dev.efficientformer.graph;

import java.util.Arrays;

/**
 * An intermediate result in a {@link Graph}: its per-image shape (the batch dimension is added
 * when a backend compiles the graph) in row-major logical order: {@code [C, H, W]} for feature
 * maps, {@code [N, C]} for token sequences, {@code [C]} for vectors.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id unique within its graph
 * @param shape per-image logical shape
 */
public record Value(int id, int[] shape) {
    /** A value; the shape array is copied. */
    public Value {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i} of the per-image shape. */
    public int dim(int i) {
        return shape[i];
    }

    /** Number of dimensions of the per-image shape. */
    public int rank() {
        return shape.length;
    }

    /** Elements per image. */
    public long elementsPerImage() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.id == id && Arrays.equals(v.shape, shape);
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "%" + id + Arrays.toString(shape);
    }
}
