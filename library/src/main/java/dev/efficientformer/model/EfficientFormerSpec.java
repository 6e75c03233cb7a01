package dev.efficientformer.model;

import java.util.Arrays;

/**
 * The architecture of an EfficientFormer (V1) model, as far as it varies between L1, L3, L7 and
 * other checkpoints: everything else (3x3 stride-2 stem and downsampling, pool size 3, GELU,
 * LayerNorm eps 1e-5, the 7x7 attention grid) is fixed by the architecture.
 *
 * <p>Thread-safety: immutable.
 *
 * @param widths channels of the four stages ({@code embed_dims})
 * @param depths number of Meta blocks in each stage (the parameter-less Flat not counted)
 * @param numVit how many of the last stage's blocks are attention (Meta3D) blocks
 * @param mlpHidden hidden width of the MLP in each stage
 * @param heads attention heads
 * @param keyDim width of each head's query and key
 * @param valDim width of each head's value
 * @param numClasses outputs of the classifier
 * @param distilled whether the checkpoint has a distillation head ({@code head_dist}) to average in
 */
public record EfficientFormerSpec(int[] widths, int[] depths, int numVit, int[] mlpHidden, int heads, int keyDim,
                                  int valDim, int numClasses, boolean distilled) implements ModelSpec {
    /** Side of the token grid the attention biases are learned for. */
    public static final int GRID = 7;
    /** Overall stride from the image to the last stage. */
    public static final int TOTAL_STRIDE = 32;
    /** Smallest image side whose last stage is still 7x7. */
    public static final int MIN_INPUT = 193;
    /** Largest image side whose last stage is still 7x7. */
    public static final int MAX_INPUT = 224;
    /** BatchNorm and LayerNorm epsilon. */
    public static final float EPS = 1e-5f;

    /** A spec; arrays are copied. */
    public EfficientFormerSpec {
        widths = widths.clone();
        depths = depths.clone();
        mlpHidden = mlpHidden.clone();
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
    public int[] mlpHidden() {
        return mlpHidden.clone();
    }

    /** Channels of stage {@code s}. */
    public int width(int s) {
        return widths[s];
    }

    /** Meta blocks in stage {@code s}. */
    public int depth(int s) {
        return depths[s];
    }

    /** Index of the Flat module among the last stage's blocks (timm numbering). */
    public int flatIndex() {
        return depths[3] - numVit;
    }

    /** Channels after the stem's first convolution. */
    public int stemWidth() {
        return widths[0] / 2;
    }

    /** Features fed to the classifier. */
    @Override
    public int numFeatures() {
        return widths[3];
    }

    @Override
    public String family() {
        return "EfficientFormer";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EfficientFormerSpec s && Arrays.equals(widths, s.widths) && Arrays.equals(depths, s.depths)
                && numVit == s.numVit && Arrays.equals(mlpHidden, s.mlpHidden) && heads == s.heads && keyDim == s.keyDim
                && valDim == s.valDim && numClasses == s.numClasses && distilled == s.distilled;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + Arrays.hashCode(depths) * 17 + numVit * 7 + heads + keyDim + numClasses;
    }

    @Override
    public String toString() {
        return "EfficientFormer(widths=" + Arrays.toString(widths) + ", depths=" + Arrays.toString(depths) + ", vit="
                + numVit + ", mlp=" + Arrays.toString(mlpHidden) + ", heads=" + heads + ", key_dim=" + keyDim
                + ", val_dim=" + valDim + ", classes=" + numClasses + (distilled ? ", distilled" : "") + ")";
    }
}
