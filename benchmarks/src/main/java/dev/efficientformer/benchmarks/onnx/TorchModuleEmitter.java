package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.model.EfficientFormerSpec;
import dev.efficientformer.model.WeightReader;
import java.util.List;

/**
 * Emits the ONNX nodes torch.onnx.export (torch 1.13, opset 17, eval mode, constant folding on)
 * produces for the torch modules EfficientFormer V1 and V2 are made of, reading their weights by
 * timm key: Conv2d + BatchNorm2d (one Conv, BatchNorm folded; dense, grouped or depthwise), a
 * Conv2d alone, BatchNorm2d alone, GELU (the exact, erf form: five nodes), LayerNorm, Linear on
 * tokens (MatMul against the transposed weight, then Add), layer scale.
 *
 * <p>Module paths are timm's ({@code stages.0.blocks.1.mlp.fc1}); {@link #scope} turns them into
 * torch's node scopes.
 *
 * <p>Thread-safety: not thread-safe (it appends to one graph).
 */
final class TorchModuleEmitter {
    private static final float SQRT_2 = (float) Math.sqrt(2);

    private final OnnxGraph graph;
    private final WeightReader weights;

    TorchModuleEmitter(OnnxGraph graph, WeightReader weights) {
        this.graph = graph;
        this.weights = weights;
    }

    OnnxGraph graph() {
        return graph;
    }

    WeightReader weights() {
        return weights;
    }

