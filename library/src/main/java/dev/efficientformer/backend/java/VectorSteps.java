package dev.efficientformer.backend.java;

import dev.efficientformer.graph.Ops;

/**
 * The non-GEMM steps of a {@link VectorPlan}: each adapts one kernel to the plan's buffers and
 * splits its items (planes, rows, heads, images, or vector-aligned element ranges) into the
 * plan's shares.
 *
 * <p>Thread-safety: each share writes disjoint parts of the output and uses its own scratch.
 */
final class VectorSteps {
    private VectorSteps() {
    }

    /** Start of share {@code part} of a flat range of {@code n} elements, in whole vectors. */
    private static int vectorFrom(int n, int part, int parts) {
        int vectors = (n + VectorGemm.L - 1) / VectorGemm.L;
        return Math.min(n, VectorStep.from(vectors, part, parts) * VectorGemm.L);
    }

    /** Average pooling, or the whole pool mixer {@code x + s * (pool(x) - x)}, per channel plane. */
    static final class Pool implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final int planes;
        private final int channels;
        private final int h;
        private final int w;
        private final int k;
        private final int pad;
        private final float[] scale;
        private final float[] rowCount;
        private final float[] colCount;
        private final float[][] scratch;

        /** {@code scale == null}: plain pooling; otherwise the mixer with these per-channel factors. */
        Pool(float[] x, float[] y, int images, int channels, int h, int w, Ops.AvgPool p, float[] scale, float[][] scratch) {
            this.x = x;
            this.y = y;
            this.planes = images * channels;
            this.channels = channels;
            this.h = h;
            this.w = w;
            this.k = p.kernel();
            this.pad = p.padding();
            this.scale = scale;
            this.rowCount = VectorPool.counts(h, k, pad);
            this.colCount = VectorPool.counts(w, k, pad);
            this.scratch = scratch;
        }

        int scratchSize() {
            return VectorPool.scratchSize(w, pad);
        }

        @Override
        public void run(int part, int parts) {
            int end = VectorStep.from(planes, part + 1, parts);
            for (int p = VectorStep.from(planes, part, parts); p < end; p++) {
                int off = p * h * w;
                VectorPool.plane(x, off, y, off, h, w, k, pad, scale != null, scale == null ? 0f : scale[p % channels], rowCount,
                        colCount, scratch[part]);
            }
        }

