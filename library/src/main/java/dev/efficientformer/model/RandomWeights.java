package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.json.Json;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Layout;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.TensorInfo;
import dev.efficientformer.weights.WeightFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A checkpoint with seeded random values and the exact key list of a full-size model (bundled for
 * {@code efficientformer_l1}, {@code _l3}, {@code _l7}): for benchmarks and tests where the numbers
 * don't matter but the shapes must be the real ones. Values are scaled so that activations stay
 * in a sane range (no overflow, no denormals that would distort timings): weights ~ N(0, 1/fan_in),
 * BatchNorm variances near 1, layer scales near 1e-1.
 *
 * <p>Thread-safety: immutable after construction; safe to read from several threads.
 */
public final class RandomWeights implements WeightFile {
    private final String variant;
    private final Arena arena = Arena.ofShared();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private RandomWeights(String variant, Map<String, TensorInfo> infos, long seed) {
        this.variant = variant;
        SplittableRandom random = new SplittableRandom(seed);
        for (TensorInfo info : infos.values()) {
            Tensor t = Tensor.allocate(arena, info.dtype(), Layout.ROW_MAJOR, info.shape());
            fill(info, t, random);
            tensors.put(info.name(), t);
        }
    }

    /**
     * Random weights for a bundled variant ({@code efficientformer_l1}, {@code efficientformer_l3},
     * {@code efficientformer_l7}).
     *
     * @throws EfficientFormerException for an unknown variant
     */
    public static RandomWeights of(String variant, long seed) {
        return new RandomWeights(variant, keyList(variant), seed);
    }

    /** The timm key list of a bundled variant, with dtypes and shapes. */
    public static Map<String, TensorInfo> keyList(String variant) {
        try (InputStream in = RandomWeights.class.getResourceAsStream("keys/" + variant + ".json")) {
            if (in == null) {
                throw new EfficientFormerException("no bundled key list for \"" + variant
                        + "\" (known: efficientformer_l1, efficientformer_l3, efficientformer_l7)");
            }
            Map<String, Object> json = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> keys = (Map<String, Object>) json.get("timm_safetensors");
            Map<String, TensorInfo> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : keys.entrySet()) {
                Map<?, ?> m = (Map<?, ?>) e.getValue();
                long[] dims = ((List<?>) m.get("shape")).stream().mapToLong(o -> (Long) o).toArray();
                out.put(e.getKey(), new TensorInfo(e.getKey(), DType.fromSafetensorsName((String) m.get("dtype")), Shape.of(dims)));
            }
            return out;
        } catch (IOException e) {
            throw new EfficientFormerException("cannot read the key list of " + variant, e);
        }
    }

    private static void fill(TensorInfo info, Tensor t, SplittableRandom r) {
        String n = info.name();
        long count = t.elementCount();
        if (info.dtype() == DType.I64) {
            // num_batches_tracked stays 0; attention_bias_idxs must be the grid's, as in a real checkpoint.
            if (n.endsWith(".attention_bias_idxs") && info.shape().rank() == 2) {
                int tokens = (int) info.shape().dim(0);
                int side = (int) Math.round(Math.sqrt(tokens));
                for (int q = 0; q < tokens; q++) {
                    for (int k = 0; k < tokens; k++) {
                        t.segment().setAtIndex(ValueLayout.JAVA_LONG, (long) q * tokens + k, AttentionBias.offset(q, k, side));
                    }
                }
            }
            return;
        }
        long[] dims = info.shape().dims();
        double fanIn = dims.length >= 2 ? (double) count / dims[0] : 1;
        for (long i = 0; i < count; i++) {
            double v;
            if (n.endsWith("running_var")) {
                v = 0.5 + r.nextDouble();
            } else if (n.endsWith("running_mean") || n.endsWith(".bias") || n.endsWith("attention_biases")) {
                v = 0.1 * r.nextGaussian();
            } else if (n.endsWith(".gamma")) {
                v = 0.1 + 0.05 * r.nextGaussian();
            } else if (n.contains("norm") && n.endsWith(".weight")) {
                v = 1 + 0.1 * r.nextGaussian();
            } else {
                v = r.nextGaussian() / Math.sqrt(fanIn);
            }
            t.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        }
    }

    @Override
    public Path path() {
        return Path.of("random:" + variant);
    }

    @Override
    public String format() {
        return "random";
    }

    @Override
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    @Override
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        Tensor t = tensor(name);
        return new TensorInfo(name, t.dtype(), t.shape());
    }

    @Override
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException(path() + ": no tensor named \"" + name + "\"");
        }
        return t;
    }

    @Override
    public void close() {
        synchronized (arena) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }
}
