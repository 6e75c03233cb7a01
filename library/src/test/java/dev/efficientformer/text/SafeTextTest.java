package dev.efficientformer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.weights.StateDictMismatchException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from files reach exception messages escaped: a message of the library never holds a
 * control character (an escape sequence, a forged line, a bidirectional override), whoever prints
 * it; multi-line messages keep only their own line breaks.
 */
class SafeTextTest {
    private static final String EVIL = "evil\u001b]0;pwned\u0007\u001b[2J\nforged line\u202ename";

    private static boolean hasControl(String s, boolean allowLineFeed) {
        return s.chars().anyMatch(c -> (c < 0x20 && !(allowLineFeed && c == '\n')) || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    @Test
    void controlsAreWrittenAsEscapesAndPlainTextIsKept() {
        assertEquals("evil\\x1b]0;pwned\\x07\\x1b[2J\\x0aforged line\\u202ename", SafeText.escape(EVIL));
        assertEquals("a\nb\\x1b", SafeText.escapeKeepingLineBreaks("a\nb\u001b"));
        String plain = "blocks.0.weight: expected [4, 3]";
        assertSame(plain, SafeText.escape(plain), "nothing to escape, nothing copied");
        assertEquals("\\x85\\x7f\\u2066", SafeText.escape("\u0085\u007f\u2066"));
        assertEquals(SafeText.escape(EVIL), SafeText.escape(SafeText.escape(EVIL)), "escaping twice changes nothing more");
    }

    @Test
    void everyExceptionOfTheLibraryEscapesItsMessage() {
        assertEquals("x \\x1b[31m", new EfficientFormerException("x \u001b[31m").getMessage());
        assertEquals("y\\x0az", new EfficientFormerException("y\nz", new RuntimeException()).getMessage());
    }

    @Test
    void aMismatchListKeepsItsLinesButNotTheNamesLineBreaks() {
        StateDictMismatchException e = new StateDictMismatchException("f\u001b.pth", List.of(EVIL), List.of("ok"), List.of());
        String m = e.getMessage();
        assertTrue(!hasControl(m, true), m);
        assertEquals(3, m.split("\n").length, "the summary, missing and unexpected lines only: " + m);
        assertTrue(m.contains("f\\x1b.pth") && m.contains("\\x0aforged line"), m);
        assertEquals(EVIL, e.missing().get(0), "the lists keep the names as they are");
    }

    @Test
    void aHostileTensorNameReachesTheMessageEscaped(@TempDir Path dir) throws Exception {
        // JSON escapes decode to ESC, BEL and a line feed in the name.
        String jsonName = "evil\\u001b]0;pwned\\u0007\\u001b[2J\\nname";
        byte[] h = ("{\"" + jsonName + "\":{\"dtype\":\"Q9\",\"shape\":[1],\"data_offsets\":[0,4]}}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path file = Files.write(dir.resolve("evil.safetensors"), b.array());
        EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> EfficientFormerModel.load(file));
        String m = e.getMessage();
        assertTrue(!hasControl(m, false), m);
        assertTrue(m.contains("evil\\x1b]0;pwned\\x07\\x1b[2J\\x0aname") && m.contains("evil.safetensors"), m);
    }
}
