package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.backend.StepTime;
import dev.efficientformer.json.Json;
import dev.efficientformer.model.RandomWeights;
import dev.efficientformer.model.ZooEntry;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code efficientformer bench}: startup time, latency and throughput of one batch size. Times
 * whole predictions through the public API, as a service would see them; JMH ({@code benchmarks/})
 * is the tool for kernel-level comparisons.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark a model: startup (load + first batch), then median and p90 latency of timed runs.",
            "With --model NAME and no downloaded weights, random weights of the real shapes are used (offline).",
            "With --json, the last line of standard output is a JSON object of the results."})
public final class BenchCommand implements Callable<Integer> {
    // Fixed so that two runs benchmark the same numbers (the input and any random weights).
    private static final long SEED = 42;
    private static final int IMAGE_SIZE = 224;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSelection source;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1", description = "Images per run. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    RunOptions run;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "5", description = "Untimed runs after the first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "20", description = "Timed runs. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--json", description = "End the output with one line of JSON.")
    boolean json;

    @Option(names = "--profile", description = "Also time every step on its own and print where the time goes, by op kind and by stage.")
    boolean profile;

    @Option(names = "--co-runner", paramLabel = "KIND[:N]", description = {
        "After the idle runs, start another process with N busy threads (spin: an integer loop; memory: a streaming add",
        "past the cache) and time the same runs again beside it, as on a shared machine. Default: none."})
    String coRunner;

