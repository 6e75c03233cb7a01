package dev.efficientformer.graph;

import java.util.List;
import java.util.Map;

/**
 * Names the part of the model each node belongs to, for profiles: a node belongs to the first
 * tap (in graph order: {@code stem}, {@code stage_0} ... {@code features}, {@code pre_logits})
 * that is produced at or after it; nodes after the last tap are the {@code head}.
 */
public final class StageLabels {
    private StageLabels() {
    }

    /** One label per node of {@code g}, in node order. */
    public static String[] of(Graph g) {
        List<Node> nodes = g.nodes();
        String[] labels = new String[nodes.size()];
        String next = "head";
        for (int i = nodes.size() - 1; i >= 0; i--) {
            for (Map.Entry<String, Value> t : g.taps().entrySet()) {
                if (t.getValue().equals(nodes.get(i).output())) {
                    next = t.getKey();
                }
            }
            labels[i] = next;
        }
        return labels;
    }
}
