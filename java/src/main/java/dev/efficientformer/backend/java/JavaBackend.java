package dev.efficientformer.backend.java;

import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;

/**
 * The pure-Java backend: runs anywhere a JDK runs, with no native library. For now it has the
 * scalar tier only (the kernels in {@link ScalarKernels}), which is the control that other
 * backends are tested against.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class JavaBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads) {
        return new ScalarPlan(graph, batch);
    }
}
