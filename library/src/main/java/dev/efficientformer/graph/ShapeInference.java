package dev.efficientformer.graph;

import dev.efficientformer.EfficientFormerException;
import java.util.Arrays;
import java.util.List;

/** Output shapes of ops, with the checks that catch a wrongly wired or wrongly loaded graph. */
final class ShapeInference {
    private ShapeInference() {
    }

    static int[] outputShape(Op op, List<Value> in) {
        Value x = in.get(0);
        return switch (op) {
            case Ops.Conv2d c -> {
                require(op, x.rank() == 3 && x.dim(0) == c.inChannels(), x, "[" + c.inChannels() + ", H, W]");
                require(op, c.weight().length == c.outChannels() * c.inChannels() * c.kernel() * c.kernel()
                        && c.bias().length == c.outChannels(), x, "weights matching the declared sizes");
                int h = c.outputSize(x.dim(1));
                int w = c.outputSize(x.dim(2));
                require(op, h > 0 && w > 0, x, "an input at least as large as the kernel");
                yield new int[] {c.outChannels(), h, w};
            }
            case Ops.BatchNorm b -> {
                require(op, x.rank() == 3 && x.dim(0) == b.mean().length, x, "[" + b.mean().length + ", H, W]");
                yield x.shape();
            }
            case Ops.Relu r -> x.shape();
            case Ops.Gelu g -> x.shape();
            case Ops.AvgPool p -> {
                require(op, x.rank() == 3 && p.stride() == 1 && p.kernel() == 2 * p.padding() + 1, x,
                        "[C, H, W] and a shape-preserving window");
                yield x.shape();
            }
            case Ops.Add a -> sameShapes(op, in);
            case Ops.Sub s -> sameShapes(op, in);
            case Ops.ChannelScale s -> {
                int channels = x.rank() == 3 ? x.dim(0) : x.dim(x.rank() - 1);
                require(op, channels == s.scale().length, x, s.scale().length + " channels");
                yield x.shape();
            }
            case Ops.ToTokens t -> {
                require(op, x.rank() == 3, x, "[C, H, W]");
                yield new int[] {x.dim(1) * x.dim(2), x.dim(0)};
            }
            case Ops.LayerNorm l -> {
                require(op, x.dim(x.rank() - 1) == l.gamma().length, x, "[..., " + l.gamma().length + "]");
                yield x.shape();
            }
            case Ops.Linear l -> {
                require(op, x.dim(x.rank() - 1) == l.inFeatures() && l.weight().length == l.outFeatures() * l.inFeatures()
                        && l.bias().length == l.outFeatures(), x, "[..., " + l.inFeatures() + "]");
                int[] s = x.shape();
                s[s.length - 1] = l.outFeatures();
                yield s;
            }
            case Ops.Attention a -> {
                require(op, x.rank() == 2 && x.dim(0) == a.tokens() && x.dim(1) == a.heads() * a.headWidth()
                        && a.bias().length == a.heads() * a.tokens() * a.tokens(), x,
                        "[" + a.tokens() + ", " + a.heads() * a.headWidth() + "]");
                yield new int[] {a.tokens(), a.heads() * a.valDim()};
            }
            case Ops.DepthwiseConv2d c -> {
                require(op, x.rank() == 3 && x.dim(0) == c.channels(), x, "[" + c.channels() + ", H, W]");
                require(op, c.weight().length == c.channels() * c.kernel() * c.kernel() && c.bias().length == c.channels(), x,
                        "weights matching the declared sizes");
                int h = c.outputSize(x.dim(1));
                int w = c.outputSize(x.dim(2));
                require(op, h > 0 && w > 0, x, "an input at least as large as the kernel");
                yield new int[] {c.channels(), h, w};
            }
            case Ops.Attention2d a -> {
                require(op, in.size() == 3, x, "three inputs (q, k, v), got " + in.size());
                Value k = in.get(1);
                Value v = in.get(2);
                int kh = a.heads() * a.keyDim();
                require(op, x.rank() == 3 && x.dim(0) == kh && x.dim(1) * x.dim(2) == a.queries(), x,
                        "q [" + kh + ", Hq, Wq] with Hq*Wq = " + a.queries());
                require(op, k.rank() == 3 && k.dim(0) == kh && k.dim(1) * k.dim(2) == a.keys(), k,
                        "k [" + kh + ", H, W] with H*W = " + a.keys());
                require(op, v.rank() == 3 && v.dim(0) == a.heads() * a.valDim() && v.dim(1) == k.dim(1) && v.dim(2) == k.dim(2), v,
                        "v [" + a.heads() * a.valDim() + ", " + k.dim(1) + ", " + k.dim(2) + "]");
                int mix = a.talkingHeads() ? a.heads() : 0;
                require(op, a.bias().length == a.heads() * a.queries() * a.keys() && a.mixBefore().length == mix * mix
                        && a.mixAfter().length == mix * mix && a.mixBeforeBias().length == mix && a.mixAfterBias().length == mix, x,
                        "biases and head mixes matching " + a.heads() + " heads");
                yield new int[] {a.heads() * a.valDim(), x.dim(1), x.dim(2)};
            }
            case Ops.Upsample2x u -> {
                require(op, x.rank() == 3, x, "[C, H, W]");
                yield new int[] {x.dim(0), 2 * x.dim(1), 2 * x.dim(2)};
            }
            case Ops.MeanTokens m -> {
                require(op, x.rank() == 2, x, "[N, C]");
                yield new int[] {x.dim(1)};
            }
        };
    }

    private static int[] sameShapes(Op op, List<Value> in) {
        require(op, in.size() == 2 && Arrays.equals(in.get(0).shape(), in.get(1).shape()), in.get(0),
                "two inputs of one shape, got " + in);
        return in.get(0).shape();
    }

    private static void require(Op op, boolean ok, Value x, String expected) {
        if (!ok) {
            throw new EfficientFormerException(op.kind() + " expects " + expected + " but its input is " + Arrays.toString(x.shape()));
        }
    }
}
