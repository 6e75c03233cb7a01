package dev.efficientformer.backend.acl;

import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.OpSupport;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.runtime.ThreadLimit;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.NativeLibraryException;

/**
 * The Arm Compute Library backend (Linux aarch64): graphs become handles of the C shim in
 * {@code native/} (see {@link AclPlanCompiler}), which wraps ACL's NEON functions.
 *
 * <p>Thread-safety: stateless; safe from any thread. Plans are not (see {@link Plan}); runs of
 * different plans are serialised inside the shim.
 */
public final class AclBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "acl";
    /** The ops this backend lowers: all of them. */
    static final OpSupport OPS = OpSupport.every(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cannotRun(Graph graph) {
        return OPS.missingFor(graph);
    }

    /** No: the shim's scheduler has one thread count for the process ({@code efacl_set_num_threads}). */
    @Override
    public boolean plansKeepTheirThreadCounts() {
        return false;
    }

    @Override
    public boolean isAvailable() {
        return AclLibrary.isAvailable();
    }

    @Override
    public String unavailableReason() {
        try {
            AclLibrary.load();
            return "";
        } catch (NativeLibraryException e) {
            return e.getMessage();
        }
    }

    @Override
    public Plan compile(Graph graph, int batch, int threads) {
        ThreadLimit.check(threads);
        Backend.requireRunnable(this, graph);
        AclLibrary.load();
        return AclPlanCompiler.compile(graph, batch, threads);
    }
}
