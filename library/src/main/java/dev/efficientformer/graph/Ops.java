package dev.efficientformer.graph;

/**
 * The ops of EfficientFormer graphs, with their exact semantics per image. Shapes: feature maps
 * {@code [C, H, W]}, token sequences {@code [N, C]}, vectors {@code [C]}.
 *
 * <p>Thread-safety: the records are immutable by contract (their arrays are never written after
 * construction) and may be shared between threads and plans.
 */
public final class Ops {
    private Ops() {
    }

    /**
     * 2-D convolution with a square kernel, zero padding, and a bias:
     * {@code y[o, i, j] = bias[o] + sum_{c, ky, kx} weight[o, c, ky, kx] * x[c, i*stride + ky - padding, j*stride + kx - padding]}.
     *
     * @param outChannels output channels
     * @param inChannels input channels
     * @param kernel kernel height and width
     * @param stride stride in both directions
     * @param padding zero padding on every side
     * @param weight {@code [outChannels, inChannels, kernel, kernel]}, row-major
     * @param bias {@code [outChannels]}
     */
    public record Conv2d(int outChannels, int inChannels, int kernel, int stride, int padding, float[] weight, float[] bias)
            implements Op {
        @Override
        public String kind() {
            return kernel == 1 ? "conv1x1" : "conv" + kernel + "x" + kernel;
        }

        @Override
        public long macsPerImage(Value input, Value output) {
            return (long) outChannels * inChannels * kernel * kernel * output.dim(1) * output.dim(2);
        }

        /** Output spatial size for an input of {@code size}. */
        public int outputSize(int size) {
            return (size + 2 * padding - kernel) / stride + 1;
        }
    }

    /**
     * Eval-mode batch normalisation over the channel axis (dim 0 of {@code [C, H, W]}):
     * {@code y = (x - mean) / sqrt(var + eps) * gamma + beta}. Folded away by
     * {@link FoldBatchNorm}: into the convolution before it, or into a 1x1 depthwise one of its own;
     * only the scalar control lowers it.
     */
    public record BatchNorm(float[] mean, float[] var, float[] gamma, float[] beta, float eps) implements Op {
        @Override
        public String kind() {
            return "batchnorm";
        }
    }

    /** {@code y = max(x, 0)}. */
    public record Relu() implements Op {
        @Override
        public String kind() {
            return "relu";
        }
    }

    /** {@code y = x * (1 + erf(x / sqrt(2))) / 2}: the exact (erf) GELU, not the tanh approximation. */
    public record Gelu() implements Op {
        @Override
        public String kind() {
            return "gelu";
        }
    }

    /**
     * Average pooling over {@code [C, H, W]} with a square window that excludes padding from the
     * count ({@code count_include_pad=False}).
     */
    public record AvgPool(int kernel, int stride, int padding) implements Op {
        @Override
        public String kind() {
            return "avgpool";
        }
    }

    /** {@code y = a + b}, same shapes. */
    public record Add() implements Op {
        @Override
        public String kind() {
            return "add";
        }
    }

    /** {@code y = a - b}, same shapes. */
    public record Sub() implements Op {
        @Override
        public String kind() {
            return "sub";
        }
    }

    /**
     * Multiplies every element by its channel's factor. The channel axis is dim 0 of a feature map
     * {@code [C, H, W]} and the last dim of {@code [N, C]} and {@code [C]}.
     *
     * @param scale one factor per channel
     */
    public record ChannelScale(float[] scale) implements Op {
        @Override
        public String kind() {
            return "scale";
        }
    }

    /** {@code [C, H, W] -> [H*W, C]}: {@code y[h*W + w, c] = x[c, h, w]} (timm's {@code Flat}). */
    public record ToTokens() implements Op {
        @Override
        public String kind() {
            return "to_tokens";
        }
    }

    /**
     * Layer normalisation over the last dim with biased variance:
     * {@code y = (x - mean) / sqrt(var + eps) * gamma + beta}.
     */
    public record LayerNorm(float[] gamma, float[] beta, float eps) implements Op {
        @Override
        public String kind() {
            return "layernorm";
        }
    }

    /**
     * A fully connected layer over the last dim: {@code y[..., o] = bias[o] + sum_i weight[o, i] * x[..., i]}.
     *
     * @param weight {@code [outFeatures, inFeatures]}, row-major (PyTorch's layout)
     */
    public record Linear(int outFeatures, int inFeatures, float[] weight, float[] bias) implements Op {
        @Override
        public String kind() {
            return "linear";
        }

        @Override
        public long macsPerImage(Value input, Value output) {
            return input.elementsPerImage() / inFeatures * outFeatures * inFeatures;
        }
    }

