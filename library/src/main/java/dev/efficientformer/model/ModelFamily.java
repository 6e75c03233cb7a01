package dev.efficientformer.model;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.weights.RenamedWeightFile;
import dev.efficientformer.weights.WeightFile;
import java.util.Collection;
import java.util.List;

/**
 * The model families the library runs, each whole in one place: how the original authors named
 * its checkpoints' keys (and timm's names for them), how it is recognised from a checkpoint's
 * tensors, how its spec is derived and how its graph is built. Zoo entries live in
 * {@link ModelZoo}.
 *
 * <p>Thread-safety: stateless.
 */
public enum ModelFamily {
    /** EfficientFormer (V1): L1, L3, L7. */
    EFFICIENTFORMER {
        @Override
        boolean namedByOriginalAuthors(Collection<String> keys) {
            return EfficientFormerV1KeyMapping.isOriginalNaming(keys);
        }

        @Override
        String timmName(String originalKey) {
            return EfficientFormerV1KeyMapping.toTimm(originalKey);
        }

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
        boolean namedByOriginalAuthors(Collection<String> keys) {
            return EfficientFormerV2KeyMapping.isOriginalNaming(keys);
        }

        @Override
        String timmName(String originalKey) {
            return EfficientFormerV2KeyMapping.toTimm(originalKey);
        }

        @Override
        ModelSpec derive(WeightFile file) {
            return EfficientFormerV2GraphBuilder.derive(file);
        }

        @Override
        Graph build(WeightFile file, ModelSpec spec, int height, int width) {
            return EfficientFormerV2GraphBuilder.build(file, (EfficientFormerV2Spec) spec, height, width);
        }
    };

    /** Whether {@code keys} are this family's in its original authors' naming. */
    abstract boolean namedByOriginalAuthors(Collection<String> keys);

    /** timm's name for one of the original authors' keys; keys outside their naming come back unchanged. */
    abstract String timmName(String originalKey);

    abstract ModelSpec derive(WeightFile file);

    abstract Graph build(WeightFile file, ModelSpec spec, int height, int width);

    /**
     * {@code file} under timm's key names, which the rest of the library reads: a view renaming
     * every key when the checkpoint uses a family's original naming (V2's is tried first: V1's
     * test, {@code patch_embed.}/{@code network.} prefixes, holds for both), otherwise {@code file}
     * itself. The view's tensors are the file's; closing the view closes the file.
     *
     * @throws dev.efficientformer.weights.CheckpointException when two keys get the same name
     */
    public static WeightFile withTimmNames(WeightFile file) {
        for (ModelFamily family : List.of(EFFICIENTFORMER_V2, EFFICIENTFORMER)) {
            if (family.namedByOriginalAuthors(file.names())) {
                return new RenamedWeightFile(file, family::timmName);
            }
        }
        return file;
    }

    /** The family of a checkpoint under timm's names (V1 unless its tensors are V2's); see {@link #withTimmNames}. */
    public static ModelFamily of(WeightFile file) {
        return EfficientFormerV2GraphBuilder.recognises(file) ? EFFICIENTFORMER_V2 : EFFICIENTFORMER;
    }

    /** A model read from a checkpoint: its spec and its optimised graph. */
    public record Loaded(ModelSpec spec, Graph graph) {
    }

    /**
     * Recognises the family of {@code file} (timm's or the original authors' key names), derives
     * its spec and builds the optimised graph (see {@link GraphPasses}) for {@code height x width}
     * images. The file stays the caller's to close.
     *
     * @throws dev.efficientformer.weights.CheckpointException when the checkpoint does not fit its family
     * @throws dev.efficientformer.EfficientFormerException when the input size does not fit the model
     */
    public static Loaded load(WeightFile file, int height, int width) {
        WeightFile named = withTimmNames(file);
        ModelFamily family = of(named);
        ModelSpec spec = family.derive(named);
        return new Loaded(spec, GraphPasses.optimize(family.build(named, spec, height, width)));
    }
}
