package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.model.EfficientFormerSpec;
import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.model.RandomWeights;
import dev.efficientformer.model.SpecDerivation;
import dev.efficientformer.model.WeightReader;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports an EfficientFormer checkpoint (timm's or the original authors' key names) to ONNX with
 * the op structure torch.onnx.export gave timm's model (torch 1.13, opset 17, dynamic batch: the
 * L1 and V2-S0 files in the shared fixtures), so that ONNX Runtime gets the graph it would get from
 * a real export: the same ops in the same order with the same attributes, including torch's shape
 * plumbing (Shape/Gather/Unsqueeze/Concat before each Reshape). Input {@code input}
 * {@code [batch, 3, 224, 224]}, output {@code logits} {@code [batch, classes]}. V1 (L1, L3, L7) is
 * written here; V2 (S0, S1, S2, L), recognised from its tensors, by
 * {@link EfficientFormerV2OnnxExport}.
 *
 * <p>What torch folded is folded here too: each BatchNorm into the convolution before it, the 4-D
 * layer scales into {@code [1, C, 1, 1]} tensors, the Linear weights into their transposes. The
 * attention bias indices are derived from the 7x7 grid (see {@link AttentionBiasIndices}).
 *
 * <p>Command line: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.efficientformer.benchmarks.onnx.EfficientFormerOnnxExport efficientformer_l3 out.onnx}
 * (a zoo variant's seeded random weights, V1 or V2, e.g. {@code efficientformerv2_s1}; an optional
 * third argument is the seed, default 7 as in the benchmarks), or a checkpoint file in place of the
 * variant.
 *
 * <p>Thread-safety: stateless.
 */
public final class EfficientFormerOnnxExport {
    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The graph output's name. */
    public static final String OUTPUT = "logits";
    /** The image side the graph is exported for (torch's export traced a 224x224 image). */
    public static final int IMAGE_SIZE = EfficientFormerSpec.MAX_INPUT;
    /** The seed the benchmarks give {@link RandomWeights}. */
    public static final long DEFAULT_SEED = 7;

    private static final int POOL = 3;

    private final TorchModuleEmitter emit;
    private final OnnxGraph graph;
    private final EfficientFormerSpec spec;

    private EfficientFormerOnnxExport(WeightFile weights, EfficientFormerSpec spec, String graphName) {
        this.graph = new OnnxGraph(graphName);
        this.emit = new TorchModuleEmitter(graph, new WeightReader(weights));
        this.spec = spec;
    }

    /**
     * Writes {@code weights} as an ONNX model to {@code out}, replacing it.
     *
     * @throws dev.efficientformer.weights.CheckpointException when the checkpoint is not an
     *     EfficientFormer V1 or V2 one, naming what is missing or mis-shaped
     */
    public static void export(WeightFile weights, Path out) throws IOException {
        OnnxModelWriter.write(graph(weights), out);
    }

    /** {@link #export(WeightFile, Path)} for {@code height x width} images (see {@link #graph(WeightFile, int, int)}). */
    public static void export(WeightFile weights, Path out, int height, int width) throws IOException {
        OnnxModelWriter.write(graph(weights, height, width), out);
    }

    /**
     * The ONNX graph of {@code weights}.
     *
     * @throws dev.efficientformer.weights.CheckpointException as {@link #export}
     */
    public static OnnxGraph graph(WeightFile weights) {
        return graph(weights, IMAGE_SIZE, IMAGE_SIZE);
    }

