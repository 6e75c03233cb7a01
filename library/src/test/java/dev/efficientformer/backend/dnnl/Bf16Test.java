package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fp32 to bfloat16 pair {@code (hi, lo)} and the vectorised split that writes {@code [hi | lo | hi]} rows. */
class Bf16Test {

    @Test
    void hiRoundsToNearestEven() {
        // 1 + 2^-8 lies halfway between bf16 neighbours 1 and 1 + 2^-7: ties go to the even one (1).
        assertEquals(1f, Bf16.value(Bf16.hi(1f + 0x1p-8f)));
        // 1 + 3 * 2^-8 lies halfway between 1 + 2^-7 and 1 + 2^-6: the even one is 1 + 2^-6.
        assertEquals(1f + 0x1p-6f, Bf16.value(Bf16.hi(1f + 3 * 0x1p-8f)));
        assertEquals(1f + 0x1p-7f, Bf16.value(Bf16.hi(1f + 0x1p-7f + 0x1p-12f)));
        assertEquals(-2f, Bf16.value(Bf16.hi(-2f)));
    }

    @Test
    void hiPlusLoCarriesAbout16Bits() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-20, 20)));
            float pair = Bf16.value(Bf16.hi(x)) + Bf16.value(Bf16.lo(x));
            assertTrue(Math.abs((double) pair - x) <= 0x1p-16 * Math.abs(x), x + " -> " + pair);
        }
    }

    @Test
    void nonFiniteValuesStayNonFinite() {
        assertTrue(Float.isNaN(Bf16.value(Bf16.hi(Float.NaN))));
        // A NaN whose payload sits only in the low 16 bits must not round to infinity.
        assertTrue(Float.isNaN(Bf16.value(Bf16.hi(Float.intBitsToFloat(0x7F800001)))));
        assertEquals(Float.POSITIVE_INFINITY, Bf16.value(Bf16.hi(Float.POSITIVE_INFINITY)));
        assertEquals(0f, Bf16.value(Bf16.lo(Float.POSITIVE_INFINITY)));
        assertEquals(Float.NEGATIVE_INFINITY, Bf16.value(Bf16.hi(-Float.MAX_VALUE)), "beyond bf16's largest finite value");
        assertEquals(0f, Bf16.value(Bf16.lo(-Float.MAX_VALUE)));
    }

    /** Widths around the vector length, so that the scalar tail is exercised too. */
    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {1, 7, 16, 17, 48, 63, 448})
    void vectorSplitMatchesTheScalarPair(int channels) {
        int rows = 5;
        SplittableRandom r = new SplittableRandom(channels);
        float[] specials = {Float.NaN, Float.intBitsToFloat(0x7F800001), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            -0f, Float.MIN_VALUE, Float.MAX_VALUE, 1f + 0x1p-8f};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate((long) rows * channels * Float.BYTES);
            MemorySegment dst = arena.allocate((long) rows * 3 * channels * Short.BYTES);
            for (int i = 0; i < rows * channels; i++) {
                float v = i % 11 == 3 ? specials[(i / 11) % specials.length] : (float) (r.nextGaussian() * 30);
                src.setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
            }
            Bf16x3Split.run(src, dst, rows, channels);
            for (int row = 0; row < rows; row++) {
                for (int c = 0; c < channels; c++) {
                    float x = src.getAtIndex(ValueLayout.JAVA_FLOAT, (long) row * channels + c);
                    long base = (long) row * 3 * channels + c;
                    String at = "row " + row + " channel " + c + " (" + x + ")";
                    assertEquals(Bf16.hi(x), dst.getAtIndex(ValueLayout.JAVA_SHORT, base), "hi of " + at);
                    assertEquals(Bf16.lo(x), dst.getAtIndex(ValueLayout.JAVA_SHORT, base + channels), "lo of " + at);
                    assertEquals(Bf16.hi(x), dst.getAtIndex(ValueLayout.JAVA_SHORT, base + 2L * channels), "second hi of " + at);
                }
            }
        }
    }

    @Test
    void splitRefusesRowsBeyondItsSegments() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate(16 * Float.BYTES);
            MemorySegment dst = arena.allocate(3 * 16 * Short.BYTES);
            assertThrows(IndexOutOfBoundsException.class, () -> Bf16x3Split.run(src, dst, 2, 16));
        }
    }
}
