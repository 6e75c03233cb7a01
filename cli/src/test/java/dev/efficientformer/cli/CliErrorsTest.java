package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class CliErrorsTest {
    private static final String WEIGHTS = Fixtures.tiny("tiny_v1").resolve("model.safetensors").toString();
    private static final String CHELSEA = Fixtures.resource("preprocess/images/chelsea.png").toString();

    @Test
    void unknownBackendIsAUsageErrorListingTheChoices() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--backend", "cuda", CHELSEA);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("efficientformer: ") && line.contains("unknown backend 'cuda'")
                && line.contains("auto, dnnl, java, acl"), line);
    }

    @Test
    void unavailableBackendIsARuntimeError() {
        CliRun r = CliRun.of("classify", "--weights", WEIGHTS, "--backend", "acl", CHELSEA);
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("acl"), r::toString);
    }

    @Test
    void verboseAddsTheStackTraceAndTheDefaultDoesNot() {
        String[] args = {"classify", "--weights", "absent.pth", CHELSEA};
        CliRun quiet = CliRun.of(args);
        assertEquals(1, quiet.exitCode());
        assertEquals(1, quiet.errLines().size(), quiet::toString);
        assertFalse(quiet.err().contains("\tat "), quiet::toString);

        for (CliRun loud : new CliRun[] {CliRun.of("--verbose", "classify", "--weights", "absent.pth", CHELSEA),
            CliRun.of("classify", "--weights", "absent.pth", CHELSEA, "--verbose")}) {
            assertEquals(1, loud.exitCode());
            assertEquals(quiet.errLines().get(0), loud.errLines().get(0), "same first line");
            assertTrue(loud.err().contains("\tat dev.efficientformer."), loud::toString);
        }
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
    }

    @Test
    void helpAndVersionSucceed() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("classify") && help.out().contains("bench"), help::toString);
        assertEquals(0, CliRun.of("infer", "--help").exitCode());
        assertEquals(0, CliRun.of("--version").exitCode());
    }

    @Test
    void messagesAreOneLineAndSayWhatIsWrong() {
        assertEquals("no such file: a.pth", ErrorReporter.describe(new UncheckedIOException(new NoSuchFileException("a.pth"))));
        // Multi-line messages (the library's own line breaks) become one line.
        assertEquals("first; - second", ErrorReporter.describe(
                new dev.efficientformer.nativelib.NativeLibraryException("first", java.util.List.of("second"))));
        assertEquals("cannot read x: disk on fire",
                ErrorReporter.describe(new EfficientFormerException("cannot read x", new IOException("disk on fire"))));
        assertEquals("could not reach the hub", ErrorReporter.describe(new EfficientFormerException("could not reach the hub",
                new java.net.ConnectException())), "a cause without a message adds nothing");
        assertEquals("cannot open a.pth", ErrorReporter.describe(new EfficientFormerException("cannot open a.pth",
                new NoSuchFileException("a.pth"))));
        assertEquals("cannot load: no such file: b.pth", ErrorReporter.describe(new EfficientFormerException("cannot load",
                new NoSuchFileException("b.pth"))));
        assertTrue(ErrorReporter.describe(new OutOfMemoryError("Java heap space")).startsWith("out of memory (Java heap space)"));
        assertTrue(ErrorReporter.describe(new NullPointerException()).startsWith("internal error: NullPointerException"));
    }

    /** A tensor name with terminal escape sequences reaches standard error escaped, as \\xNN. */
    @Test
    void escapeSequencesFromAFileAreEscaped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // In the file the name is JSON-escaped (a raw control character is no valid JSON); it decodes to ESC and BEL.
        String jsonName = "evil" + "\\" + "u001b]0;pwned" + "\\" + "u0007" + "\\" + "u001b[2Jname";
        String header = "{\"" + jsonName + "\":{\"dtype\":\"Q9\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("evil.safetensors"), b.array());
        CliRun r = CliRun.of("classify", "--weights", file.toString(), CHELSEA);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), () -> "a control character reached stderr: " + r);
        assertTrue(r.err().contains("evil\\x1b]0;pwned\\x07\\x1b[2Jname"), r::toString);
    }

    /** Usage errors exit 2 with one line: unknown model names and enum values. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "classify --model efficientformer_l9 x.png",
        "download efficientformer_l9",
        "classify --weights w.safetensors --java-tier fast x.png",
        "classify --weights w.safetensors --format xml x.png",
        "classify --weights w.safetensors --backend cuda x.png",
        "classify --weights w.safetensors --matmul-precision medium x.png",
    })
    void usageErrorsExit2(String line) {
        CliRun r = CliRun.of(line.split(" "));
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("efficientformer: "), r::toString);
    }
}
