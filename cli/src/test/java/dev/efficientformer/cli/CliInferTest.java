package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CliInferTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void writesTheReferenceLogits(String backend) {
        Path out = tmp.resolve("y.f32");
        CliRun r = CliRun.of("infer", "--weights", TINY.resolve("model.safetensors").toString(), "--input",
                TINY.resolve("input.f32").toString(), "--shape", "1,3,224,224", "--output", out.toString(), "--backend", backend,
                "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.outLines().size(), "one summary line on stdout: " + r);
        assertTrue(r.out().contains("backend " + backend), r::toString);
        float[] expected = Fixtures.readF32(TINY.resolve("logits.f32"));
        float[] actual = Fixtures.readF32(out);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "logit " + i);
        }
    }

    /** EfficientFormerV2 through the command line: the full-size S0 fixture's logits, batch 2. */
    @Test
    void writesTheV2S0ReferenceLogits() {
        java.util.Optional<Path> s0 = Fixtures.shared("efficientformerv2_s0");
        org.junit.jupiter.api.Assumptions.assumeTrue(s0.isPresent(), () -> Fixtures.sharedAbsent("efficientformerv2_s0"));
        Path out = tmp.resolve("y.f32");
        CliRun r = CliRun.of("infer", "--weights", s0.get().resolve("model.safetensors").toString(), "--input",
                s0.get().resolve("input.f32").toString(), "--shape", "2,3,224,224", "--output", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r::toString);
        float[] expected = Fixtures.readF32(s0.get().resolve("logits.f32"));
        float[] actual = Fixtures.readF32(out);
        dev.efficientformer.testing.ReferenceCase.assertLogitsMatch("infer V2-S0", expected, actual, 2);
    }

    /** A non-square shape runs (V1 takes 193 to 224 per side) and gives one row of logits per image. */
    @Test
    void aNonSquareShapeRuns() throws IOException {
        Path in = tmp.resolve("x.f32");
        Files.write(in, new byte[3 * 211 * 224 * 4]);
        Path out = tmp.resolve("y.f32");
        CliRun r = CliRun.of("infer", "--weights", TINY.resolve("model.safetensors").toString(), "--input", in.toString(),
                "--shape", "1,3,211,224", "--output", out.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(10, Fixtures.readF32(out).length);
    }

    @Test
    void wrongInputSizeNamesBothSizes() throws IOException {
        Path in = tmp.resolve("short.f32");
        Files.write(in, new byte[1000]);
        Path out = tmp.resolve("y.f32");
        CliRun r = CliRun.of("infer", "--weights", TINY.resolve("model.safetensors").toString(), "--input", in.toString(),
                "--shape", "1,3,224,224", "--output", out.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "one line, no stack trace: " + r);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("efficientformer: "), line);
        assertTrue(line.contains("1000") && line.contains(Long.toString(3L * 224 * 224 * 4)), line);
        assertFalse(Files.exists(out), "no output on failure");
    }

    @Test
    void missingWeightsFile() {
        CliRun r = CliRun.of("infer", "--weights", tmp.resolve("absent.safetensors").toString(), "--input",
                TINY.resolve("input.f32").toString(), "--shape", "1,3,224,224", "--output", tmp.resolve("y.f32").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: weights file not found: "), r::toString);
        assertTrue(r.err().contains("absent.safetensors"), r::toString);
    }

    @Test
    void badShapeIsAUsageError() {
        CliRun r = CliRun.of("infer", "--weights", TINY.resolve("model.safetensors").toString(), "--input",
                TINY.resolve("input.f32").toString(), "--shape", "1,3,224", "--output", tmp.resolve("y.f32").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("N,C,H,W"), r::toString);
    }

    private CliRun inferTo(String output) {
        return CliRun.of("infer", "--weights", TINY.resolve("model.safetensors").toString(), "--input",
                TINY.resolve("input.f32").toString(), "--shape", "1,3,224,224", "--output", output, "--threads", "1");
    }

    @Test
    void anOutputThatIsADirectoryIsRefusedInOneLine() {
        CliRun r = inferTo("/");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("efficientformer: output is a directory, not a file: /"), r.errLines(), r::toString);
    }

    /** A device is written, never replaced by a regular file (as root, a rename over /dev/null would succeed). */
    @Test
    void anOutputDeviceIsWrittenInPlace() throws IOException {
        Path devNull = Path.of("/dev/null");
        Object before = Files.getAttribute(devNull, "unix:rdev");
        CliRun r = inferTo(devNull.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.isRegularFile(devNull), "/dev/null was replaced by a regular file");
        assertEquals(before, Files.getAttribute(devNull, "unix:rdev"));
    }

    /** A FIFO as the weights is refused at once (reading it would wait for a writer forever). */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aFifoAsWeightsIsRefused() throws Exception {
        Path fifo = tmp.resolve("weights.safetensors");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun r = CliRun.of("infer", "--weights", fifo.toString(), "--input", TINY.resolve("input.f32").toString(), "--shape",
                "1,3,224,224", "--output", tmp.resolve("y.f32").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("not a regular file"), r::toString);
    }
}
