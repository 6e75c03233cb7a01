package dev.efficientformer.tensor;

import dev.efficientformer.EfficientFormerException;

/**
 * Element types a {@link Tensor} can hold: the ones real EfficientFormer checkpoints contain.
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum DType {
    /** IEEE 754 binary32. */
    F32(4, "F32"),
    /** IEEE 754 binary16. */
    F16(2, "F16"),
    /** bfloat16: the upper half of a binary32. */
    BF16(2, "BF16"),
    /** Two's-complement 64-bit integer (BatchNorm's {@code num_batches_tracked}, V1's attention bias indices). */
    I64(8, "I64");

    private final int byteSize;
    private final String safetensorsName;

    DType(int byteSize, String safetensorsName) {
        this.byteSize = byteSize;
        this.safetensorsName = safetensorsName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The dtype's name in a safetensors header ({@code "F32"}, ...). */
    public String safetensorsName() {
        return safetensorsName;
    }

    /**
     * The dtype for a safetensors header name.
     *
     * @throws EfficientFormerException naming the dtype when this library does not read it
     */
    public static DType fromSafetensorsName(String name) {
        for (DType t : values()) {
            if (t.safetensorsName.equals(name)) {
                return t;
            }
        }
        throw new EfficientFormerException("unsupported dtype \"" + name + "\" (supported: F32, F16, BF16, I64)");
    }
}
