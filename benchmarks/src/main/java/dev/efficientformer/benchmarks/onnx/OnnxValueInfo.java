package dev.efficientformer.benchmarks.onnx;

import java.util.List;

/**
 * One ONNX {@code ValueInfoProto}: a graph input or output, a float tensor whose dimensions are
 * fixed sizes ({@link Long}) or symbolic names ({@link String}, e.g. {@code "batch"}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the value's name
 * @param dims each dimension, a {@link Long} size or a {@link String} parameter
 */
public record OnnxValueInfo(String name, List<Object> dims) {
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension) field numbers.
    private static final int NAME = 1;
    private static final int TYPE = 2;
    private static final int TENSOR_TYPE = 1;
    private static final int ELEM_TYPE = 1;
    private static final int SHAPE = 2;
    private static final int DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    /** Checks the dimensions' kinds and copies them. */
    public OnnxValueInfo {
        for (Object d : dims) {
            if (!(d instanceof Long) && !(d instanceof String)) {
                throw new IllegalArgumentException(name + ": a dimension is a Long size or a String parameter, not " + d);
            }
        }
        dims = List.copyOf(dims);
    }

    /** A float32 tensor value of these dimensions. */
    public static OnnxValueInfo floatTensor(String name, Object... dims) {
        return new OnnxValueInfo(name, List.of(dims));
    }

    /** The {@code ValueInfoProto} message (element type float). */
    public ProtobufWriter encode() {
        ProtobufWriter shape = new ProtobufWriter();
        for (Object d : dims) {
            ProtobufWriter dim = new ProtobufWriter();
            if (d instanceof Long size) {
                dim.varintField(DIM_VALUE, size);
            } else {
                dim.stringField(DIM_PARAM, (String) d);
            }
            shape.messageField(DIM, dim);
        }
        ProtobufWriter tensor = new ProtobufWriter().varintField(ELEM_TYPE, OnnxTensorData.FLOAT).messageField(SHAPE, shape);
        ProtobufWriter type = new ProtobufWriter().messageField(TENSOR_TYPE, tensor);
        return new ProtobufWriter().stringField(NAME, name).messageField(TYPE, type);
    }
}