    /**
     * The ONNX graph of {@code weights} for {@code height x width} images: any size the checkpoint's
     * attention biases fit for V2 (the tiny test models take 96 x 96), 224 x 224 for V1.
     *
     * @throws dev.efficientformer.weights.CheckpointException as {@link #export}, or when a V1
     *     graph is asked for another size
     */
    public static OnnxGraph graph(WeightFile checkpoint, int height, int width) {
        WeightFile weights = ModelFamily.withTimmNames(checkpoint);
        String name = weights.path().getFileName() == null ? "efficientformer" : weights.path().getFileName().toString();
        if (ModelFamily.of(weights) == ModelFamily.EFFICIENTFORMER_V2) {
            return EfficientFormerV2OnnxExport.graph(weights, name, height, width);
        }
        if (height != IMAGE_SIZE || width != IMAGE_SIZE) {
            throw new CheckpointException(weights.path() + ": the V1 export writes 224x224 graphs only, not " + height + "x" + width);
        }
        EfficientFormerSpec spec;
        try {
            spec = SpecDerivation.derive(weights);
        } catch (CheckpointException e) {
            throw new CheckpointException(e.getMessage() + " (the ONNX export writes EfficientFormer V1 and V2 checkpoints with timm or"
                    + " the original authors' key names only)", e);
        }
        EfficientFormerOnnxExport e = new EfficientFormerOnnxExport(weights, spec, name);
        e.build();
        return e.graph;
    }

    private void build() {
        String x = graph.input(OnnxValueInfo.floatTensor(INPUT, "batch", 3L, (long) IMAGE_SIZE, (long) IMAGE_SIZE));
        x = emit.convBatchNorm(x, "stem.conv1", "stem.norm1", 3, spec.stemWidth(), 3, 2, 1);
        x = emit.relu(x, "stem.act1");
        x = emit.convBatchNorm(x, "stem.conv2", "stem.norm2", spec.stemWidth(), spec.width(0), 3, 2, 1);
        x = emit.relu(x, "stem.act2");
        for (int s = 0; s < 4; s++) {
            String stage = "stages." + s;
            int c = spec.width(s);
            if (s > 0) {
                x = emit.convBatchNorm(x, stage + ".downsample.conv", stage + ".downsample.norm", spec.width(s - 1), c, 3, 2, 1);
            }
            int poolBlocks = s < 3 ? spec.depth(s) : spec.flatIndex();
            for (int i = 0; i < poolBlocks; i++) {
                x = poolBlock(x, stage + ".blocks." + i, c, spec.mlpHidden()[s]);
            }
            if (s == 3) {
                x = flat(x, stage + ".blocks." + spec.flatIndex());
                for (int i = spec.flatIndex() + 1; i <= spec.depth(3); i++) {
                    x = attentionBlock(x, stage + ".blocks." + i, c, spec.mlpHidden()[3]);
                }
            }
        }
        head(x);
        emit.weights().requireAllRead("EfficientFormer (V1)");
    }

    /** Meta4D: {@code x + ls1 * (pool(x) - x)}, then {@code x + ls2 * mlp(x)} with 1x1 conv+BN MLP. */
    private String poolBlock(String x, String b, int c, int hidden) {
        String pooled = graph.node(TorchModuleEmitter.scope(b + ".token_mixer.pool"), "AveragePool", List.of(x),
                OnnxAttribute.of("ceil_mode", 0L),
                OnnxAttribute.ints("kernel_shape", POOL, POOL),
                OnnxAttribute.ints("pads", POOL / 2, POOL / 2, POOL / 2, POOL / 2),
                OnnxAttribute.ints("strides", 1, 1)); // count_include_pad=False: ONNX's default, so absent as in torch's file
        String mixed = graph.node(TorchModuleEmitter.scope(b + ".token_mixer"), "Sub", List.of(pooled, x));
        x = graph.node(TorchModuleEmitter.scope(b), "Add", List.of(x, emit.layerScale4d(mixed, b + ".ls1", c)));
        String h = emit.convBatchNorm(x, b + ".mlp.fc1", b + ".mlp.norm1", c, hidden, 1, 1, 0);
        h = emit.gelu(h, b + ".mlp.act");
        h = emit.convBatchNorm(h, b + ".mlp.fc2", b + ".mlp.norm2", hidden, c, 1, 1, 0);
        return graph.node(TorchModuleEmitter.scope(b), "Add", List.of(x, emit.layerScale4d(h, b + ".ls2", c)));
    }

