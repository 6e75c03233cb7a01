package dev.efficientformer.benchmarks.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an ONNX {@code GraphProto}: inputs, outputs, initializers and nodes in execution order,
 * named the way torch.onnx.export names them (node {@code /stem/conv1/Conv}, its output
 * {@code /stem/conv1/Conv_output_0}, a second node of the same kind in the same module
 * {@code ..._1}; transformed weights {@code onnx::Conv_7}), so a file written here reads like the
 * exporter's own.
 *
 * <p>Thread-safety: not thread-safe.
 */
public final class OnnxGraph {
    // GraphProto field numbers (onnx.proto).
    private static final int NODE = 1;
    private static final int NAME = 2;
    private static final int INITIALIZER = 5;
    private static final int INPUT = 11;
    private static final int OUTPUT = 12;

    private final String name;
    private final List<OnnxValueInfo> inputs = new ArrayList<>();
    private final List<OnnxValueInfo> outputs = new ArrayList<>();
    private final Map<String, OnnxTensorData> initializers = new LinkedHashMap<>();
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, Integer> nodeNameCounts = new HashMap<>();
    private int generatedInitializers;

    /** An empty graph called {@code name}. */
    public OnnxGraph(String name) {
        this.name = name;
    }

    /** Declares a graph input. */
    public String input(OnnxValueInfo value) {
        inputs.add(value);
        return value.name();
    }

    /** Declares a graph output (a value some node writes). */
    public void output(OnnxValueInfo value) {
        outputs.add(value);
    }

    /**
     * Adds an initializer under its own name (torch keeps a parameter's state-dict name when the
     * graph uses it unchanged).
     *
     * @return its name
     */
    public String initializer(OnnxTensorData tensor) {
        if (initializers.putIfAbsent(tensor.name(), tensor) != null) {
            throw new IllegalArgumentException("initializer " + tensor.name() + " added twice");
        }
        return tensor.name();
    }

    /**
     * Adds a weight the export transformed (folded, transposed, reshaped) under a generated name,
     * {@code onnx::<consumer>_<n>}, as torch names constant-folded tensors.
     *
     * @return its name
     */
    public String generatedInitializer(String consumerOp, float[] values, long... dims) {
        return initializer(OnnxTensorData.floats("onnx::" + consumerOp + "_" + generatedInitializers++, values, dims));
    }

    /** Adds a node with one output; returns the output's name. */
    public String node(String scope, String opType, List<String> in, OnnxAttribute... attributes) {
        return node(scope, opType, in, 1, attributes).getFirst();
    }

    /** Adds a node with {@code outputCount} outputs; returns their names. */
    public List<String> node(String scope, String opType, List<String> in, int outputCount, OnnxAttribute... attributes) {
        String nodeName = nodeName(scope, opType);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            out.add(nodeName + "_output_" + i);
        }
        nodes.add(new OnnxNode(nodeName, opType, in, out, List.of(attributes)));
        return out;
    }

    /** Adds a node whose single output gets a chosen name (the graph's output). */
    public String namedNode(String scope, String opType, List<String> in, String output, OnnxAttribute... attributes) {
        nodes.add(new OnnxNode(nodeName(scope, opType), opType, in, List.of(output), List.of(attributes)));
        return output;
    }

    /** Adds a {@code Constant} node holding {@code value}; returns its output's name. */
    public String constant(String scope, OnnxTensorData value) {
        return node(scope, "Constant", List.of(), OnnxAttribute.of("value", value));
    }

    /** The nodes so far, in order. */
    public List<OnnxNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The initializers so far, in order. */
    public List<OnnxTensorData> initializers() {
        return List.copyOf(initializers.values());
    }

    /**
     * The {@code GraphProto} message.
     *
     * @throws IllegalStateException when a node reads a value nothing defines before it, or an
     *     output is never written: the graph would not load
     */
    public ProtobufWriter encode() {
        checkDataFlow();
        ProtobufWriter w = new ProtobufWriter();
        for (OnnxNode n : nodes) {
            w.messageField(NODE, n.encode());
        }
        w.stringField(NAME, name);
        for (OnnxTensorData t : initializers.values()) {
            w.messageField(INITIALIZER, t.encode());
        }
        for (OnnxValueInfo v : inputs) {
            w.messageField(INPUT, v.encode());
        }
        for (OnnxValueInfo v : outputs) {
            w.messageField(OUTPUT, v.encode());
        }
        return w;
    }

    private String nodeName(String scope, String opType) {
        String base = scope + "/" + opType;
        int k = nodeNameCounts.merge(base, 1, Integer::sum) - 1;
        return k == 0 ? base : base + "_" + k;
    }

    private void checkDataFlow() {
        Set<String> defined = new HashSet<>(initializers.keySet());
        inputs.forEach(v -> defined.add(v.name()));
        for (OnnxNode n : nodes) {
            for (String in : n.inputs()) {
                // An empty name is an optional input left out (Resize's roi), not a value.
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new IllegalStateException("node " + n.name() + " reads " + in + ", which nothing defines before it");
                }
            }
            for (String out : n.outputs()) {
                if (!defined.add(out)) {
                    throw new IllegalStateException("node " + n.name() + " writes " + out + ", which is already defined");
                }
            }
        }
        for (OnnxValueInfo v : outputs) {
            if (!defined.contains(v.name())) {
                throw new IllegalStateException("graph output " + v.name() + " is written by no node");
            }
        }
    }

    @Override
    public String toString() {
        return "OnnxGraph[" + name + ": " + nodes.size() + " nodes, " + initializers.size() + " initializers, inputs "
                + Arrays.toString(inputs.stream().map(OnnxValueInfo::name).toArray()) + "]";
    }
}
