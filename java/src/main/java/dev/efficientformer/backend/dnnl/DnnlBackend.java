package dev.efficientformer.backend.dnnl;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.WeightCache;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.NativeLibraryException;

/**
 * The oneDNN backend: graphs become fused oneDNN primitives (see {@link DnnlPlanCompiler}).
 *
 * <p>Thread-safety: immutable; safe from any thread. Plans are not (see {@link Plan}).
 */
public final class DnnlBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "dnnl";

    private final MatmulPrecision precision;

    /** A backend with strict fp32 products. */
    public DnnlBackend() {
        this(MatmulPrecision.HIGHEST);
    }

    /** A backend whose plans compute products at {@code precision} (see {@link MatmulPrecision}). */
    public DnnlBackend(MatmulPrecision precision) {
        this.precision = java.util.Objects.requireNonNull(precision, "precision");
    }

    /** The precision this backend's plans were asked for. */
    public MatmulPrecision precision() {
        return precision;
    }

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
        return DnnlPlanCompiler.compile(graph, batch, threads, null, precision);
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads, WeightCache weights) {
        if (!(weights instanceof DnnlWeightCache cache)) {
            throw new IllegalArgumentException("not a dnnl weight cache: " + weights);
        }
        return DnnlPlanCompiler.compile(graph, batch, threads, cache, precision);
    }

    @Override
    public WeightCache newWeightCache() {
        return new DnnlWeightCache();
    }
}
