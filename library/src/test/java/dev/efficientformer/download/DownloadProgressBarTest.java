package dev.efficientformer.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TerminalProgressBar} with a controlled clock. */
@Timeout(10)
class DownloadProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalOneLineIsRewrittenWithPercentSizeAndSpeed() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, now::get);
        bar.started("efficientformer_l1", 0, 50_000_000);
        now.set(2_000_000_000L);
        bar.progress(25_000_000, 50_000_000);
        now.set(2_050_000_000L);
        bar.progress(26_000_000, 50_000_000);  // within 100 ms of the last redraw: skipped
        now.set(4_000_000_000L);
        bar.finished(50_000_000);

        String[] frames = text().split("\r", -1);
        assertEquals("", frames[0]);
        assertEquals(4, frames.length, text());
        assertTrue(frames[2].startsWith("efficientformer_l1 [============>           ]  50%  25.0/50.0 MB  12.5 MB/s"), frames[2]);
        assertTrue(frames[3].startsWith("efficientformer_l1 [========================] 100%  50.0/50.0 MB  12.5 MB/s"), frames[3]);
        assertTrue(text().endsWith("\n"));
        assertFalse(frames[2].contains("\n"));
    }

    @Test
    void theSpeedOfAResumedDownloadCountsOnlyNewBytes() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, now::get);
        bar.started("x", 40_000_000, 50_000_000);
        now.set(1_000_000_000L);
        bar.progress(45_000_000, 50_000_000);
        assertTrue(text().contains(" 90%  45.0/50.0 MB  5.0 MB/s"), text());
    }

    @Test
    void aMessageDoesNotGetMixedIntoTheBar() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, now::get);
        bar.started("x", 0, 1_000_000);
        bar.message("could not verify it");
        assertTrue(text().contains("\rcould not verify it"), text());
        assertTrue(text().contains("could not verify it" + " ".repeat(0)), text());
        String afterMessage = text().substring(text().indexOf("could not verify it"));
        assertTrue(afterMessage.contains("\n\rx ["), "bar drawn again on the next line: " + afterMessage);
    }

    @Test
    void withoutATerminalItPrintsPlainLinesEveryFewSeconds() {
        TerminalProgressBar bar = new TerminalProgressBar(out, false, now::get);
        bar.started("efficientformer_l7", 0, 330_000_000);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(100_000_000L);  // 10 s in all
            bar.progress(i * 3_300_000L, 330_000_000);
        }
        bar.finished(330_000_000);

        String t = text();
        assertFalse(t.contains("\r"), t);
        String[] lines = t.split("\n");
        assertEquals("Downloading efficientformer_l7 (330.0 MB)", lines[0]);
        assertEquals(4, lines.length, t);  // start, two progress lines 5 s apart, done
        assertTrue(lines[1].startsWith("efficientformer_l7:  50%  165.0/330.0 MB  33.0 MB/s"), lines[1]);
        assertEquals("efficientformer_l7: done, 330.0 MB", lines[3]);
    }

    @Test
    void anUnknownSizeShowsBytesOnly() {
        TerminalProgressBar bar = new TerminalProgressBar(out, true, now::get);
        bar.started("x", 0, -1);
        now.set(1_000_000_000L);
        bar.progress(3_000_000, -1);
        assertTrue(text().contains("[????????????????????????] 3.0 MB  3.0 MB/s"), text());
    }
}
