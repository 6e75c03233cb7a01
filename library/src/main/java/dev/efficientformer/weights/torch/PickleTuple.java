package dev.efficientformer.weights.torch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple read from a pickle: kept apart from {@code list} because pickles use tuples for
 * call arguments, shapes and persistent ids, and a list there means a malformed file.
 *
 * <p>Thread-safety: immutable.
 *
 * @param items the elements; {@code null} stands for Python's {@code None}
 */
public record PickleTuple(List<Object> items) {
    /** The empty tuple. */
    public static final PickleTuple EMPTY = new PickleTuple(List.of());

    /** A tuple of these elements (which may include {@code null}). */
    public PickleTuple {
        items = Collections.unmodifiableList(Arrays.asList(items.toArray()));
    }

    /** Number of elements. */
    public int size() {
        return items.size();
    }

    /** Element {@code i}. */
    public Object get(int i) {
        return items.get(i);
    }

    @Override
    public String toString() {
        return "tuple of " + items.size();
    }
}
