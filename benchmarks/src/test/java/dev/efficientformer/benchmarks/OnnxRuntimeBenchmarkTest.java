package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's setup, which refuses to time a wrong model: L3 exported from the seeded random
 * weights agrees in ONNX Runtime with this library's dnnl backend on the same weights, and the
 * temporary export is deleted at teardown. (L7 takes the same path; it runs only in the benchmark.)
 */
class OnnxRuntimeBenchmarkTest {

    @Test
    void l3ExportAgreesWithTheDnnlBackendAndIsDeletedAtTeardown() throws Exception {
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = "l3";
        b.batch = 2; // the pinned run checks two images, i.e. the dynamic batch
        b.threads = 1;
        b.setup();
        Path exported = b.exportedFile();
        try {
            assertTrue(Files.isRegularFile(exported), "export written at setup");
            System.out.printf("L3 random weights, ONNX Runtime vs dnnl: max|diff| %.3g%n", b.checkedMaxDiff);
        } finally {
            b.tearDown();
        }
        assertFalse(Files.exists(exported), "export deleted at teardown");
        assertNull(b.exportedFile());
    }

    @Test
    void l1StillRunsTheFixtureExport() throws Exception {
        Optional<Path> l1 = ExportFixtures.sharedL1();
        assumeTrue(l1.isPresent(), ExportFixtures::sharedL1Absent);
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = "l1";
        b.onnx = l1.get().resolve("model.onnx").toString();
        b.batch = 1;
        b.threads = 1;
        b.setup();
        try {
            assertNull(b.exportedFile(), "L1 uses the fixture's file");
        } finally {
            b.tearDown();
        }
    }

    /** The V2-S0 export is checked against the fixture's logits before anything is timed. */
    @Test
    void v2S0RunsTheFixtureExport() throws Exception {
        Optional<Path> l1 = ExportFixtures.sharedL1();
        assumeTrue(l1.isPresent(), ExportFixtures::sharedL1Absent);
        Path s0 = l1.get().resolveSibling("efficientformerv2_s0").resolve("model.onnx");
        assumeTrue(java.nio.file.Files.isRegularFile(s0), () -> s0 + " not found: skipping the V2-S0 check");
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = "v2-s0";
        b.v2S0Onnx = s0.toString();
        b.batch = 2;
        b.threads = 1;
        b.setup();
        try {
            assertNull(b.exportedFile(), "V2-S0 uses the fixture's file");
        } finally {
            b.tearDown();
        }
    }

    @Test
    void unknownModelFailsTheTrial() {
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = "l9";
        b.batch = 1;
        b.threads = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::setup);
        assertTrue(e.getMessage().contains("l1, l3, l7, v2-s0, v2-s1, v2-s2 or v2-l"), e.getMessage());
    }
}
