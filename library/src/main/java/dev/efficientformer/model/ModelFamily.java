package dev.efficientformer.model;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.weights.WeightFile;

/**
 * The model families the library runs, each whole in one place: how it is recognised from a
 * checkpoint's tensors (under timm's names), how its spec is derived and how its graph is built.
 *
 * <p>Thread-safety: stateless.
 */
public enum ModelFamily {
    /** EfficientFormer (V1): L1, L3, L7. */
    EFFICIENTFORMER {
        @Override
        ModelSpec derive(WeightFile file) {
            return SpecDerivation.derive(file);
        }

        @Override
        Graph build(WeightFile file, ModelSpec spec, int height, int width) {
            return EfficientFormerGraphBuilder.build(file, (EfficientFormerSpec) spec, height, width);
        }
    },
    /** EfficientFormerV2: S0, S1, S2, L. */
    EFFICIENTFORMER_V2 {
        @Override
        ModelSpec derive(WeightFile file) {
            return EfficientFormerV2GraphBuilder.derive(file);
        }

        @Override
        Graph build(WeightFile file, ModelSpec spec, int height, int width) {
            return EfficientFormerV2GraphBuilder.build(file, (EfficientFormerV2Spec) spec, height, width);
        }
    };

    abstract ModelSpec derive(WeightFile file);

    abstract Graph build(WeightFile file, ModelSpec spec, int height, int width);

    /** The family of the checkpoint (V1 unless its tensors are V2's). */
    public static ModelFamily of(WeightFile file) {
        return EfficientFormerV2GraphBuilder.recognises(file) ? EFFICIENTFORMER_V2 : EFFICIENTFORMER;
    }

    /** A model read from a checkpoint: its spec and its optimised graph. */
    public record Loaded(ModelSpec spec, Graph graph) {
    }

    /**
     * Recognises the family of {@code file}, derives its spec and builds the optimised graph
     * (see {@link GraphPasses}) for {@code height x width} images.
     *
     * @throws dev.efficientformer.weights.CheckpointException when the checkpoint does not fit its family
     * @throws dev.efficientformer.EfficientFormerException when the input size does not fit the model
     */
    public static Loaded load(WeightFile file, int height, int width) {
        ModelFamily family = of(file);
        ModelSpec spec = family.derive(file);
        return new Loaded(spec, GraphPasses.optimize(family.build(file, spec, height, width)));
    }
}
