package dev.efficientformer.backend;

/**
 * Weights a backend has prepared (reordered, packed) for one model, shared by all the plans it
 * compiles for that model: N concurrent predictions and several batch sizes hold one copy of the
 * weights, not one each. Made by {@link Backend#newWeightCache()}; must be closed after every plan
 * that used it.
 *
 * <p>Thread-safety: implementations are safe to use from several compiling threads at once.
 */
public interface WeightCache extends AutoCloseable {

    /** A cache that shares nothing (for backends that keep weights in their plans). */
    WeightCache NONE = () -> { };

    /** Frees the shared weights. Idempotent. */
    @Override
    void close();
}
