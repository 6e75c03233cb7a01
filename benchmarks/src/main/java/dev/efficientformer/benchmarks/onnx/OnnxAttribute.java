package dev.efficientformer.benchmarks.onnx;

/**
 * One ONNX {@code AttributeProto} of a node: an int, a float, a string, a list of ints or a tensor
 * (the kinds EfficientFormer's graphs use).
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface OnnxAttribute {
    // AttributeProto field numbers and AttributeType values (onnx.proto).
    int NAME = 1;
    int F = 2;
    int I = 3;
    int S = 4;
    int T = 5;
    int INTS = 8;
    int TYPE = 20;
    int TYPE_FLOAT = 1;
    int TYPE_INT = 2;
    int TYPE_STRING = 3;
    int TYPE_TENSOR = 4;
    int TYPE_INTS = 7;

    /** The attribute's name. */
    String name();

    /** The {@code AttributeProto} message: name, value, type (torch.onnx.export's field order). */
    ProtobufWriter encode();

    /** An {@code INT} attribute. */
    static OnnxAttribute of(String name, long value) {
        return new Int(name, value);
    }

    /** A {@code FLOAT} attribute. */
    static OnnxAttribute of(String name, float value) {
        return new FloatValue(name, value);
    }

    /** A {@code STRING} attribute (UTF-8). */
    static OnnxAttribute of(String name, String value) {
        return new Text(name, value);
    }

    /** An {@code INTS} attribute. */
    static OnnxAttribute ints(String name, long... values) {
        return new Ints(name, values.clone());
    }

    /** A {@code TENSOR} attribute (a {@code Constant} node's {@code value}). */
    static OnnxAttribute of(String name, OnnxTensorData value) {
        return new Tensor(name, value);
    }

    /** An {@code INT} attribute. */
    record Int(String name, long value) implements OnnxAttribute {
        @Override
        public ProtobufWriter encode() {
            return new ProtobufWriter().stringField(NAME, name).varintField(I, value).varintField(TYPE, TYPE_INT);
        }
    }

    /** A {@code FLOAT} attribute. */
    record FloatValue(String name, float value) implements OnnxAttribute {
        @Override
        public ProtobufWriter encode() {
            return new ProtobufWriter().stringField(NAME, name).floatField(F, value).varintField(TYPE, TYPE_FLOAT);
        }
    }

    /** A {@code STRING} attribute. */
    record Text(String name, String value) implements OnnxAttribute {
        @Override
        public ProtobufWriter encode() {
            return new ProtobufWriter().stringField(NAME, name).stringField(S, value).varintField(TYPE, TYPE_STRING);
        }
    }

    /** An {@code INTS} attribute, written unpacked. */
    record Ints(String name, long[] values) implements OnnxAttribute {
        @Override
        public ProtobufWriter encode() {
            ProtobufWriter w = new ProtobufWriter().stringField(NAME, name);
            for (long v : values) {
                w.varintField(INTS, v);
            }
            return w.varintField(TYPE, TYPE_INTS);
        }
    }

    /** A {@code TENSOR} attribute. */
    record Tensor(String name, OnnxTensorData value) implements OnnxAttribute {
        @Override
        public ProtobufWriter encode() {
            return new ProtobufWriter().stringField(NAME, name).messageField(T, value.encode()).varintField(TYPE, TYPE_TENSOR);
        }
    }
}
