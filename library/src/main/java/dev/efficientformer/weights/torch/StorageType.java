package dev.efficientformer.weights.torch;

import dev.efficientformer.tensor.DType;
import java.util.Optional;

/**
 * The storage classes a PyTorch pickle names in a tensor's persistent id ({@code torch.FloatStorage},
 * ...): they carry the tensor's element type.
 *
 * <p>Only the four with a {@link DType} can be read. The others are known here so that a
 * checkpoint holding, say, a float64 tensor is refused with the dtype's name instead of as an
 * unknown global; they are inert markers either way, never instantiated or called.
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum StorageType {
    /** {@code torch.FloatStorage}: float32. */
    FLOAT("FloatStorage", "float32", DType.F32),
    /** {@code torch.HalfStorage}: float16. */
    HALF("HalfStorage", "float16", DType.F16),
    /** {@code torch.BFloat16Storage}: bfloat16. */
    BFLOAT16("BFloat16Storage", "bfloat16", DType.BF16),
    /** {@code torch.LongStorage}: int64. */
    LONG("LongStorage", "int64", DType.I64),
    /** {@code torch.DoubleStorage}: float64, not supported. */
    DOUBLE("DoubleStorage", "float64", null),
    /** {@code torch.IntStorage}: int32, not supported. */
    INT("IntStorage", "int32", null),
    /** {@code torch.ShortStorage}: int16, not supported. */
    SHORT("ShortStorage", "int16", null),
    /** {@code torch.CharStorage}: int8, not supported. */
    CHAR("CharStorage", "int8", null),
    /** {@code torch.ByteStorage}: uint8, not supported. */
    BYTE("ByteStorage", "uint8", null),
    /** {@code torch.BoolStorage}: bool, not supported. */
    BOOL("BoolStorage", "bool", null),
    /** {@code torch.ComplexFloatStorage}: complex64, not supported. */
    COMPLEX_FLOAT("ComplexFloatStorage", "complex64", null),
    /** {@code torch.ComplexDoubleStorage}: complex128, not supported. */
    COMPLEX_DOUBLE("ComplexDoubleStorage", "complex128", null);

    private final String className;
    private final String torchDtype;
    private final DType dtype;

    StorageType(String className, String torchDtype, DType dtype) {
        this.className = className;
        this.torchDtype = torchDtype;
        this.dtype = dtype;
    }

    /** The class name in module {@code torch}, e.g. {@code "FloatStorage"}. */
    public String className() {
        return className;
    }

    /** PyTorch's name of the element type, e.g. {@code "float32"}. */
    public String torchDtype() {
        return torchDtype;
    }

    /** The element type, when this library reads it. */
    public Optional<DType> dtype() {
        return Optional.ofNullable(dtype);
    }

    /** The storage class {@code torch.<name>}, if {@code name} is one. */
    public static Optional<StorageType> forClassName(String name) {
        for (StorageType t : values()) {
            if (t.className.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "torch." + className + " (" + torchDtype + ")";
    }
}
