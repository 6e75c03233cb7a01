package dev.efficientformer.graph;

import dev.efficientformer.EfficientFormerException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A straight-line program of {@link Node}s in execution order, from one input value to one
 * output value. Some values carry names ("taps": {@code stem}, {@code stage_0} ... {@code features})
 * so that tests can compare intermediate results with the reference and name the stage that
 * differs; rewrites keep tapped values.
 *
 * <p>Thread-safety: immutable.
 */
public final class Graph {
    private final Value input;
    private final Value output;
    private final List<Node> nodes;
    private final Map<String, Value> taps;

    private Graph(Value input, Value output, List<Node> nodes, Map<String, Value> taps) {
        this.input = input;
        this.output = output;
        this.nodes = List.copyOf(nodes);
        this.taps = Collections.unmodifiableMap(new LinkedHashMap<>(taps));
    }

    /** The image input, per image {@code [3, H, W]}. */
    public Value input() {
        return input;
    }

    /** The logits, per image {@code [classes]}. */
    public Value output() {
        return output;
    }

    /** Nodes in execution order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Named intermediate values. */
    public Map<String, Value> taps() {
        return taps;
    }

    /** The nodes that read {@code v}. */
    public List<Node> consumers(Value v) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.inputs().contains(v)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether {@code v} must stay materialised: the output, a tap, or read by more than one node. */
    public boolean isObservable(Value v) {
        return v.equals(output) || taps.containsValue(v);
    }

    /**
     * Whether {@code v} is read by {@code reader} alone among this graph's nodes and is neither the
     * output nor a tap: then a rewrite or a backend may fuse it away instead of storing it.
     */
    public boolean isPrivateTo(Value v, Node reader) {
        return isPrivateTo(nodes, v, reader);
    }

    /** {@link #isPrivateTo(Value, Node)} among {@code among} (a node list being rewritten). */
    boolean isPrivateTo(List<Node> among, Value v, Node reader) {
        if (isObservable(v)) {
            return false;
        }
        for (Node n : among) {
            if (n != reader && n.inputs().contains(v)) {
                return false;
            }
        }
        return true;
    }

    /** Multiply-accumulates per image. */
    public long macsPerImage() {
        long total = 0;
        for (Node n : nodes) {
            total += n.op().macsPerImage(n.input(), n.output());
        }
        return total;
    }

    /** Starts a graph whose input has this per-image shape. */
    public static Builder builder(int... inputShape) {
        return new Builder(inputShape);
    }

    /** A graph with the same input, output and taps but other nodes (for rewrites). */
    public Graph withNodes(List<Node> newNodes) {
        Graph g = new Graph(input, output, newNodes, taps);
        g.checkWellFormed();
        return g;
    }

    /** Every input is defined before use, every value defined once, output and taps defined. */
    private void checkWellFormed() {
        Map<Integer, Value> defined = new HashMap<>();
        defined.put(input.id(), input);
        for (Node n : nodes) {
            for (Value v : n.inputs()) {
                if (!defined.containsKey(v.id())) {
                    throw new EfficientFormerException("graph reads " + v + " before it is defined, in " + n);
                }
            }
            if (defined.put(n.output().id(), n.output()) != null) {
                throw new EfficientFormerException("graph defines " + n.output() + " twice");
            }
        }
        if (!defined.containsKey(output.id())) {
            throw new EfficientFormerException("graph output " + output + " is never computed");
        }
        for (Map.Entry<String, Value> t : taps.entrySet()) {
            if (!defined.containsKey(t.getValue().id())) {
                throw new EfficientFormerException("tap " + t.getKey() + " names an undefined value");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("graph(" + input + ") {\n");
        for (Node n : nodes) {
            sb.append("  ").append(n).append('\n');
        }
        return sb.append("  return ").append(output).append("\n}").toString();
    }

    /**
     * Appends nodes in execution order, computing each output shape from the op.
     *
     * <p>Thread-safety: not thread-safe; one builder per thread.
     */
    public static final class Builder {
        private final Value input;
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, Value> taps = new LinkedHashMap<>();
        private int nextId;

        private Builder(int[] inputShape) {
            this.input = new Value(nextId++, inputShape);
        }

        /** The graph's input value. */
        public Value input() {
            return input;
        }

        /**
         * Appends {@code op} applied to {@code inputs} and returns its output.
         *
         * @throws EfficientFormerException when the input shapes don't fit the op
         */
        public Value add(Op op, Value... inputs) {
            Value out = new Value(nextId++, ShapeInference.outputShape(op, List.of(inputs)));
            nodes.add(new Node(op, List.of(inputs), out));
            return out;
        }

        /** Names {@code v} so that it stays observable. */
        public Value tap(String name, Value v) {
            taps.put(name, v);
            return v;
        }

        /** Finishes the graph with {@code output} as its result. */
        public Graph build(Value output) {
            Graph g = new Graph(input, output, nodes, taps);
            g.checkWellFormed();
            return g;
        }
    }
}