        @Override
        public String kind() {
            return scale == null ? "avgpool" : "pool_mixer";
        }
    }

    /** Layer norm over the last dim of every row of every image. */
    static final class LayerNorm implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final int rows;
        private final Ops.LayerNorm op;
        private final float[][] scratch;

        LayerNorm(float[] x, float[] y, int rows, Ops.LayerNorm op, float[][] scratch) {
            this.x = x;
            this.y = y;
            this.rows = rows;
            this.op = op;
            this.scratch = scratch;
        }

        int scratchSize() {
            return VectorNorm.scratchSize();
        }

        @Override
        public void run(int part, int parts) {
            VectorNorm.layerNorm(x, y, VectorStep.from(rows, part, parts), VectorStep.from(rows, part + 1, parts), op.gamma().length,
                    op.gamma(), op.beta(), op.eps(), scratch[part]);
        }

        @Override
        public String kind() {
            return "layernorm";
        }
    }

    /** Attention, one (image, head) per item. */
    static final class Attention implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final int images;
        private final Ops.Attention op;
        private final float[] paddedBias;
        private final float[][] scratch;

        Attention(float[] x, float[] y, int images, Ops.Attention op, float[][] scratch) {
            this.x = x;
            this.y = y;
            this.images = images;
            this.op = op;
            this.paddedBias = VectorAttention.padBias(op.bias(), op.heads(), op.tokens());
            this.scratch = scratch;
        }

        int scratchSize() {
            return VectorAttention.scratchSize(op.tokens(), op.keyDim());
        }

        @Override
        public void run(int part, int parts) {
            int heads = op.heads();
            int n = op.tokens();
            int itemCount = images * heads;
            int end = VectorStep.from(itemCount, part + 1, parts);
            for (int item = VectorStep.from(itemCount, part, parts); item < end; item++) {
                int image = item / heads;
                VectorAttention.head(x, image * n * heads * op.headWidth(), n, heads, op.keyDim(), op.valDim(), item % heads, paddedBias,
                        op.scale(), y, image * n * heads * op.valDim(), scratch[part]);
            }
        }

        @Override
        public String kind() {
            return "attention";
        }
    }

    /** Add, sub, ReLU or GELU over whole buffers. */
    static final class Elementwise implements VectorStep {
        private final String kind;
        private final float[] a;
        private final float[] b;
        private final float[] y;
        private final int n;

        Elementwise(String kind, float[] a, float[] b, float[] y, int n) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.y = y;
            this.n = n;
        }

        @Override
        public void run(int part, int parts) {
            int from = vectorFrom(n, part, parts);
            int len = vectorFrom(n, part + 1, parts) - from;
            switch (kind) {
                case "add" -> VectorElementwise.add(a, from, b, from, y, from, len);
                case "sub" -> VectorElementwise.sub(a, from, b, from, y, from, len);
                case "relu" -> VectorElementwise.relu(a, from, y, from, len);
                case "gelu" -> VectorErf.gelu(a, from, y, from, len);
                default -> throw new IllegalStateException(kind);
            }
        }

        @Override
        public String kind() {
            return kind;
        }
    }

    /** Per-channel scale: per plane of a feature map, or per row of tokens or vectors. */
    static final class ChannelScale implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final float[] scale;
        private final boolean channelsFirst;
        private final int items;
        private final int itemSize;

        private ChannelScale(float[] x, float[] y, float[] scale, boolean channelsFirst, int items, int itemSize) {
            this.x = x;
            this.y = y;
            this.scale = scale;
            this.channelsFirst = channelsFirst;
            this.items = items;
            this.itemSize = itemSize;
        }

        /** A scale of {@code images} feature maps with {@code plane} elements per channel plane. */
        static ChannelScale featureMap(float[] x, float[] y, float[] scale, int images, int plane) {
            return new ChannelScale(x, y, scale, true, images * scale.length, plane);
        }

        /** A scale of {@code rows} channels-last rows (tokens or vectors). */
        static ChannelScale rows(float[] x, float[] y, float[] scale, int rows) {
            return new ChannelScale(x, y, scale, false, rows, scale.length);
        }

        @Override
        public void run(int part, int parts) {
            int end = VectorStep.from(items, part + 1, parts);
            int c = scale.length;
            for (int i = VectorStep.from(items, part, parts); i < end; i++) {
                int off = i * itemSize;
                if (channelsFirst) {
                    VectorElementwise.scale(x, off, scale[i % c], y, off, itemSize);
                } else {
                    VectorElementwise.mul(x, off, scale, 0, y, off, itemSize);
                }
            }
        }

        @Override
        public String kind() {
            return "scale";
        }
    }

    /** Feature map to tokens, one image per item. */
    static final class ToTokens implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final int images;
        private final int c;
        private final int hw;

        ToTokens(float[] x, float[] y, int images, int c, int hw) {
            this.x = x;
            this.y = y;
            this.images = images;
            this.c = c;
            this.hw = hw;
        }

        @Override
        public void run(int part, int parts) {
            int end = VectorStep.from(images, part + 1, parts);
            for (int b = VectorStep.from(images, part, parts); b < end; b++) {
                VectorLayout.toTokens(x, b * c * hw, c, hw, y, b * c * hw);
            }
        }

        @Override
        public String kind() {
            return "to_tokens";
        }
    }

    /** Mean over tokens, one image per item. */
    static final class MeanTokens implements VectorStep {
        private final float[] x;
        private final float[] y;
        private final int images;
        private final int n;
        private final int c;

        MeanTokens(float[] x, float[] y, int images, int n, int c) {
            this.x = x;
            this.y = y;
            this.images = images;
            this.n = n;
            this.c = c;
        }

        @Override
        public void run(int part, int parts) {
            int end = VectorStep.from(images, part + 1, parts);
            for (int b = VectorStep.from(images, part, parts); b < end; b++) {
                VectorLayout.meanTokens(x, b * n * c, n, c, y, b * c);
            }
        }

        @Override
        public String kind() {
            return "mean_tokens";
        }
    }

    /**
     * Depthwise convolution per channel plane ({@link VectorDepthwise} for 3x3 stride 1, the
     * scalar control's plane loop otherwise), then the fused ReLU/GELU and residual add on the
     * plane while it is in cache.
     */
    static final class Depthwise implements VectorStep {
        private final String kind;
        private final float[] x;
        private final float[] y;
        private final float[] residual;
        private final int planes;
        private final int channels;
        private final int h;
        private final int w;
        private final int outPlane;
        private final Ops.DepthwiseConv2d op;
        private final int act;
        private final float[][] scratch;

        Depthwise(String kind, float[] x, float[] y, float[] residual, int images, dev.efficientformer.graph.Value in,
                  dev.efficientformer.graph.Value out, Ops.DepthwiseConv2d op, int act, float[][] scratch) {
            this.kind = kind;
            this.x = x;
            this.y = y;
            this.residual = residual;
            this.channels = op.channels();
            this.planes = images * channels;
            this.h = in.dim(1);
            this.w = in.dim(2);
            this.outPlane = out.dim(1) * out.dim(2);
            this.op = op;
            this.act = act;
            this.scratch = scratch;
        }

        int scratchSize() {
            return VectorDepthwise.scratchSize(w);
        }

        @Override
        public void run(int part, int parts) {
            int k = op.kernel();
            int end = VectorStep.from(planes, part + 1, parts);
            for (int p = VectorStep.from(planes, part, parts); p < end; p++) {
                int ch = p % channels;
                int yo = p * outPlane;
                if (VectorDepthwise.handles(op)) {
                    VectorDepthwise.plane(x, p * h * w, h, w, op.stride(), op.weight(), ch * 9, op.bias()[ch], y, yo, scratch[part]);
                } else {
                    ScalarKernels.depthwisePlane(x, p * h * w, h, w, op.weight(), ch * k * k, op.bias()[ch], k, op.stride(), op.padding(),
                            y, yo);
                }
                if (act == GemmStep.ACT_GELU) {
                    VectorErf.gelu(y, yo, y, yo, outPlane);
                } else if (act == GemmStep.ACT_RELU) {
                    VectorElementwise.relu(y, yo, y, yo, outPlane);
                }
                if (residual != null) {
                    VectorElementwise.addInPlace(y, yo, residual, yo, outPlane);
                }
            }
        }

        @Override
        public String kind() {
            return kind;
        }
    }
}