    @Override
    public Integer call() throws java.io.IOException {
        checkCounts();
        Optional<CoRunner.Spec> contention;
        try {
            contention = CoRunner.Spec.parse(coRunner);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--co-runner: " + e.getMessage());
        }
        ModelOptions options = run.modelOptions(IMAGE_SIZE);
        ZooEntry entry = source.model != null ? ModelCatalog.entry(source.model) : null;
        Optional<Path> file = entry == null ? Optional.of(source.weights) : ModelCatalog.downloaded(entry);
        file.ifPresent(f -> CliFiles.requireReadableFile(f, "weights file"));
        String weightsLabel = file.map(Path::toString).orElseGet(() -> "random:" + entry.name());
        if (file.isEmpty()) {
            // Offline benchmarking needs only the shapes: the key list of every zoo model is bundled.
            PrintWriter err = spec.commandLine().getErr();
            err.println("no downloaded weights for " + entry.name() + ": benchmarking random weights with the real shapes");
            err.flush();
        }
        // Shared, as a service's buffers would be: a batch split runs its parts on the model's worker
        // threads, which cannot read a confined arena's memory (the batch would run whole).
        try (Arena arena = Arena.ofShared()) {
            long floats = (long) batch * 3 * IMAGE_SIZE * IMAGE_SIZE;
            MemorySegment input = randomInput(arena, floats);
            long start = System.nanoTime();
            try (EfficientFormerModel model = load(file, entry, options)) {
                MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, (long) batch * model.numClasses());
                model.predict(input, batch, logits);
                double startupMs = (System.nanoTime() - start) / 1e6;
                StatusLine status = StatusLine.of(spec);
                LatencyStats idle = timeRuns(model, input, logits, status, "bench");
                String description = (entry != null ? entry.name() : source.weights.getFileName().toString()) + " " + model.spec();
                LatencyStats contended = null;
                if (contention.isPresent()) {
                    try (CoRunner co = CoRunner.start(contention.get())) {
                        contended = timeRuns(model, input, logits, status, "bench beside the co-runner");
                        if (profile) {
                            profile(model, input, logits);
                        }
                    }
                } else if (profile) {
                    profile(model, input, logits);
                }
                report(model, description, weightsLabel, startupMs, idle, contended,
                        contention.map(CoRunner.Spec::toString).orElse("none"));
            }
        }
        return 0;
    }

    private void profile(EfficientFormerModel model, MemorySegment input, MemorySegment logits) {
        List<List<StepTime>> runs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            runs.add(model.profile(input, batch, logits));
        }
        ProfileReport.print(spec.commandLine().getOut(), runs);
    }

    /** W warm-up runs, then I timed runs; {@code label} starts the status line. */
    private LatencyStats timeRuns(EfficientFormerModel model, MemorySegment input, MemorySegment logits, StatusLine status, String label) {
        for (int i = 0; i < warmup; i++) {
            status.show(label + ": warm-up " + (i + 1) + "/" + warmup);
            model.predict(input, batch, logits);
        }
        long[] times = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            status.show(label + ": run " + (i + 1) + "/" + iterations);
            long t = System.nanoTime();
            model.predict(input, batch, logits);
            times[i] = System.nanoTime() - t;
        }
        status.clear();
        return LatencyStats.ofNanos(times);
    }

    private void checkCounts() {
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, got " + batch);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0, got " + warmup);
        }
        if (iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, got " + iterations);
        }
    }

    private static EfficientFormerModel load(Optional<Path> file, ZooEntry entry, ModelOptions options) {
        // fromWeights copies what it needs, so the checkpoint (or the random tensors) can go at once.
        try (WeightFile w = file.isPresent() ? CheckpointFormat.open(file.get()) : RandomWeights.of(entry.name(), SEED)) {
            return EfficientFormerModel.fromWeights(w, options);
        }
    }

    // Roughly the range of normalised ImageNet pixels, so that activations look like real ones.
    private static MemorySegment randomInput(Arena arena, long floats) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_FLOAT, floats);
        SplittableRandom r = new SplittableRandom(SEED);
        for (long i = 0; i < floats; i++) {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) r.nextGaussian());
        }
        return s;
    }

    private void report(EfficientFormerModel model, String description, String weightsLabel, double startupMs, LatencyStats stats,
                        LatencyStats contended, String coRunnerLabel) {
        double imagesPerS = batch / (stats.medianMs() / 1e3);
        double gflops = 2.0 * model.macsPerImage() * batch / (stats.medianMs() / 1e3) / 1e9;
        int threads = model.options().threads();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model       %s%n", description);
        out.printf(Locale.ROOT, "weights     %s%n", weightsLabel);
        out.printf(Locale.ROOT, "backend     %s, %d thread%s, batch %d, matmul precision %s%n", model.backendName(), threads,
                threads == 1 ? "" : "s", batch, model.options().matmulPrecision().label());
        out.printf(Locale.ROOT, "startup     %.1f ms (load + first batch)%n", startupMs);
        out.printf(Locale.ROOT, "latency     median %.3f ms, p90 %.3f ms, min %.3f ms (%d timed runs after %d warm-up)%n",
                stats.medianMs(), stats.p90Ms(), stats.minMs(), stats.runs(), warmup);
        out.printf(Locale.ROOT, "throughput  %.1f images/s, %.2f GFLOPS (%.3f GMACs per image)%n",
                imagesPerS, gflops, model.macsPerImage() / 1e9);
        if (contended != null) {
            out.printf(Locale.ROOT, "contended   median %.3f ms, p90 %.3f ms, min %.3f ms beside a co-runner (%s), %.2fx the idle median%n",
                    contended.medianMs(), contended.p90Ms(), contended.minMs(), coRunnerLabel, contended.medianMs() / stats.medianMs());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", description);
            m.put("weights", weightsLabel);
            m.put("backend", model.backendName());
            m.put("threads", threads);
            m.put("batch", batch);
            m.put("matmul_precision", model.options().matmulPrecision().label());
            m.put("warmup", warmup);
            m.put("iterations", iterations);
            m.put("startup_ms", startupMs);
            m.put("median_ms", stats.medianMs());
            m.put("p90_ms", stats.p90Ms());
            m.put("min_ms", stats.minMs());
            m.put("mean_ms", stats.meanMs());
            m.put("images_per_s", imagesPerS);
            m.put("gflops", gflops);
            m.put("macs_per_image", model.macsPerImage());
            if (contended != null) {
                m.put("co_runner", coRunnerLabel);
                m.put("contended_median_ms", contended.medianMs());
                m.put("contended_p90_ms", contended.p90Ms());
                m.put("contended_min_ms", contended.minMs());
            }
            out.println(Json.write(m));
        }
        out.flush();
    }
}
