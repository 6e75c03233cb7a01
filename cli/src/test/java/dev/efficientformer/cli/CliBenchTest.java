package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBenchTest {
    private static final String WEIGHTS = Fixtures.tiny("tiny_v1").resolve("model.safetensors").toString();

    @Test
    void jsonLastLineHasTheResults() {
        CliRun r = CliRun.of("bench", "--weights", WEIGHTS, "--batch", "2", "--threads", "1", "--warmup", "1", "--iterations", "3",
                "--json");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        Map<String, Object> json = Json.parseObject(lines.get(lines.size() - 1));
        for (String key : List.of("median_ms", "p90_ms", "images_per_s", "gflops", "startup_ms")) {
            assertInstanceOf(Double.class, json.get(key), key);
            assertTrue((Double) json.get(key) > 0, key + " > 0: " + r);
        }
        assertTrue((Double) json.get("p90_ms") >= (Double) json.get("median_ms"));
        assertEquals(2L, json.get("batch"));
        assertEquals(1L, json.get("threads"));
        assertEquals(3L, json.get("iterations"));
        assertInstanceOf(String.class, json.get("backend"));
        assertEquals(WEIGHTS, json.get("weights"));
    }

    @Test
    void profileShowsWhereTheTimeGoes() {
        for (String backend : List.of("dnnl", "java")) {
            CliRun r = CliRun.of("bench", "--weights", WEIGHTS, "--backend", backend, "--threads", "1", "--warmup", "0",
                    "--iterations", "2", "--profile", "--json");
            assertEquals(0, r.exitCode(), r::toString);
            String out = r.out();
            assertTrue(out.contains("op kind") && out.contains("stage"), out);
            // Real kernels (named with what is fused into them and whose kernel runs them, where a backend says) and real
            // stages, each with a time.
            assertTrue(out.matches("(?s).*\\n  conv1x1(\\+[a-z_]+)*( \\(own kernel\\))?\\s+\\d+\\.\\d{3}.*"), backend + ": " + out);
            for (String stage : List.of("stem", "stage_0", "stage_3", "features", "head")) {
                assertTrue(out.matches("(?s).*\\n  " + stage + "\\s+\\d+\\.\\d{3}.*"), backend + " lacks " + stage + ": " + out);
            }
            List<String> lines = r.outLines();
            Json.parseObject(lines.get(lines.size() - 1));
        }
    }

    @Test
    void matmulPrecisionFlagIsReportedAndChecked() {
        CliRun high = CliRun.of("bench", "--weights", WEIGHTS, "--backend", "dnnl", "--matmul-precision", "HIGH", "--threads", "1",
                "--warmup", "0", "--iterations", "1", "--json");
        assertEquals(0, high.exitCode(), high::toString);
        List<String> lines = high.outLines();
        assertEquals("high", Json.parseObject(lines.get(lines.size() - 1)).get("matmul_precision"));
        assertTrue(high.out().contains("matmul precision high"), high::toString);
        CliRun bad = CliRun.of("bench", "--weights", WEIGHTS, "--matmul-precision", "medium");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("unknown matmul precision \"medium\" (choose highest or high)"), bad::toString);
    }

    @Test
    void javaTierFlagChoosesTheTier() {
        String previous = System.getProperty("efficientformer.java.tier");
        try {
            CliRun scalar = CliRun.of("bench", "--weights", WEIGHTS, "--backend", "java", "--java-tier", "scalar", "--threads", "1",
                    "--warmup", "0", "--iterations", "1", "--profile");
            assertEquals(0, scalar.exitCode(), scalar::toString);
            assertTrue(scalar.out().matches("(?s).*\\n  conv1x1\\s+\\d.*"), "scalar steps are single ops: " + scalar.out());
            CliRun vector = CliRun.of("bench", "--weights", WEIGHTS, "--backend", "java", "--java-tier", "vector", "--threads", "1",
                    "--warmup", "0", "--iterations", "1", "--profile");
            assertEquals(0, vector.exitCode(), vector::toString);
            assertTrue(vector.out().contains("conv1x1+gelu"), "vector steps fuse: " + vector.out());
            CliRun bad = CliRun.of("bench", "--weights", WEIGHTS, "--backend", "java", "--java-tier", "simd");
            assertTrue(bad.exitCode() != 0 && bad.err().contains("--java-tier"), bad::toString);
        } finally {
            if (previous == null) {
                System.clearProperty("efficientformer.java.tier");
            } else {
                System.setProperty("efficientformer.java.tier", previous);
            }
        }
    }

    @TempDir
    Path cache;

    @Test
    void namedModelWithoutDownloadBenchmarksRandomWeights() {
        CliRun r;
        try (IsolatedCache c = new IsolatedCache(cache, null)) {
            r = CliRun.of("bench", "--model", "efficientformer_l1", "--iterations", "1", "--warmup", "0", "--json");
        }
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("no downloaded weights for efficientformer_l1: benchmarking random weights with the real shapes"),
                r::toString);
        List<String> lines = r.outLines();
        Map<String, Object> json = Json.parseObject(lines.get(lines.size() - 1));
        assertEquals("random:efficientformer_l1", json.get("weights"));
        // L1 is about 1.3 GMACs per image; a wrong graph would be far off.
        long macs = (Long) json.get("macs_per_image");
        assertTrue(macs > 1.0e9 && macs < 1.6e9, "MACs " + macs);
    }

    @Test
    void unknownModelIsNamed() {
        CliRun r = CliRun.of("bench", "--model", "efficientformer_l9");
        assertEquals(2, r.exitCode(), "a usage error: " + r);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: Invalid value for option '--model': unknown model \"efficientformer_l9\";"
                + " known models: efficientformer_l1, efficientformer_l3, efficientformer_l7"), r::toString);
    }

    @Test
    void zeroIterationsIsAUsageError() {
        CliRun r = CliRun.of("bench", "--weights", WEIGHTS, "--iterations", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
    }
}
