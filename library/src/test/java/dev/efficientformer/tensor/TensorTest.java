package dev.efficientformer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void copiesFloatsInAndOut() {
        try (Arena arena = Arena.ofConfined()) {
            float[] data = {1f, -2f, 3.5f, 4f, 5f, 6f};
            Tensor t = Tensor.fromFloats(arena, data, 2, 3);
            data[0] = 99f;
            assertEquals(Shape.of(2L, 3L), t.shape());
            assertEquals(DType.F32, t.dtype());
            assertEquals(Layout.ROW_MAJOR, t.layout());
            assertEquals(24, t.byteSize());
            assertArrayEquals(new float[] {1f, -2f, 3.5f, 4f, 5f, 6f}, t.toFloatArray());
            assertEquals(3.5f, t.reshape(3, 2).getFloat(2));
            assertEquals(0, t.segment().address() % 64, "allocations are 64-byte aligned");
        }
    }

    @Test
    void rejectsDataThatDoesNotFillTheShape() {
        try (Arena arena = Arena.ofConfined()) {
            EfficientFormerException e = assertThrows(EfficientFormerException.class,
                    () -> Tensor.fromFloats(arena, new float[5], 2, 3));
            assertTrue(e.getMessage().contains("float[5] does not fill shape [2, 3]"), e.getMessage());
            assertThrows(EfficientFormerException.class, () -> Tensor.allocateF32(arena, 2, -1));
            assertThrows(EfficientFormerException.class, () -> Tensor.allocateF32(arena, Long.MAX_VALUE, 4));
            assertThrows(EfficientFormerException.class, () -> Tensor.fromFloats(arena, new float[6], 2, 3).reshape(4, 2));
        }
    }

    @Test
    void wrapsCallerMemoryWithoutCopying() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(16);
            Tensor t = Tensor.wrap(seg, DType.F32, 4);
            seg.setAtIndex(ValueLayout.JAVA_FLOAT, 2, 7f);
            assertEquals(7f, t.getFloat(2));
            assertSame(seg, t.segment());
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> Tensor.wrap(seg, DType.F32, 5));
            assertTrue(e.getMessage().contains("16 bytes cannot hold shape [5]"), e.getMessage());
        }
    }

    @Test
    void readsByteBuffersInTheirOwnByteOrder() {
        try (Arena arena = Arena.ofConfined()) {
            ByteBuffer big = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-3f).flip();
            assertArrayEquals(new float[] {1.5f, -3f}, Tensor.fromByteBuffer(arena, big, DType.F32, 2).toFloatArray());
            assertEquals(0, big.position(), "position unchanged");
            ByteBuffer little = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-42L).flip();
            assertEquals(-42L, Tensor.fromByteBuffer(arena, little, DType.I64).getLong(0), "rank-0 I64");
            assertThrows(EfficientFormerException.class, () -> Tensor.fromByteBuffer(arena, little, DType.F32, 3));
        }
    }

    @Test
    void widensHalfPrecisionExactly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(4);
            seg.set(ValueLayout.JAVA_SHORT, 0, Float.floatToFloat16(-2.25f));
            seg.set(ValueLayout.JAVA_SHORT, 2, (short) (Float.floatToRawIntBits(3.140625f) >>> 16));
            assertEquals(-2.25f, Tensor.wrap(seg.asSlice(0, 2), DType.F16).getFloat(0));
            assertEquals(3.140625f, Tensor.wrap(seg.asSlice(2, 2), DType.BF16).getFloat(0));
        }
    }

    @Test
    void refusesUseAfterTheArenaCloses() {
        Arena arena = Arena.ofConfined();
        Tensor t = Tensor.allocateF32(arena, 4);
        arena.close();
        assertThrows(IllegalStateException.class, () -> t.getFloat(0));
        assertThrows(IllegalStateException.class, t::toFloatArray);
    }

    @Test
    void refusesElementAccessInBlockedLayouts() {
        try (Arena arena = Arena.ofConfined()) {
            Tensor t = Tensor.allocate(arena, DType.F32, Layout.BACKEND_BLOCKED, Shape.of(1L, 8L, 2L, 2L));
            EfficientFormerException e = assertThrows(EfficientFormerException.class, t::toFloatArray);
            assertTrue(e.getMessage().contains("blocked layout"), e.getMessage());
        }
    }
}
