package dev.efficientformer.backend;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Op;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which ops a backend has kernels for, declared once per backend so that a graph it cannot run is
 * refused before any memory is allocated, with the ops named, and so that {@code auto} can pass
 * over it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param backend the backend's name, for messages
 * @param ops the op types it can lower
 */
public record OpSupport(String backend, Set<Class<? extends Op>> ops) {
    /** A declaration; the set is copied. */
    public OpSupport {
        ops = Set.copyOf(ops);
    }

    /**
     * A backend with a kernel for every op the graph has ({@link Op}'s permitted types): each
     * compiler's exhaustive switch over the sealed {@code Op} makes a new op a compile error until
     * it is lowered, so the declaration is derived rather than listed again. (BatchNorm counts too:
     * optimised graphs never hold one, and a compiler given one names the pass to run.)
     */
    public static OpSupport every(String backend) {
        Set<Class<? extends Op>> all = new java.util.HashSet<>();
        for (Class<?> c : Op.class.getPermittedSubclasses()) {
            all.add(c.asSubclass(Op.class));
        }
        return new OpSupport(backend, all);
    }

    /**
     * Why {@code graph} cannot run on this backend ({@code "the acl backend has no kernel for
     * attention2d_th, dwconv3x3"}), or empty when it can.
     */
    public String missingFor(Graph graph) {
        Set<String> missing = new TreeSet<>();
        for (Node n : graph.nodes()) {
            if (!ops.contains(n.op().getClass())) {
                missing.add(n.op().kind());
            }
        }
        return missing.isEmpty() ? "" : "the " + backend + " backend has no kernel for " + String.join(", ", missing);
    }
}
