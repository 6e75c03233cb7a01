package dev.efficientformer.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * This process's resource use as Linux and the JVM report it: resident memory ({@code VmRSS} in
 * {@code /proc/self/status}), the JVM's native memory tracking total (committed), the part of that
 * total the JIT compilers hold, and open file descriptors ({@code /proc/self/fd}). Printed by the
 * child-JVM probes as one parseable line.
 *
 * <p>The JIT's share ({@code Code}, {@code Compiler}, {@code Arena Chunk}) is reported apart
 * because it moves by tens of MB when a large method compiles (an 18 MB spike in one sample failed
 * a CI run) and says nothing about our allocations, which NMT counts under {@code Other}.
 */
public record ProcessStats(long rssKb, long nmtCommittedKb, long jitKb, int openFiles, int threads) {
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_JIT = Pattern.compile(
            "-\\s+(?:Code|Compiler|Arena Chunk) \\(reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern LINE = Pattern.compile(
            " rssKb=(-?\\d+) nmtKb=(-?\\d+) jitKb=(-?\\d+) fds=(-?\\d+) threads=(-?\\d+)");

    /** The current values; the NMT figures are -1 without {@code -XX:NativeMemoryTracking}. */
    public static ProcessStats now() {
        try {
            long rss = -1;
            int threads = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            int fds;
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                fds = (int) s.count() - 1; // the listing's own descriptor
            }
            String nmt = nmtSummary();
            Matcher total = NMT_TOTAL.matcher(nmt);
            long committed = total.find() ? Long.parseLong(total.group(2)) : -1;
            long jit = committed < 0 ? -1 : 0;
            Matcher m = NMT_JIT.matcher(nmt);
            while (committed >= 0 && m.find()) {
                jit += Long.parseLong(m.group(1));
            }
            return new ProcessStats(rss, committed, jit, fds, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self", e);
        }
    }

    /**
     * How much resident memory grew from {@code earlier} to this, less the most the JIT's share
     * grew above {@code earlier}'s at any sample in between ({@code peakJitKb}, at least this
     * sample's): the C library keeps freed compiler arenas resident, so a JIT peak stays in
     * {@code VmRSS} after the JIT's share falls again.
     */
    public long rssGrowthWithoutJitKb(ProcessStats earlier, long peakJitKb) {
        return rssKb - earlier.rssKb - Math.max(0, Math.max(peakJitKb, jitKb) - earlier.jitKb);
    }

    /** How much tracked native memory grew from {@code earlier} to this, less the JIT's share. */
    public long nmtGrowthWithoutJitKb(ProcessStats earlier) {
        return nmtCommittedKb - jitKb - (earlier.nmtCommittedKb - earlier.jitKb);
    }

    /** How many open file descriptors point to a path containing {@code fragment}. */
    public static long openFilesMatching(String fragment) {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains(fragment);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile (the listing's own descriptor)
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    private static String nmtSummary() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            return "";
        }
    }

    /** {@code STATS <label> rssKb=.. nmtKb=.. jitKb=.. fds=.. threads=..}, what the probes print. */
    public String line(String label) {
        return "STATS " + label + " rssKb=" + rssKb + " nmtKb=" + nmtCommittedKb + " jitKb=" + jitKb + " fds=" + openFiles
                + " threads=" + threads;
    }

    /**
     * The largest JIT share among the numbered samples from {@code from} to {@code to}
     * (inclusive) in {@code output}.
     */
    public static long peakJitKb(String output, long from, long to) {
        Matcher m = Pattern.compile("STATS (\\d+)" + LINE.pattern()).matcher(output);
        long peak = 0;
        while (m.find()) {
            long label = Long.parseLong(m.group(1));
            if (label >= from && label <= to) {
                peak = Math.max(peak, Long.parseLong(m.group(4)));
            }
        }
        return peak;
    }

    /** Parses the {@link #line} printed under {@code label}. */
    public static ProcessStats parse(String output, String label) {
        Matcher m = Pattern.compile("STATS " + Pattern.quote(label) + LINE.pattern()).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no STATS " + label + " line in:\n" + output);
        }
        return new ProcessStats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }
}