    /** Flat: {@code x.flatten(2).transpose(1, 2)}, [B, C, 7, 7] to tokens [B, 49, C]. */
    private String flat(String x, String b) {
        String s = TorchModuleEmitter.scope(b);
        String shape = graph.node(s, "Shape", List.of(x));
        String axes = graph.constant(s, OnnxTensorData.vector(0));
        String starts = graph.constant(s, OnnxTensorData.vector(0));
        String ends = graph.constant(s, OnnxTensorData.vector(2));
        String batchAndChannels = graph.node(s, "Slice", List.of(shape, starts, ends, axes));
        String target = graph.node(s, "Concat", List.of(batchAndChannels, graph.constant(s, OnnxTensorData.vector(-1))),
                OnnxAttribute.of("axis", 0L));
        String flat = graph.node(s, "Reshape", List.of(x, target), OnnxAttribute.of("allowzero", 0L));
        return graph.node(s, "Transpose", List.of(flat), OnnxAttribute.ints("perm", 0, 2, 1));
    }

    /** Meta3D: {@code x + ls1 * attn(norm1(x))}, then {@code x + ls2 * mlp(norm2(x))}. */
    private String attentionBlock(String x, String b, int c, int hidden) {
        String y = emit.layerNorm(x, b + ".norm1", c);
        y = attention(y, b + ".token_mixer", c);
        x = graph.node(TorchModuleEmitter.scope(b), "Add", List.of(x, emit.layerScaleTokens(y, b + ".ls1", c)));
        String h = emit.layerNorm(x, b + ".norm2", c);
        h = emit.linear(h, b + ".mlp.fc1", c, hidden);
        h = emit.gelu(h, b + ".mlp.act");
        h = emit.linear(h, b + ".mlp.fc2", hidden, c);
        return graph.node(TorchModuleEmitter.scope(b), "Add", List.of(x, emit.layerScaleTokens(h, b + ".ls2", c)));
    }

