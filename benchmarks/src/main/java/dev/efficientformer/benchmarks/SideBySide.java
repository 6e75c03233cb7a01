package dev.efficientformer.benchmarks;

import dev.efficientformer.cli.CoRunner;
import dev.efficientformer.cli.LatencyStats;
import dev.efficientformer.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * This library against ONNX Runtime Java in one process, in alternating turns: the comparison the
 * issues' targets ask for ("side by side, in one run") made robust to a noisy machine. JMH runs one
 * engine's iterations after the other's, so anything that changes on the machine between the two
 * blocks (a neighbour, the host's clocks) lands in the ratio; here each round times both engines
 * within a second or two, in alternating order, and the result is the median of the rounds'
 * ratios with its ~95% interval ({@link PairedRatios}).
 *
 * <p>The two engines are {@link EfficientFormerModelBenchmark} and {@link OnnxRuntimeBenchmark}
 * set up as JMH would (same weights, same input, both checked against the reference logits before
 * anything is timed). A turn is a pause (so the other engine's idle pool threads, which spin for
 * a while after a run, have stopped), one untimed run, then {@code --runs} timed runs whose mean is
 * the turn's latency. A co-runner, when asked for, starts after both setups and runs for all
 * rounds, so both engines share the machine with it alike.
 *
 * <p>Run from the repository root after {@code mvn package -pl benchmarks -am}:
 * <pre>{@code
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.efficientformer.benchmarks.SideBySide \
 *     --model v2-s0,l1 --batch 1 --threads 1 --rounds 30
 * }</pre>
 *
 * <p>Thread-safety: a command object, run by one thread.
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Latency of this library (oneDNN backend) and ONNX Runtime Java on the same weights, in alternating turns; "
                + "prints each engine's median and the median ratio of the rounds with its ~95% interval.")
public final class SideBySide implements Callable<Integer> {
    /** The library's switch for the batch split (dev.efficientformer.BatchSplit). */
    private static final String BATCH_SPLIT = "efficientformer.batchSplit";
    /** The models both engines run. */
    static final List<String> MODELS = List.of("l1", "l3", "l7", "v2-s0", "v2-s1", "v2-s2", "v2-l");

    @Option(names = "--model", split = ",", defaultValue = "l1",
            description = "Models, comma-separated: l1, l3, l7, v2-s0, v2-s1, v2-s2, v2-l. Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(names = "--batch", defaultValue = "1", description = "Images per run. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", defaultValue = "1", description = "Threads of each engine. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--thread-policy", defaultValue = "adaptive",
            description = "This library's thread policy: adaptive or fixed. Default: ${DEFAULT-VALUE}.")
    String threadPolicy;

    @Option(names = "--batch-split", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Ours with the batch split (the default; --no-batch-split sets -Defficientformer.batchSplit=false): "
                    + "a batch that is a multiple of the threads runs as one part per thread on one-thread plans at once.")
    boolean batchSplit;

    @Option(names = "--co-runner", defaultValue = "none",
            description = "A neighbour process for all rounds: none, spin[:N] or memory[:N]. Default: ${DEFAULT-VALUE}.")
    String coRunner;

    @Option(names = "--rounds", defaultValue = "30", description = "Paired rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per turn. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed runs of each engine before the rounds. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--pause-ms", defaultValue = "30", description = "Pause before each turn (ms). Default: ${DEFAULT-VALUE}.")
    int pauseMs;

    /** Where the engines' outputs go, so that no run is dead code. */
    private float sink;

    @Option(names = "--json", description = "Also write the results, one JSON object per model, to this file.")
    Path json;

