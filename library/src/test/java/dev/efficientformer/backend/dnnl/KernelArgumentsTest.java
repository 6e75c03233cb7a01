package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** What the own kernels' steps refuse before any pointer reaches native code (no native library needed). */
class KernelArgumentsTest {
    @Test
    void sizesLayoutsAndOverflowsAreChecked() {
        assertEquals(2L * 32 * 7 * 9 * Float.BYTES, KernelArguments.mapBytes("test", 2, 32, 7, 9, 16));
        assertEquals(40L * 3 * Float.BYTES, KernelArguments.mapBytes("test", 1, 40, 1, 3, 40));
        assertThrows(IllegalStateException.class, () -> KernelArguments.mapBytes("test", 1, 24, 7, 7, 16));
        assertThrows(IllegalStateException.class, () -> KernelArguments.mapBytes("test", 1, 32, 7, 7, 8));
        assertThrows(IllegalStateException.class, () -> KernelArguments.mapBytes("test", 0, 16, 7, 7, 16));
        assertThrows(IllegalStateException.class, () -> KernelArguments.mapBytes("test", 1, 16, 7, 0));
        assertThrows(ArithmeticException.class, () -> KernelArguments.mapBytes("test", 1L << 40, 1L << 30, 1, 1));
    }

    @Test
    void smallOrOverlappingBuffersAreRefusedNamingTheKernel() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(1024, 64);
            MemorySegment b = arena.allocate(1024, 64);
            KernelArguments.requireMaps("test", a, 1024, b, 1024);
            IllegalStateException small = assertThrows(IllegalStateException.class, () -> KernelArguments.requireMaps("pool mixer", a, 1028, b, 1024));
            assertTrue(small.getMessage().contains("pool mixer") && small.getMessage().contains("input"), small.getMessage());
            assertThrows(IllegalStateException.class, () -> KernelArguments.requireMaps("test", a, 1024, b, 2048));
            IllegalStateException overlap = assertThrows(IllegalStateException.class,
                    () -> KernelArguments.requireMaps("test", a.asSlice(0, 512), 512, a.asSlice(256, 512), 512));
            assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
            KernelArguments.requireMaps("test", a.asSlice(0, 512), 512, a.asSlice(512, 512), 512);
        }
    }
}
