package dev.efficientformer.graph;

import java.util.List;

/**
 * One op applied to its inputs, producing one value.
 *
 * <p>Thread-safety: immutable.
 *
 * @param op what is computed
 * @param inputs the values it reads, in the op's order
 * @param output the value it produces
 */
public record Node(Op op, List<Value> inputs, Value output) {
    /** A node; the input list is copied. */
    public Node {
        inputs = List.copyOf(inputs);
    }

    /** The first (for most ops the only) input. */
    public Value input() {
        return inputs.get(0);
    }

    @Override
    public String toString() {
        return output + " = " + op.kind() + inputs;
    }
}
