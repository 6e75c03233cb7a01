package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress is drawn in place at most five times a second on a terminal, and never otherwise. */
class StatusLineTest {
    @Test
    void drawsThrottledAndClearsOnATerminal() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        StatusLine s = new StatusLine(new PrintWriter(out), true, now::get);
        s.show("run 1/3");
        now.addAndGet(100_000_000L);
        s.show("run 2/3");   // 100 ms later: skipped
        now.addAndGet(150_000_000L);
        s.show("run 3");
        s.clear();
        assertEquals("\rrun 1/3\rrun 3  \r     \r", out.toString());
    }

    @Test
    void printsNothingWhenNotATerminal() {
        StringWriter out = new StringWriter();
        StatusLine s = new StatusLine(new PrintWriter(out), false, System::nanoTime);
        s.show("run 1/3");
        s.clear();
        assertEquals("", out.toString());
    }
}
