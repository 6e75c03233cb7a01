package dev.efficientformer.benchmarks.onnx;

import java.util.List;

/**
 * One ONNX {@code NodeProto}: an operator of the default domain with named inputs and outputs.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the node's name (torch style: {@code /module/path/OpType_k})
 * @param opType the operator, e.g. {@code Conv}
 * @param inputs names of the values it reads, in order
 * @param outputs names of the values it writes, in order
 * @param attributes its attributes, in the order they are written
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
    // NodeProto field numbers (onnx.proto).
    private static final int INPUT = 1;
    private static final int OUTPUT = 2;
    private static final int NAME = 3;
    private static final int OP_TYPE = 4;
    private static final int ATTRIBUTE = 5;

    /** Copies the lists. */
    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }

    /** The {@code NodeProto} message. */
    public ProtobufWriter encode() {
        ProtobufWriter w = new ProtobufWriter();
        for (String in : inputs) {
            w.stringField(INPUT, in);
        }
        for (String out : outputs) {
            w.stringField(OUTPUT, out);
        }
        w.stringField(NAME, name).stringField(OP_TYPE, opType);
        for (OnnxAttribute a : attributes) {
            w.messageField(ATTRIBUTE, a.encode());
        }
        return w;
    }
}
