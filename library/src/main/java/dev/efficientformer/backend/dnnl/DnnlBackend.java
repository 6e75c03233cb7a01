package dev.efficientformer.backend.dnnl;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.OpSupport;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.WeightCache;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.runtime.ThreadLimit;
import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.KernelsLibrary;
import dev.efficientformer.nativelib.NativeLibraryException;

/**
 * The oneDNN backend: graphs become fused oneDNN primitives (see {@link DnnlPlanCompiler}).
 *
 * <p>Thread-safety: immutable; safe from any thread. Plans are not (see {@link Plan}).
 */
public final class DnnlBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "dnnl";
    /** The ops this backend lowers: all of them. */
    static final OpSupport OPS = OpSupport.every(NAME);

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

    /** {@code dnnl (<oneDNN's ISA>, precision <precision>)}; loads oneDNN. */
    @Override
    public String describe() {
        DnnlEngine.get();
        String kernels = DnnlIsa.hasAvx512() && KernelsLibrary.isUsable() ? ", with own x86_64 kernels" : "";
        return NAME + " (" + DnnlIsa.effective() + ", precision " + precision.name().toLowerCase(java.util.Locale.ROOT) + kernels + ")";
    }

    @Override
    public String cannotRun(Graph graph) {
        return OPS.missingFor(graph);
    }

    @Override
    public boolean isAvailable() {
        return DnnlLibrary.isAvailable() && DnnlSelfCheck.failure().isEmpty();
    }

    /** Why the library cannot load, or why its kernels are not trusted on this CPU (see {@link DnnlSelfCheck}). */
    @Override
    public String unavailableReason() {
        try {
            DnnlLibrary.load();
        } catch (NativeLibraryException e) {
            return e.getMessage();
        }
        return DnnlSelfCheck.failure().orElse("");
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads) {
        checkCompile(threads);
        Backend.requireRunnable(this, graph);
        return DnnlPlanCompiler.compile(graph, batch, threads, null, precision);
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads, WeightCache weights) {
        if (!(weights instanceof DnnlWeightCache cache)) {
            throw new IllegalArgumentException("not a dnnl weight cache: " + weights);
        }
        checkCompile(threads);
        Backend.requireRunnable(this, graph);
        return DnnlPlanCompiler.compile(graph, batch, threads, cache, precision);
    }

    private static void checkCompile(int threads) {
        ThreadLimit.check(threads);
        DnnlSelfCheck.failure().ifPresent(reason -> {
            throw new EfficientFormerException("backend dnnl is not available: " + reason);
        });
    }

    @Override
    public WeightCache newWeightCache() {
        return new DnnlWeightCache();
    }
}
