package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The paired comparison end to end on L3's seeded random weights (no fixture needed), and its usage errors. */
class SideBySideTest {

    @Test
    void l3RoundsAreTimedAndWritten(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("l3.json");
        int status = new CommandLine(new SideBySide()).execute("--model", "l3", "--rounds", "3", "--runs", "1", "--warmup", "1",
                "--pause-ms", "0", "--thread-policy", "fixed", "--json", json.toString());
        assertEquals(0, status);
        String text = Files.readString(json);
        assertTrue(text.contains("\"model\":\"l3\""), text);
        for (String engine : new String[] {"oursMs", "ortMs"}) {
            Matcher m = Pattern.compile("\"" + engine + "\":\\[([^\\]]*)\\]").matcher(text);
            assertTrue(m.find(), engine + " in " + text);
            String[] values = m.group(1).split(",");
            assertEquals(3, values.length, "one latency per round: " + m.group(1));
            for (String v : values) {
                assertTrue(Double.parseDouble(v) > 0, engine + " " + v);
            }
        }
    }

    @Test
    void usageErrorsStopBeforeAnyModelIsBuilt() {
        assertEquals(2, new CommandLine(new SideBySide()).execute("--co-runner", "bogus"));
        assertEquals(2, new CommandLine(new SideBySide()).execute("--rounds", "0"));
        assertEquals(2, new CommandLine(new SideBySide()).execute("--thread-policy", "sometimes"));
        assertEquals(2, new CommandLine(new SideBySide()).execute("--model", "l1,l5"));
    }
}
