package dev.efficientformer.benchmarks.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One ONNX {@code TensorProto}: a name, an element type, dims and the values as little-endian
 * {@code raw_data} (the form torch.onnx.export writes initializers and constants in).
 *
 * <p>Thread-safety: immutable by convention (the arrays are not copied: do not change them).
 *
 * @param name the tensor's name (empty for the value of a {@code Constant} node)
 * @param dataType {@link #FLOAT} or {@link #INT64}
 * @param dims the shape ({@code []} for a scalar)
 * @param raw the values, little-endian
 */
public record OnnxTensorData(String name, int dataType, long[] dims, byte[] raw) {
    /** {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    /** {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = 7;

    // TensorProto field numbers (onnx.proto).
    private static final int DIMS = 1;
    private static final int DATA_TYPE = 2;
    private static final int NAME = 8;
    private static final int RAW_DATA = 9;

    /** Checks that the values fill the shape. */
    public OnnxTensorData {
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + ": negative dimension in " + Arrays.toString(dims));
            }
            count *= d;
        }
        int width = switch (dataType) {
            case FLOAT -> Float.BYTES;
            case INT64 -> Long.BYTES;
            default -> throw new IllegalArgumentException("tensor " + name + ": unsupported ONNX data type " + dataType);
        };
        if (raw.length != count * width) {
            throw new IllegalArgumentException("tensor " + name + ": " + raw.length + " bytes do not fill shape " + Arrays.toString(dims));
        }
    }

    /** A float tensor. */
    public static OnnxTensorData floats(String name, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new OnnxTensorData(name, FLOAT, dims, b.array());
    }

    /** An int64 tensor. */
    public static OnnxTensorData longs(String name, long[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new OnnxTensorData(name, INT64, dims, b.array());
    }

    /** A float scalar (shape {@code []}), as the value of a {@code Constant} node. */
    public static OnnxTensorData scalar(float value) {
        return floats("", new float[] {value});
    }

    /** An int64 scalar (shape {@code []}), as the value of a {@code Constant} node. */
    public static OnnxTensorData scalar(long value) {
        return longs("", new long[] {value});
    }

    /** A 1-D int64 vector, as the value of a {@code Constant} node (shapes, split sizes, axes). */
    public static OnnxTensorData vector(long... values) {
        return longs("", values, values.length);
    }

    /** This tensor under another name. */
    public OnnxTensorData named(String newName) {
        return new OnnxTensorData(newName, dataType, dims, raw);
    }

    /** The {@code TensorProto} message. */
    public ProtobufWriter encode() {
        ProtobufWriter w = new ProtobufWriter();
        for (long d : dims) {
            w.varintField(DIMS, d);
        }
        w.varintField(DATA_TYPE, dataType);
        if (!name.isEmpty()) {
            w.stringField(NAME, name);
        }
        return w.bytesField(RAW_DATA, raw);
    }
}
