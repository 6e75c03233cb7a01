package dev.efficientformer;

import java.util.Locale;

/**
 * How exactly the matrix products (convolutions and linear layers) are computed; names and
 * meaning follow PyTorch's {@code torch.set_float32_matmul_precision}.
 *
 * <p>Thread-safety: immutable.
 */
public enum MatmulPrecision {
    /** IEEE fp32 products and sums throughout: the default, on every backend. */
    HIGHEST,
    /**
     * Lets a backend compute a product as three bfloat16 products accumulated in fp32
     * ("bf16x3": {@code a b ~ ah bh + al bh + ah bl}, where {@code x = xh + xl} splits each fp32
     * value into two bfloat16 values, about 16 significant bits), on AMX tile units that run
     * bfloat16 many times faster than fp32. Logits stay within the library's 1e-4 gate of the
     * fp32 reference (measured 3-6e-6 of their range on L1, L3 and L7), and the top-5 classes are
     * unchanged on the reference images; intermediate maps differ by about 2e-5 of their range.
     *
     * <p>Only oneDNN on a CPU with AMX ({@code avx512_core_amx}) uses it, and only for layers
     * large enough to gain (see {@code DnnlPlanCompiler}); elsewhere this is {@link #HIGHEST}. The
     * activation split runs on the Vector API, so the JVM needs
     * {@code --add-modules jdk.incubator.vector}.
     */
    HIGH;

    /**
     * The precision named {@code name}, case-insensitive.
     *
     * @throws EfficientFormerException for any other name, listing the valid ones
     */
    public static MatmulPrecision parse(String name) {
        for (MatmulPrecision p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new EfficientFormerException("unknown matmul precision \"" + name + "\" (choose highest or high)");
    }

    /** The lower-case name, as the CLI and benchmarks spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
