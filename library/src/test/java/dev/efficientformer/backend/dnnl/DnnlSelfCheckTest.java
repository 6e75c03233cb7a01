package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.BackendSelector;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.Platform;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The known-answer check that decides whether oneDNN is trusted on a CPU. It passes where oneDNN is
 * right: here, and in the emulated aarch64 run under every CPU it is run under, except where
 * native/test-aarch64.sh sets {@value #EXPECT_REFUSED} because oneDNN is known to be wrong there
 * (SVE vectors of 2048 bits, and of 512 bits where {@code /sys} reports no CPU caches): then the
 * check must fail, the dnnl backend must refuse to compile, and {@code auto} must choose another
 * backend. Its comparison refuses a result off by more than the gate, or NaN.
 */
@Tag("aarch64-emulated")
class DnnlSelfCheckTest {
    static final String EXPECT_REFUSED = "EFFICIENTFORMER_TEST_EXPECT_DNNL_REFUSED";

    @Test
    void oneDnnIsTrustedExactlyWhereItComputesRight() {
        assumeTrue(DnnlLibrary.isAvailable(), "oneDNN is not available here");
        Optional<String> failure = DnnlSelfCheck.run();
        String cpu = "QEMU_CPU=" + System.getenv("QEMU_CPU");
        if (!"1".equals(System.getenv(EXPECT_REFUSED))) {
            assertEquals(Optional.empty(), failure, cpu);
            return;
        }
        System.out.println("expected refusal on " + cpu + ": " + failure.orElse("(none)"));
        assertTrue(failure.isPresent(), "oneDNN passed the check where it is known to compute wrongly, " + cpu);
        assumeTrue(Platform.current().equals(AclLibrary.PLATFORM), "the backend only refuses on linux-arm64");
        DnnlBackend dnnl = new DnnlBackend();
        assertFalse(dnnl.isAvailable(), cpu);
        assertTrue(dnnl.unavailableReason().contains("cannot be trusted"), dnnl.unavailableReason());
        assertThrows(EfficientFormerException.class, () -> BackendSelector.select("dnnl"));
        assertTrue(!BackendSelector.select("auto").name().equals(DnnlBackend.NAME), "auto chose dnnl on " + cpu);
    }

    @Test
    void comparisonRefusesAResultOutsideTheGate() {
        float[] expected = {3f, -2f, 0.5f};
        assertEquals(Optional.empty(), DnnlSelfCheck.compare(expected, new float[] {3.0002f, -2f, 0.5f}));
        Optional<String> off = DnnlSelfCheck.compare(expected, new float[] {3f, -2f, 0.5004f});
        assertTrue(off.isPresent() && off.get().contains("at element 2") && off.get().contains("cannot be trusted"), off::toString);
        assertTrue(DnnlSelfCheck.compare(expected, new float[] {3f, Float.NaN, 0.5f}).isPresent(), "NaN");
        assertTrue(DnnlSelfCheck.compare(expected, new float[] {Float.NaN, 5f, 0.5f}).get().contains("at element 0"), "NaN first");
    }
}
