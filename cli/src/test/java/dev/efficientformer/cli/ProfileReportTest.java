package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.backend.StepTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile tables: means over the runs, largest kind first, and columns aligned also for long kind names. */
class ProfileReportTest {
    @Test
    void longKindNamesKeepTheColumnsAligned() {
        List<StepTime> run = List.of(new StepTime("conv1x1", "stage_0", 3_000_000), new StepTime("dwconv3x3+gelu (own kernel)", "stage_0", 1_000_000),
                new StepTime("conv1x1", "stage_1", 2_000_000));
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ProfileReport.print(out, List.of(run, run));
        }
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.get(0).contains("6.000 ms per run"), lines.get(0));
        assertTrue(lines.get(2).trim().startsWith("conv1x1") && lines.get(2).contains("5.000"), lines.toString());
        assertTrue(lines.get(3).trim().startsWith("dwconv3x3+gelu (own kernel)") && lines.get(3).contains("1.000"), lines.toString());
        // Every row of the kind table ends its "ms" column at the same place as the header's "ms".
        int msEnd = lines.get(1).indexOf("ms") + 2;
        for (String row : lines.subList(2, 4)) {
            assertEquals(msEnd, row.indexOf(" ", row.indexOf('.')) , row);
        }
    }
}
