package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The benchmarks' GEMM yardstick: sizes checked before native code, a closed one refused. */
class DnnlReferenceMatmulTest {

    @Test
    void runsAndCountsItsWork() {
        try (DnnlReferenceMatmul mm = DnnlReferenceMatmul.create(64, 32, 48, 1)) {
            assertEquals(2L * 64 * 32 * 48, mm.flops());
            mm.run();
            mm.run();
            assertFalse(mm.implementation().isBlank());
        }
    }

    @Test
    void badSizesAreRefusedInJava() {
        assertThrows(IllegalArgumentException.class, () -> DnnlReferenceMatmul.create(0, 8, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> DnnlReferenceMatmul.create(8, 8, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> DnnlReferenceMatmul.create(65536, 65536, 8, 1));
    }

    @Test
    void closedIsRefusedAndCloseIsIdempotent() {
        DnnlReferenceMatmul mm = DnnlReferenceMatmul.create(16, 16, 16, 1);
        mm.close();
        mm.close();
        assertThrows(IllegalStateException.class, mm::run);
        assertThrows(IllegalStateException.class, mm::implementation);
    }
}
