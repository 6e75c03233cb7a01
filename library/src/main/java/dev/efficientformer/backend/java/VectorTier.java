package dev.efficientformer.backend.java;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;
import jdk.incubator.vector.FloatVector;

/**
 * The entry to the vector tier. {@link JavaBackend} touches this class only after it has checked
 * that the module {@code jdk.incubator.vector} is in the boot layer, so that the scalar tier loads
 * and runs without it: nothing outside this class and the kernels it reaches names a vector type.
 *
 * <p>Thread-safety: stateless.
 */
final class VectorTier {
    private VectorTier() {
    }

    /** Bits per vector of the preferred species (512 with AVX-512, 256 with AVX2, 128 with NEON). */
    static int bits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** Float lanes per vector. */
    static int lanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /** Compiles {@code graph} for the vector tier. */
    static Plan compile(Graph graph, int batch, int threads) {
        return VectorPlanCompiler.compile(graph, batch, threads);
    }
}
