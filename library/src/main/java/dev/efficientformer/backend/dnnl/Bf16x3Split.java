package dev.efficientformer.backend.dnnl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The activation side of a bf16x3 product: each row of {@code C} fp32 values becomes a row of
 * {@code 3C} bfloat16 values {@code [hi | lo | hi]} (see {@link Bf16}), which a bfloat16
 * convolution or matmul whose weights are laid out {@code [whi; whi; wlo]} along the same axis
 * turns into {@code hi*whi + lo*whi + hi*wlo} in one pass.
 *
 * <p>Why Java and not oneDNN: oneDNN 3.13 has fast fp32-to-bf16 reorders, but no fast way to get
 * {@code x - bf16(x)} (its binary primitive with a bfloat16 destination is a reference kernel,
 * 60 ns per element here); one vectorised pass here costs 0.2-0.35 ns per element.
 *
 * <p>This class uses the Vector API: only load it when {@code jdk.incubator.vector} is present
 * ({@link Bf16#vectorApiPresent()} says so without loading it).
 *
 * <p>Thread-safety: stateless.
 */
final class Bf16x3Split {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS =
            VectorSpecies.of(short.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 2));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private Bf16x3Split() {
    }

    /**
     * Splits {@code rows} rows of {@code c} floats at {@code src} into {@code rows} rows of
     * {@code 3c} bfloat16 values at {@code dst}. Bounds are the segments' own (an out-of-range
     * row throws {@link IndexOutOfBoundsException}; nothing native runs here).
     */
    static void run(MemorySegment src, MemorySegment dst, long rows, int c) {
        int lanes = FLOATS.length();
        int vectorEnd = c - c % lanes;
        for (long r = 0; r < rows; r++) {
            long in = r * c * Float.BYTES;
            long out = r * 3L * c * Short.BYTES;
            long loOff = (long) c * Short.BYTES;
            long hi2Off = 2L * c * Short.BYTES;
            for (int i = 0; i < vectorEnd; i += lanes) {
                FloatVector x = FloatVector.fromMemorySegment(FLOATS, src, in + (long) i * Float.BYTES, ORDER);
                IntVector bits = x.reinterpretAsInts();
                VectorMask<Integer> nan = x.test(VectorOperators.IS_NAN).cast(bits.species());
                IntVector hiBits = bits.add(bits.lanewise(VectorOperators.LSHR, 16).and(1)).add(0x7FFF).and(0xFFFF0000)
                        .blend(Bf16.QUIET_NAN_BITS, nan);
                IntVector rest = x.sub(hiBits.reinterpretAsFloats()).reinterpretAsInts();
                VectorMask<Integer> infinite = hiBits.and(0x7FFFFFFF).compare(VectorOperators.EQ, 0x7F800000);
                IntVector loBits = rest.add(rest.lanewise(VectorOperators.LSHR, 16).and(1)).add(0x7FFF)
                        .blend(0, infinite);
                ShortVector hi = (ShortVector) hiBits.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2S, SHORTS, 0);
                ShortVector lo = (ShortVector) loBits.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2S, SHORTS, 0);
                long at = out + (long) i * Short.BYTES;
                hi.intoMemorySegment(dst, at, ORDER);
                lo.intoMemorySegment(dst, at + loOff, ORDER);
                hi.intoMemorySegment(dst, at + hi2Off, ORDER);
            }
            for (int i = vectorEnd; i < c; i++) {
                float x = src.get(ValueLayout.JAVA_FLOAT_UNALIGNED, in + (long) i * Float.BYTES);
                long at = out + (long) i * Short.BYTES;
                short hi = Bf16.hi(x);
                dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, hi);
                dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + loOff, Bf16.lo(x));
                dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + hi2Off, hi);
            }
        }
    }
}
