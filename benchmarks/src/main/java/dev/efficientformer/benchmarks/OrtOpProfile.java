package dev.efficientformer.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where ONNX Runtime Java spends a run of the model {@link SideBySide} compares against, by its
 * own profiler: kernel time per operator type and per operator on given input shapes (each node's
 * median over the runs). Set it beside this library's {@code efficientformer bench --profile} (per
 * step) or {@code ONEDNN_VERBOSE=profile_exec} (per oneDNN primitive, with shapes) to see which
 * side's kernel is faster on which layer.
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.efficientformer.benchmarks.OrtOpProfile --model v2-s1 --runs 60
 * }</pre>
 *
 * <p>Thread-safety: a command object, run by one thread.
 */
@Command(name = "ort-op-profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "ONNX Runtime Java's own profile of the models SideBySide runs: kernel time per operator type and per "
                + "operator and input shapes, each node's median over the runs.")
public final class OrtOpProfile implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "l1", description = "l1, l3, l7, v2-s0, v2-s1, v2-s2 or v2-l. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--batch", defaultValue = "1", description = "Images per run. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime's intra-op threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--runs", defaultValue = "50", description = "Profiled runs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--top", defaultValue = "30", description = "Operator-and-shape lines printed. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--keep", description = "Keep ONNX Runtime's profile JSON in this directory (default: a temporary file, deleted).")
    Path keep;

    /** Runs the command line; exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new OrtOpProfile()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || threads < 1 || runs < 1 || top < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--batch, --threads and --runs must be at least 1, --top at least 0");
        }
        if (!SideBySide.MODELS.contains(model)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--model: unknown model '" + model + "', expected one of "
                    + SideBySide.MODELS);
        }
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("ort-profile-");
        OnnxRuntimeBenchmark ort = OnnxRuntimeBenchmark.outsideJmh(model, batch, threads);
        ort.profilePrefix = dir.resolve("ort-" + model + "-b" + batch + "t" + threads).toString();
        try {
            ort.setup();
            for (int i = 0; i < runs; i++) {
                ort.runOnce();
            }
            Path profile = ort.endProfiling();
            OrtProfileSummary summary = OrtProfileSummary.parse(Files.readString(profile, StandardCharsets.UTF_8));
            print(summary);
            if (keep != null) {
                System.out.println("profile: " + profile);
            }
        } finally {
            try {
                ort.tearDown();
            } finally {
                if (keep == null) {
                    // Also a profile that a failed run left behind (ORT writes it when the session closes).
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        }
        return 0;
    }

    private void print(OrtProfileSummary s) {
        double total = s.totalMicroseconds();
        System.out.printf(Locale.ROOT, "CPU: %s; ONNX Runtime, %s, batch %d, %d thread(s): %.3f ms of kernel time per run "
                + "(node medians over %d runs; profiling adds a few us per node)%n", SideBySide.cpuName(), model, batch, threads, total / 1e3, s.runs());
        System.out.printf(Locale.ROOT, "%-28s %10s %7s %6s%n", "operator", "ms/run", "share", "nodes");
        for (OrtProfileSummary.Entry e : s.byOperator()) {
            System.out.printf(Locale.ROOT, "%-28s %10.3f %6.1f%% %6d%n", e.key(), e.microseconds() / 1e3, 100 * e.microseconds() / total, e.nodes());
        }
        System.out.printf(Locale.ROOT, "%n%-60s %10s %10s %6s%n", "operator [data, weights]", "ms/run", "us/node", "nodes");
        List<OrtProfileSummary.Entry> shapes = s.byShape();
        for (OrtProfileSummary.Entry e : shapes.subList(0, Math.min(top, shapes.size()))) {
            System.out.printf(Locale.ROOT, "%-60s %10.3f %10.1f %6d%n", e.key(), e.microseconds() / 1e3, e.microseconds() / e.nodes(), e.nodes());
        }
    }
}
