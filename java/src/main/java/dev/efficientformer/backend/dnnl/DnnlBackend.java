package dev.efficientformer.backend.dnnl;

import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.WeightCache;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.NativeLibraryException;

/**
 * The oneDNN backend: graphs become fused oneDNN primitives (see {@link DnnlPlanCompiler}).
 *
 * <p>Thread-safety: stateless; safe from any thread. Plans are not (see {@link Plan}).
 */
public final class DnnlBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "dnnl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return DnnlLibrary.isAvailable();
    }

    @Override
    public String unavailableReason() {
        try {
            DnnlLibrary.load();
            return "";
        } catch (NativeLibraryException e) {
            return e.getMessage();
        }
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads) {
        return DnnlPlanCompiler.compile(graph, batch, threads, null);
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads, WeightCache weights) {
        if (!(weights instanceof DnnlWeightCache cache)) {
            throw new IllegalArgumentException("not a dnnl weight cache: " + weights);
        }
        return DnnlPlanCompiler.compile(graph, batch, threads, cache);
    }

    @Override
    public WeightCache newWeightCache() {
        return new DnnlWeightCache();
    }
}
