package dev.efficientformer.backend.dnnl;

/**
 * fp32 to bfloat16 conversions for the bf16x3 products (see
 * {@link dev.efficientformer.MatmulPrecision#HIGH}): a value {@code x} is carried as
 * {@code hi = bf16(x)} and {@code lo = bf16(x - hi)}, together about 16 significant bits.
 *
 * <p>Rounding is to nearest, ties to even, as oneDNN's own conversions round. A NaN stays a
 * (quiet) NaN; where {@code hi} is infinite ({@code x} infinite, or beyond bfloat16's largest
 * finite value) {@code lo} is 0, so that the pair still sums to {@code hi} instead of NaN.
 *
 * <p>Thread-safety: stateless.
 */
final class Bf16 {
    /** The bits of bfloat16's quiet NaN as the top half of an fp32. */
    static final int QUIET_NAN_BITS = 0x7FC00000;

    private Bf16() {
    }

    /** {@code x} rounded to bfloat16, as the fp32 with those top 16 bits. */
    static int roundBits(float x) {
        if (Float.isNaN(x)) {
            return QUIET_NAN_BITS;
        }
        int b = Float.floatToRawIntBits(x);
        return (b + 0x7FFF + ((b >>> 16) & 1)) & 0xFFFF0000;
    }

    /** The bfloat16 bits of {@code hi(x)}. */
    static short hi(float x) {
        return (short) (roundBits(x) >>> 16);
    }

    /** The bfloat16 bits of {@code lo(x) = bf16(x - hi(x))}. */
    static short lo(float x) {
        float hi = Float.intBitsToFloat(roundBits(x));
        if (Float.isInfinite(hi)) {
            return 0;
        }
        return (short) (roundBits(x - hi) >>> 16);
    }

    /** The fp32 value of bfloat16 {@code bits}. */
    static float value(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** Whether this JVM has the Vector API that {@link Bf16x3Split} needs (asked without loading it). */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
