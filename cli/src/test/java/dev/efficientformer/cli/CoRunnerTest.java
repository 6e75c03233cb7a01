package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The busy neighbour of the contention benchmarks: parsed from {@code KIND[:N]}, a separate process
 * whose threads really take CPU time, gone when closed; {@code bench --co-runner} reports both runs.
 */
class CoRunnerTest {
    private static final String WEIGHTS = Fixtures.tiny("tiny_v1").resolve("model.safetensors").toString();

    @Test
    void specsParseAndBadOnesAreNamed() {
        assertEquals(Optional.empty(), CoRunner.Spec.parse("none"));
        assertEquals(Optional.empty(), CoRunner.Spec.parse(null));
        assertEquals(new CoRunner.Spec(CoRunner.Kind.SPIN, 1), CoRunner.Spec.parse("spin").orElseThrow());
        assertEquals(new CoRunner.Spec(CoRunner.Kind.MEMORY, 2), CoRunner.Spec.parse("Memory:2").orElseThrow());
        for (String bad : List.of("spinning", "spin:", "spin:x", "spin:1:2", "memory:0", "memory:999")) {
            assertThrows(IllegalArgumentException.class, () -> CoRunner.Spec.parse(bad), bad);
        }
    }

    @Test
    void aCoRunnerIsAProcessThatBurnsCpuUntilClosed() throws Exception {
        try (CoRunner co = CoRunner.start(new CoRunner.Spec(CoRunner.Kind.SPIN, 1))) {
            ProcessHandle child = ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(CoRunner.class.getName())).orElse(false))
                    .findFirst().orElseThrow();
            java.time.Duration before = child.info().totalCpuDuration().orElseThrow();
            Thread.sleep(500);
            java.time.Duration after = child.info().totalCpuDuration().orElseThrow();
            assertTrue(after.minus(before).toMillis() >= 200, "the co-runner used " + after.minus(before).toMillis() + " ms of CPU in 500 ms");
            co.close();
            assertFalse(child.isAlive(), "closed, the process is gone");
        }
    }

    @Test
    void benchReportsTheContendedRunsBesideTheIdleOnes() {
        CliRun r = CliRun.of("bench", "--weights", WEIGHTS, "--threads", "1", "--warmup", "1", "--iterations", "3",
                "--co-runner", "memory", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("contended   median"), r::toString);
        Map<String, Object> json = Json.parseObject(r.outLines().get(r.outLines().size() - 1));
        assertEquals("memory:1", json.get("co_runner"));
        assertTrue((Double) json.get("contended_median_ms") > 0, r::toString);
        CliRun bad = CliRun.of("bench", "--weights", WEIGHTS, "--co-runner", "disk");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("unknown co-runner kind 'disk'"), bad::toString);
    }
}