    /**
     * timm's V1 Attention: {@code B, N, C = x.shape}; qkv reshaped to {@code [B, N, heads, -1]},
     * permuted, split into q, k, v; {@code softmax(q k^T * scale + bias) v}, back to
     * {@code [B, N, heads * val_dim]}, projected.
     */
    private String attention(String x, String t, int c) {
        String s = TorchModuleEmitter.scope(t);
        int heads = spec.heads();
        int keyDim = spec.keyDim();
        int valDim = spec.valDim();
        int grid = EfficientFormerSpec.GRID;
        String batch = graph.node(s, "Gather", List.of(graph.node(s, "Shape", List.of(x)), graph.constant(s, OnnxTensorData.scalar(0L))),
                OnnxAttribute.of("axis", 0L));
        String tokens = graph.node(s, "Gather", List.of(graph.node(s, "Shape", List.of(x)), graph.constant(s, OnnxTensorData.scalar(1L))),
                OnnxAttribute.of("axis", 0L));
        String qkv = emit.linear(x, t + ".qkv", c, heads * (2 * keyDim + valDim));
        String perHead = graph.node(s, "Concat", List.of(unsqueeze0(s, batch), unsqueeze0(s, tokens),
                graph.constant(s, OnnxTensorData.vector(heads)), graph.constant(s, OnnxTensorData.vector(-1))),
                OnnxAttribute.of("axis", 0L));
        String split = graph.node(s, "Transpose", List.of(graph.node(s, "Reshape", List.of(qkv, perHead), OnnxAttribute.of("allowzero", 0L))),
                OnnxAttribute.ints("perm", 0, 2, 1, 3));
        List<String> qkvParts = graph.node(s, "Split", List.of(split, graph.constant(s, OnnxTensorData.vector(keyDim, keyDim, valDim))), 3,
                OnnxAttribute.of("axis", 3L));
        String kT = graph.node(s, "Transpose", List.of(qkvParts.get(1)), OnnxAttribute.ints("perm", 0, 1, 3, 2));
        String scores = graph.node(s, "MatMul", List.of(qkvParts.get(0), kT));
        scores = graph.node(s, "Mul", List.of(scores, graph.constant(s, OnnxTensorData.scalar((float) Math.pow(keyDim, -0.5)))));
        float[] biases = emit.weights().floats(t + ".attention_biases", heads, (long) grid * grid);
        String biasTable = graph.initializer(OnnxTensorData.floats(t + ".attention_biases", biases, heads, (long) grid * grid));
        String biasIdx = graph.initializer(OnnxTensorData.longs(t + ".attention_bias_idxs",
                AttentionBiasIndices.forModule(emit.weights().file(), t, grid), (long) grid * grid, (long) grid * grid));
        scores = graph.node(s, "Add", List.of(scores, graph.node(s, "Gather", List.of(biasTable, biasIdx), OnnxAttribute.of("axis", 1L))));
        String probs = graph.node(s, "Softmax", List.of(scores), OnnxAttribute.of("axis", -1L));
        String o = graph.node(s, "MatMul", List.of(probs, qkvParts.get(2)));
        o = graph.node(s, "Transpose", List.of(o), OnnxAttribute.ints("perm", 0, 2, 1, 3));
        String merged = graph.node(s, "Concat", List.of(unsqueeze0(s, batch), unsqueeze0(s, tokens),
                graph.constant(s, OnnxTensorData.vector((long) heads * valDim))), OnnxAttribute.of("axis", 0L));
        o = graph.node(s, "Reshape", List.of(o, merged), OnnxAttribute.of("allowzero", 0L));
        return emit.linear(o, t + ".proj", heads * valDim, c);
    }

    private String unsqueeze0(String scope, String scalar) {
        return graph.node(scope, "Unsqueeze", List.of(scalar, graph.constant(scope, OnnxTensorData.vector(0))));
    }

    /** Final LayerNorm, mean over tokens, then head (and distillation head, averaged). */
    private void head(String x) {
        int c = spec.numFeatures();
        x = emit.layerNorm(x, "norm", c);
        String pooled = graph.node("", "ReduceMean", List.of(x), OnnxAttribute.ints("axes", 1), OnnxAttribute.of("keepdims", 0L));
        emit.classifierHeads(pooled, c, spec.numClasses(), spec.distilled(), OUTPUT);
    }

    /** Op type counts of a graph, sorted by name. */
    public static Map<String, Integer> opCounts(OnnxGraph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        graph.nodes().forEach(n -> counts.merge(n.opType(), 1, Integer::sum));
        return counts;
    }

    /**
     * {@code <variant|checkpoint> <out.onnx> [seed]}: exports a zoo variant's seeded random
     * weights ({@code efficientformer_l1}, {@code _l3}, {@code _l7}, {@code efficientformerv2_s0},
     * {@code _s1}, {@code _s2}, {@code _l}) or a checkpoint file.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EfficientFormerOnnxExport <zoo variant, e.g. efficientformer_l3 or efficientformerv2_s1|checkpoint-file>"
                    + " <out.onnx> [seed, default " + DEFAULT_SEED + "]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        try (WeightFile weights = Files.isRegularFile(source) ? CheckpointFormat.open(source) : RandomWeights.of(args[0], seed)) {
            OnnxGraph graph = graph(weights);
            OnnxModelWriter.write(graph, out);
            System.out.println(out + ": " + Files.size(out) + " bytes, " + graph.nodes().size() + " nodes " + opCounts(graph));
        } catch (EfficientFormerException | IOException e) {
            // CheckpointException is an EfficientFormerException: one line saying what is wrong.
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
