package dev.efficientformer.cli;

import dev.efficientformer.backend.StepTime;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints profiled runs as two tables: mean time per op kind (largest first) and per stage (in model order). */
final class ProfileReport {
    private ProfileReport() {
    }

    static void print(PrintWriter out, List<List<StepTime>> runs) {
        double total = 0;
        for (List<StepTime> run : runs) {
            for (StepTime t : run) {
                total += t.nanos();
            }
        }
        total /= runs.size();
        out.printf(Locale.ROOT, "profile     %.3f ms per run with every step timed alone (%d runs)%n", total / 1e6, runs.size());
        table(out, "op kind", runs, StepTime::kind, total, true);
        table(out, "stage", runs, StepTime::stage, total, false);
    }

    private static void table(PrintWriter out, String title, List<List<StepTime>> runs, Function<StepTime, String> key, double total,
                              boolean byTime) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (List<StepTime> run : runs) {
            for (StepTime t : run) {
                double[] r = rows.computeIfAbsent(key.apply(t), k -> new double[2]);
                r[0] += t.nanos() / (double) runs.size();
                r[1] += 1.0 / runs.size();
            }
        }
        var entries = rows.entrySet().stream();
        if (byTime) {
            entries = entries.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        }
        // The first column as wide as its longest name (e.g. "dwconv3x3+gelu (own kernel)"), at least 16.
        int width = Math.max(16, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %10s %7s %6s%n", title, "ms", "share", "steps");
        entries.forEach(e -> out.printf(Locale.ROOT, "  %-" + width + "s %10.3f %6.1f%% %6d%n", e.getKey(), e.getValue()[0] / 1e6,
                100 * e.getValue()[0] / total, Math.round(e.getValue()[1])));
    }
}
