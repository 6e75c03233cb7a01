package dev.efficientformer.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shared mechanics of the folding passes: find the node that produces a value, and tell whether
 * an intermediate value can disappear (exactly one reader, neither output nor tap).
 */
final class Rewrite {
    private Rewrite() {
    }

    /** The node that produces {@code v} in {@code nodes}, if any (the graph input has none). */
    static Optional<Node> producer(List<Node> nodes, Value v) {
        for (Node n : nodes) {
            if (n.output().equals(v)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code v} is read only by {@code reader} and is neither the output nor a tap. */
    static boolean isPrivateTo(Graph g, List<Node> nodes, Value v, Node reader) {
        return g.isPrivateTo(nodes, v, reader);
    }

    /**
     * Replaces {@code consumer} by {@code merged} (which must produce the consumer's output) and
     * drops {@code producer}, whose output only the consumer read.
     */
    static List<Node> fuse(List<Node> nodes, Node producer, Node consumer, Node merged) {
        List<Node> out = new ArrayList<>(nodes.size() - 1);
        for (Node n : nodes) {
            if (n == producer) {
                continue;
            }
            out.add(n == consumer ? merged : n);
        }
        return out;
    }
}