    /**
     * EfficientFormer (V1) multi-head self-attention after the qkv projection. The input
     * {@code [N, heads * (2*keyDim + valDim)]} holds, for each token and head {@code h}, the
     * query, key and value of that head one after another (timm's reshape to
     * {@code [N, heads, -1]} then split). For each head:
     * {@code a = softmax(q k^T * keyDim^-0.5 + bias[h])} over keys, {@code out = a v}; the output
     * {@code [N, heads * valDim]} concatenates the heads.
     *
     * @param bias {@code [heads, N, N]}: the learned per-head bias already gathered for every
     *     (query, key) pair of the 7x7 grid
     */
    public record Attention(int heads, int keyDim, int valDim, int tokens, float[] bias) implements Op {
        @Override
        public String kind() {
            return "attention";
        }

        @Override
        public long macsPerImage(Value input, Value output) {
            return (long) heads * tokens * tokens * (keyDim + valDim);
        }

        /** Width of one head's q, k and v together. */
        public int headWidth() {
            return 2 * keyDim + valDim;
        }

        /** The softmax scale {@code keyDim^-0.5}. */
        public float scale() {
            return (float) (1.0 / Math.sqrt(keyDim));
        }
    }

    /** {@code [N, C] -> [C]}: the mean over tokens. */
    public record MeanTokens() implements Op {
        @Override
        public String kind() {
            return "mean_tokens";
        }
    }
    /**
     * Depthwise 2-D convolution (PyTorch's {@code groups = channels}) with a square kernel, zero
     * padding and a bias: {@code y[c, i, j] = bias[c] + sum_{ky, kx} weight[c, ky, kx] * x[c, i*stride + ky - padding, j*stride + kx - padding]}.
     *
     * @param weight {@code [channels, 1, kernel, kernel]}, row-major
     * @param bias {@code [channels]}
     */
    public record DepthwiseConv2d(int channels, int kernel, int stride, int padding, float[] weight, float[] bias) implements Op {
        @Override
        public String kind() {
            return "dwconv" + kernel + "x" + kernel;
        }

        @Override
        public long macsPerImage(Value input, Value output) {
            return (long) channels * kernel * kernel * output.dim(1) * output.dim(2);
        }

        /** Output spatial size for an input of {@code size}. */
        public int outputSize(int size) {
            return (size + 2 * padding - kernel) / stride + 1;
        }
    }

    /**
     * EfficientFormerV2 multi-head attention on feature maps, after the q, k and v projections.
     * Inputs: {@code q [heads*keyDim, Hq, Wq]}, {@code k [heads*keyDim, H, W]},
     * {@code v [heads*valDim, H, W]}; head {@code h} owns channels {@code h*keyDim ..} of q and k
     * and {@code h*valDim ..} of v, and a position is a query or key token in row-major order.
     * For each head: {@code s[h] = q_h^T k_h * keyDim^-0.5 + bias[h]} ({@code [Nq, Nk]}); with
     * talking heads, {@code s'[g] = mixBeforeBias[g] + sum_h mixBefore[g, h] s[h]}; then
     * {@code p = softmax(s')} over keys; with talking heads, {@code p'[g] = mixAfterBias[g] + sum_h mixAfter[g, h] p[h]};
     * and {@code y[h*valDim + e, i] = sum_j p'[h, i, j] v[h*valDim + e, j]}: output
     * {@code [heads*valDim, Hq, Wq]}.
     *
     * @param queries {@code Nq = Hq * Wq}
     * @param keys {@code Nk = H * W}
     * @param bias {@code [heads, Nq, Nk]}: the learned position biases gathered for every pair
     * @param mixBefore {@code [heads, heads]} (timm's {@code talking_head1}), empty without talking heads
     * @param mixAfter {@code [heads, heads]} ({@code talking_head2}), empty without talking heads
     */
    public record Attention2d(int heads, int keyDim, int valDim, int queries, int keys, float[] bias, float[] mixBefore,
                              float[] mixBeforeBias, float[] mixAfter, float[] mixAfterBias) implements Op {
        @Override
        public String kind() {
            return talkingHeads() ? "attention2d_th" : "attention2d";
        }

        @Override
        public long macsPerImage(Value input, Value output) {
            long mix = talkingHeads() ? 2L * heads * heads * queries * keys : 0;
            return (long) heads * queries * keys * (keyDim + valDim) + mix;
        }

        /** Whether the heads are mixed before and after the softmax. */
        public boolean talkingHeads() {
            return mixBefore.length > 0;
        }

        /** The softmax scale {@code keyDim^-0.5}. */
        public float scale() {
            return (float) Math.pow(keyDim, -0.5);
        }
    }

    /**
     * Bilinear upsampling by 2 in both directions with half-pixel centres ({@code align_corners=False}):
     * {@code [C, H, W] -> [C, 2H, 2W]}; output row {@code i} samples input row
     * {@code max(0, (i + 0.5) / 2 - 0.5)}, the two rows around it weighted by distance, the last
     * row repeated past the edge; columns likewise.
     */
    public record Upsample2x() implements Op {
        @Override
        public String kind() {
            return "upsample2x";
        }
    }
}