    /**
     * torch's node scope of a module path: {@code stages.0.blocks.1.mlp} becomes
     * {@code /stages/stages.0/blocks/blocks.1/mlp} (a container's child is named
     * {@code <container>.<index>}); the root module is {@code ""}.
     */
    static String scope(String modulePath) {
        if (modulePath.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        String[] parts = modulePath.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            boolean index = !parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit);
            s.append('/').append(index && i > 0 ? parts[i - 1] + "." + parts[i] : parts[i]);
        }
        return s.toString();
    }

    /**
     * A k x k convolution {@code conv} (weight {@code [out, in, k, k]} and bias) followed by the
     * BatchNorm {@code norm}, folded into one Conv node in the convolution's scope.
     */
    String convBatchNorm(String x, String conv, String norm, int in, int out, int kernel, int stride, int pad) {
        return convBatchNorm(x, conv, norm, in, out, kernel, stride, pad, 1);
    }

    /** As above, with {@code groups} groups (weight {@code [out, in / groups, k, k]}; depthwise when it equals {@code in}). */
    String convBatchNorm(String x, String conv, String norm, int in, int out, int kernel, int stride, int pad, int groups) {
        int perGroup = in / groups;
        float[] w = weights.floats(conv + ".weight", out, perGroup, kernel, kernel);
        float[] b = weights.floats(conv + ".bias", out);
        BatchNormFolding.Folded f = BatchNormFolding.fold(w, b, weights.floats(norm + ".running_mean", out),
                weights.floats(norm + ".running_var", out), weights.floats(norm + ".weight", out), weights.floats(norm + ".bias", out),
                EfficientFormerSpec.EPS);
        String wName = graph.generatedInitializer("Conv", f.weight(), out, perGroup, kernel, kernel);
        String bName = graph.generatedInitializer("Conv", f.bias(), out);
        return conv(x, conv, wName, bName, kernel, stride, pad, groups);
    }

    /**
     * A k x k convolution {@code conv} with its bias and no BatchNorm: torch keeps its parameters
     * under their state-dict names.
     */
    String plainConv(String x, String conv, int in, int out, int kernel, int stride, int pad, int groups) {
        int perGroup = in / groups;
        String w = graph.initializer(OnnxTensorData.floats(conv + ".weight", weights.floats(conv + ".weight", out, perGroup, kernel, kernel),
                out, perGroup, kernel, kernel));
        String b = graph.initializer(OnnxTensorData.floats(conv + ".bias", weights.floats(conv + ".bias", out), out));
        return conv(x, conv, w, b, kernel, stride, pad, groups);
    }

    private String conv(String x, String conv, String w, String b, int kernel, int stride, int pad, int groups) {
        return graph.node(scope(conv), "Conv", List.of(x, w, b),
                OnnxAttribute.ints("dilations", 1, 1),
                OnnxAttribute.of("group", (long) groups),
                OnnxAttribute.ints("kernel_shape", kernel, kernel),
                OnnxAttribute.ints("pads", pad, pad, pad, pad),
                OnnxAttribute.ints("strides", stride, stride));
    }

    /** An inference-mode BatchNorm2d on its own, parameters under their state-dict names. */
    String batchNorm(String x, String norm, int channels, float eps) {
        List<String> in = new java.util.ArrayList<>(List.of(x));
        for (String p : List.of("weight", "bias", "running_mean", "running_var")) {
            in.add(graph.initializer(OnnxTensorData.floats(norm + "." + p, weights.floats(norm + "." + p, channels), channels)));
        }
        return graph.node(scope(norm), "BatchNormalization", in, OnnxAttribute.of("epsilon", eps), OnnxAttribute.of("momentum", 0.9f),
                OnnxAttribute.of("training_mode", 0L));
    }

    /** ReLU in the scope of module {@code act}. */
    String relu(String x, String act) {
        return graph.node(scope(act), "Relu", List.of(x));
    }

    /** nn.GELU (erf form): {@code x * (erf(x / sqrt 2) + 1) * 0.5}, as torch decomposes it for opset 17. */
    String gelu(String x, String act) {
        String s = scope(act);
        String div = graph.node(s, "Div", List.of(x, graph.constant(s, OnnxTensorData.scalar(SQRT_2))));
        String erf = graph.node(s, "Erf", List.of(div));
        String plusOne = graph.node(s, "Add", List.of(erf, graph.constant(s, OnnxTensorData.scalar(1f))));
        String mul = graph.node(s, "Mul", List.of(x, plusOne));
        return graph.node(s, "Mul", List.of(mul, graph.constant(s, OnnxTensorData.scalar(0.5f))));
    }

    /** LayerNorm over the last axis of tokens {@code [B, N, C]}, weight and bias by their timm names. */
    String layerNorm(String x, String norm, int channels) {
        String w = graph.initializer(OnnxTensorData.floats(norm + ".weight", weights.floats(norm + ".weight", channels), channels));
        String b = graph.initializer(OnnxTensorData.floats(norm + ".bias", weights.floats(norm + ".bias", channels), channels));
        return graph.node(scope(norm), "LayerNormalization", List.of(x, w, b),
                OnnxAttribute.of("axis", -1L), OnnxAttribute.of("epsilon", EfficientFormerSpec.EPS));
    }

    /**
     * nn.Linear on tokens {@code [B, N, in]}: MatMul against the transposed weight {@code [in, out]}
     * (a generated initializer), then Add with the bias first, as torch emits it for 3-D input.
     */
    String linear(String x, String linear, int in, int out) {
        float[] w = weights.floats(linear + ".weight", out, in);
        float[] t = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i * out + o] = w[o * in + i];
            }
        }
        String wName = graph.generatedInitializer("MatMul", t, in, out);
        String bias = graph.initializer(OnnxTensorData.floats(linear + ".bias", weights.floats(linear + ".bias", out), out));
        String s = scope(linear);
        String mm = graph.node(s, "MatMul", List.of(x, wName));
        return graph.node(s, "Add", List.of(bias, mm));
    }

    /**
     * Layer scale of a 4-D block ({@code x * gamma.unsqueeze(-1).unsqueeze(-1)}): Mul by the
     * gamma constant-folded to {@code [1, C, 1, 1]}.
     */
    String layerScale4d(String x, String ls, int channels) {
        String name = ls + ".gamma";
        // timm stores [C]; EfficientFormerV2's original code stores [C, 1, 1]: the same numbers.
        boolean original = weights.has(name) && weights.file().info(name).shape().rank() == 3;
        float[] gamma = original ? weights.floats(name, channels, 1, 1) : weights.floats(name, channels);
        return graph.node(scope(ls), "Mul", List.of(x, graph.generatedInitializer("Mul", gamma, 1, channels, 1, 1)));
    }

    /**
     * The classifier on pooled features {@code [B, C]}: Gemm {@code head}, and when the checkpoint
     * is distilled Gemm {@code head_dist} too, averaged ({@code (head + head_dist) / 2}), into the
     * graph output {@code output} {@code [batch, classes]}.
     */
    void classifierHeads(String pooled, int features, int classes, boolean distilled, String output) {
        String headW = graph.initializer(OnnxTensorData.floats("head.weight", weights.floats("head.weight", classes, features), classes, features));
        String headB = graph.initializer(OnnxTensorData.floats("head.bias", weights.floats("head.bias", classes), classes));
        OnnxAttribute[] gemm = {OnnxAttribute.of("alpha", 1f), OnnxAttribute.of("beta", 1f), OnnxAttribute.of("transB", 1L)};
        if (!distilled) {
            graph.namedNode("/head", "Gemm", List.of(pooled, headW, headB), output, gemm);
        } else {
            String logits = graph.node("/head", "Gemm", List.of(pooled, headW, headB), gemm);
            String distW = graph.initializer(OnnxTensorData.floats("head_dist.weight", weights.floats("head_dist.weight", classes, features),
                    classes, features));
            String distB = graph.initializer(OnnxTensorData.floats("head_dist.bias", weights.floats("head_dist.bias", classes), classes));
            String dist = graph.node("/head_dist", "Gemm", List.of(pooled, distW, distB), gemm);
            String sum = graph.node("", "Add", List.of(logits, dist));
            graph.namedNode("", "Div", List.of(sum, graph.constant("", OnnxTensorData.scalar(2f))), output);
        }
        graph.output(OnnxValueInfo.floatTensor(output, "batch", (long) classes));
    }

    /** Layer scale of a token block ({@code x * gamma}): Mul by gamma {@code [C]} under its timm name. */
    String layerScaleTokens(String x, String ls, int channels) {
        String gamma = graph.initializer(OnnxTensorData.floats(ls + ".gamma", weights.floats(ls + ".gamma", channels), channels));
        return graph.node(scope(ls), "Mul", List.of(x, gamma));
    }
}