    /** Runs the command line; exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SideBySide()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || threads < 1 || rounds < 1 || runs < 1 || warmup < 0 || pauseMs < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--batch, --threads, --rounds and --runs must be at least 1, --warmup and --pause-ms at least 0");
        }
        try {
            CoRunner.Spec.parse(coRunner); // a malformed spec fails before any model is built
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--co-runner: " + e.getMessage());
        }
        for (String model : models) {
            if (!MODELS.contains(model)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--model: unknown model '" + model + "', expected one of " + MODELS);
            }
        }
        if (!threadPolicy.equals("adaptive") && !threadPolicy.equals("fixed")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--thread-policy: adaptive or fixed, got '" + threadPolicy + "'");
        }
        String cpu = cpuName();
        System.out.printf(Locale.ROOT, "CPU: %s, %d processors; batch %d, %d thread(s), policy %s%s, co-runner %s, %d rounds x %d runs%n",
                cpu, Runtime.getRuntime().availableProcessors(), batch, threads, threadPolicy, batchSplit ? "" : ", no batch split", coRunner,
                rounds, runs);
        System.out.printf(Locale.ROOT, "%-6s %12s %12s %9s %17s%n", "model", "ours ms", "ORT ms", "ratio", "95% interval");
        List<Object> results = new ArrayList<>();
        for (String model : models) {
            Rounds r = measure(model);
            PairedRatios ratios = new PairedRatios(millis(r.ours()), millis(r.ort()));
            double ours = LatencyStats.ofNanos(r.ours()).medianMs();
            double ort = LatencyStats.ofNanos(r.ort()).medianMs();
            System.out.printf(Locale.ROOT, "%-6s %12.2f %12.2f %9.3f %8.3f-%.3f%n", model, ours, ort, ratios.medianRatio(),
                    ratios.ratioLow(), ratios.ratioHigh());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("batch", batch);
            m.put("threads", threads);
            m.put("threadPolicy", threadPolicy);
            m.put("batchSplit", batchSplit);
            m.put("coRunner", coRunner);
            m.put("cpu", cpu);
            m.put("rounds", ratios.rounds());
            m.put("runsPerTurn", runs);
            m.put("oursMedianMs", rounded(ours));
            m.put("ortMedianMs", rounded(ort));
            m.put("ratioMedian", rounded(ratios.medianRatio()));
            m.put("ratioLow", rounded(ratios.ratioLow()));
            m.put("ratioHigh", rounded(ratios.ratioHigh()));
            m.put("oursMs", Arrays.stream(ratios.first()).mapToObj(SideBySide::rounded).toList());
            m.put("ortMs", Arrays.stream(ratios.second()).mapToObj(SideBySide::rounded).toList());
            results.add(m);
        }
        if (json != null) {
            StringBuilder text = new StringBuilder("[\n");
            for (int i = 0; i < results.size(); i++) {
                text.append(Json.write(results.get(i))).append(i + 1 < results.size() ? ",\n" : "\n");
            }
            Files.writeString(json, text.append("]\n"), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** Sets both engines up for {@code model}, times the rounds, tears both down. */
    private Rounds measure(String model) throws Exception {
        EfficientFormerModelBenchmark ours = new EfficientFormerModelBenchmark();
        ours.model = model;
        ours.batch = batch;
        ours.threads = threads;
        ours.backend = "dnnl";
        ours.threadPolicy = threadPolicy;
        ours.coRunner = "none";
        ours.weights = JmhParams.defaultOf(EfficientFormerModelBenchmark.class, "weights");
        ours.v2S0Weights = JmhParams.defaultOf(EfficientFormerModelBenchmark.class, "v2S0Weights");
        OnnxRuntimeBenchmark ort = OnnxRuntimeBenchmark.outsideJmh(model, batch, threads);
        String before = System.getProperty(BATCH_SPLIT);
        System.setProperty(BATCH_SPLIT, Boolean.toString(batchSplit)); // read when the model loads
        try {
            ours.setup();
        } finally {
            if (before == null) {
                System.clearProperty(BATCH_SPLIT);
            } else {
                System.setProperty(BATCH_SPLIT, before);
            }
        }
        try {
            ort.setup();
            try (CoRunner neighbour = CoRunner.startIfAny(coRunner).orElse(null)) {
                Engine a = ours::runOnce;
                Engine b = ort::runOnce;
                for (int i = 0; i < warmup; i++) {
                    sink += a.run() + b.run();
                }
                long[] first = new long[rounds];
                long[] second = new long[rounds];
                for (int round = 0; round < rounds; round++) {
                    // Alternate who goes first: a turn right after the other engine's may pay for it.
                    if (round % 2 == 0) {
                        first[round] = turn(a);
                        second[round] = turn(b);
                    } else {
                        second[round] = turn(b);
                        first[round] = turn(a);
                    }
                }
                return new Rounds(first, second);
            }
        } finally {
            try {
                ort.tearDown();
            } finally {
                ours.tearDown();
            }
        }
    }

    /** A pause, one untimed run, then the mean of {@link #runs} timed runs (ns). */
    private long turn(Engine engine) throws Exception {
        if (pauseMs > 0) {
            Thread.sleep(pauseMs);
        }
        sink += engine.run();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += engine.run();
        }
        return (System.nanoTime() - start) / runs;
    }

    /** One inference of an engine; the value is summed into {@link #sink}. */
    @FunctionalInterface
    private interface Engine {
        float run() throws Exception;
    }

    /** Each engine's turn latencies, one per round (nanoseconds). */
    private record Rounds(long[] ours, long[] ort) {}

    private static double[] millis(long[] nanos) {
        return Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray();
    }

    /** Four decimals are more than the rounds' noise; the JSON stays readable. */
    private static double rounded(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** The CPU's model name from /proc/cpuinfo, or the JVM's os.arch where there is none. */
    static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or unreadable: fall through.
        }
        return System.getProperty("os.arch");
    }
}
