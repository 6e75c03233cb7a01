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

    @Test
    void unknownModelFailsTheTrial() {
        OnnxRuntimeBenchmark b = new OnnxRuntimeBenchmark();
        b.model = "l9";
        b.batch = 1;
        b.threads = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::setup);
        assertTrue(e.getMessage().contains("l1, l3 or l7"), e.getMessage());
    }
}
