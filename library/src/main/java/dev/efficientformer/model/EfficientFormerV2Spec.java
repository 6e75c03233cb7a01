package dev.efficientformer.model;

import java.util.Arrays;

/**
 * The architecture of an EfficientFormerV2 model (S0, S1, S2, L or any other checkpoint of the
 * family), as far as it varies: everything else (the GELU stem of two 3x3 stride-2 convolutions,
 * 3x3 stride-2 downsampling, the depthwise 3x3 in every MLP, strided attention in stage 2,
 * attention downsampling into stage 3, BatchNorm eps 1e-5) is fixed by the architecture. Head
 * counts and key widths are read per attention layer from its weights when the graph is built.
 *
 * <p>Thread-safety: immutable.
 *
 * @param widths channels of the four stages ({@code embed_dims})
 * @param depths blocks in each stage
 * @param attentionBlocks how many of each stage's blocks (its last ones) mix tokens by attention
 * @param attentionDownsample whether the downsampling into stage 3 adds attention to its convolution
 * @param numClasses outputs of the classifier
 * @param distilled whether the checkpoint has a distillation head ({@code head_dist}) to average in
 */
public record EfficientFormerV2Spec(int[] widths, int[] depths, int[] attentionBlocks, boolean attentionDownsample, int numClasses,
                                    boolean distilled) implements ModelSpec {
    /** BatchNorm epsilon. */
    public static final float EPS = 1e-5f;

    /** A spec; arrays are copied. */
    public EfficientFormerV2Spec {
        widths = widths.clone();
        depths = depths.clone();
        attentionBlocks = attentionBlocks.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public int[] attentionBlocks() {
        return attentionBlocks.clone();
    }

    /** Channels of stage {@code s}. */
    public int width(int s) {
        return widths[s];
    }

    @Override
    public int numFeatures() {
        return widths[3];
    }

    @Override
    public String family() {
        return "EfficientFormerV2";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EfficientFormerV2Spec s && Arrays.equals(widths, s.widths) && Arrays.equals(depths, s.depths)
                && Arrays.equals(attentionBlocks, s.attentionBlocks) && attentionDownsample == s.attentionDownsample
                && numClasses == s.numClasses && distilled == s.distilled;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + Arrays.hashCode(depths) * 17 + Arrays.hashCode(attentionBlocks) + numClasses;
    }

    @Override
    public String toString() {
        return "EfficientFormerV2(widths=" + Arrays.toString(widths) + ", depths=" + Arrays.toString(depths) + ", attention blocks="
                + Arrays.toString(attentionBlocks) + (attentionDownsample ? ", attention downsampling" : "") + ", classes=" + numClasses
                + (distilled ? ", distilled" : "") + ")";
    }
}
