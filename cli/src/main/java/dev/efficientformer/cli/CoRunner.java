package dev.efficientformer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Another process that keeps cores busy while a benchmark runs: services share their cores with
 * GC, JIT, request handlers and neighbours, and a parallel region that waits for its slowest
 * thread suffers from that more than anything an idle machine shows. Used by {@code bench
 * --co-runner} and the JMH model benchmarks ({@code -p coRunner=spin}).
 *
 * <p>Kinds: {@code spin} (an integer loop: takes a core's time, not its memory) and {@code memory}
 * (a streaming add over 64 MiB per thread: takes time, memory bandwidth and the shared cache).
 * The process is a JVM started from this one's class path; it ends when it is closed, and on its
 * own when this process ends (its standard input closes).
 *
 * <p>Thread-safety: {@link #close} may be called from any thread, more than once.
 */
public final class CoRunner implements AutoCloseable {
    private static final String READY = "co-runner ready";

    /** What a co-runner thread does. */
    public enum Kind {
        /** An integer loop that never touches memory. */
        SPIN,
        /** A streaming add over arrays larger than the last-level cache. */
        MEMORY
    }

    /**
     * A co-runner: its kind and number of busy threads.
     *
     * @param kind what each thread does
     * @param threads busy threads, at least 1
     */
    public record Spec(Kind kind, int threads) {
        /** Checks the thread count. */
        public Spec {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("a co-runner has 1 to 256 threads, got " + threads);
            }
        }

        /**
         * Parses {@code KIND[:THREADS]}, e.g. {@code spin} or {@code memory:2}; {@code none} (or
         * empty) is no co-runner.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static java.util.Optional<Spec> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.equals("none")) {
                return java.util.Optional.empty();
            }
            String[] parts = t.split(":", -1);
            Kind kind = switch (parts[0]) {
                case "spin" -> Kind.SPIN;
                case "memory" -> Kind.MEMORY;
                default -> throw new IllegalArgumentException("unknown co-runner kind '" + parts[0] + "': spin or memory");
            };
            if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("\\d{1,3}"))) {
                throw new IllegalArgumentException("a co-runner is KIND[:THREADS], e.g. spin or memory:2, got '" + text + "'");
            }
            return java.util.Optional.of(new Spec(kind, parts.length == 2 ? Integer.parseInt(parts[1]) : 1));
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + ":" + threads;
        }
    }

    private final Spec spec;
    private final Process process;

    private CoRunner(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * Starts a co-runner process and returns once its threads are busy.
     *
     * @throws IOException when the process cannot start or ends before it is ready
     */
    public static CoRunner start(Spec spec) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xmx" + (spec.threads() * 160 + 64) + "m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CoRunner.class.getName());
        cmd.add(spec.kind().name());
        cmd.add(Integer.toString(spec.threads()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!READY.equals(line)) {
            p.destroyForcibly();
            throw new IOException("the co-runner process (" + spec + ") did not start: " + line);
        }
        return new CoRunner(spec, p);
    }

    /**
     * Starts the co-runner that {@code text} describes ({@link Spec#parse}), or none for
     * {@code none}.
     */
    public static java.util.Optional<CoRunner> startIfAny(String text) throws IOException {
        java.util.Optional<Spec> spec = Spec.parse(text);
        return spec.isPresent() ? java.util.Optional.of(start(spec.get())) : java.util.Optional.empty();
    }

    /** What runs. */
    public Spec spec() {
        return spec;
    }

    /** Stops the co-runner and waits for its process to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The co-runner process: {@code KIND THREADS}; runs until its standard input closes. */
    public static void main(String[] args) throws IOException {
        Kind kind = Kind.valueOf(args[0]);
        int threads = Integer.parseInt(args[1]);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(kind == Kind.SPIN ? CoRunner::spin : CoRunner::stream, "co-runner-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println(READY);
        System.out.flush();
        // Ends with the parent: its end closes this pipe.
        while (System.in.read() >= 0) {
            // Nothing is sent; only the end of input matters.
        }
        System.exit(0);
    }

    private static volatile long sink;

    private static void spin() {
        long x = System.nanoTime() | 1;
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            sink = x;
        }
    }

    private static void stream() {
        // 2 x 32 MiB: past the last-level cache of the machines this runs on, so every pass reads
        // and writes memory.
        int n = 8 << 20;
        float[] a = new float[n];
        float[] b = new float[n];
        java.util.Arrays.fill(b, 1f);
        while (true) {
            for (int i = 0; i < n; i++) {
                a[i] = a[i] * 0.5f + b[i];
            }
            sink = Float.floatToRawIntBits(a[n / 2]);
        }
    }
}
