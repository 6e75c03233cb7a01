package dev.efficientformer.backend.java;

/**
 * The constants of the vector tier's {@code exp}, written out inline where it is needed (GELU's
 * erfc, the attention softmax) because a vector handed to a method that is not inlined is boxed.
 *
 * <p>Cephes' {@code expf}: {@code x = n ln 2 + r} with {@code |r| <= ln2 / 2} ({@code n} rounded
 * with the 1.5 * 2^23 trick, {@code ln 2} split in two for an exact reduction), a degree-7
 * polynomial for {@code e^r} (1 ulp), and {@code 2^n} built from the exponent bits. Valid for
 * {@code -87 <= x <= 0}, the only range the callers produce (they clamp). Unlike the Vector API's
 * {@code EXP}, which is an intrinsic only where the JDK ships a vector math library and differs
 * from its own fallback in the last bit, this is plain arithmetic: the same bits in every
 * compilation tier and on every platform.
 */
final class VectorExp {
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
    static final float ROUND = 12582912f;
    static final float MINUS_LN2_HI = -0.693359375f;
    static final float MINUS_LN2_LO = 2.12194440e-4f;
    static final float P0 = 1.9875691500E-4f;
    static final float P1 = 1.3981999507E-3f;
    static final float P2 = 8.3334519073E-3f;
    static final float P3 = 4.1665795894E-2f;
    static final float P4 = 1.6666665459E-1f;
    static final float P5 = 5.0000001201E-1f;
    /**
     * What turns {@code bits(ROUND + n) << 23} into the bits of {@code 2^n}: the low 9 bits of
     * {@code bits(ROUND)} (0x400000) shifted out, leaving {@code n << 23}; plus the bias 127.
     */
    static final int EXPONENT_OFFSET = 127 << 23;

    private VectorExp() {
    }
}
