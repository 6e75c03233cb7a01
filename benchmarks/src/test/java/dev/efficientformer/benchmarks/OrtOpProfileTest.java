package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ONNX Runtime's profile of L3's seeded random weights (no fixture needed) end to end, and the usage errors. */
class OrtOpProfileTest {

    @Test
    void l3ProfileIsSummarisedAndKeptWhereAsked(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = new CommandLine(new OrtOpProfile()).execute("--model", "l3", "--runs", "3", "--top", "5", "--keep", dir.toString());
        } finally {
            System.setOut(before);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertEquals(0, status, out);
        assertTrue(out.contains("ONNX Runtime, l3, batch 1, 1 thread(s)"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("Conv ") && !l.contains("[")), "a Conv line per operator type: " + out);
        assertTrue(out.contains("Conv [1x320x14x14, 1280x320x1x1]"), "L3's stage-3 MLP convolution by shape: " + out);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("ort-l3-b1t1")).count(), "the profile is kept");
        }
    }

    @Test
    void usageErrorsStopBeforeAnyModelIsBuilt() {
        assertEquals(2, new CommandLine(new OrtOpProfile()).execute("--runs", "0"));
        assertEquals(2, new CommandLine(new OrtOpProfile()).execute("--top", "-1"));
        assertEquals(2, new CommandLine(new OrtOpProfile()).execute("--model", "l5"));
    }
}
