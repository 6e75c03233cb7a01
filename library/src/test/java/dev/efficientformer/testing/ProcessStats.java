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
 * {@code /proc/self/status}), the JVM's native memory tracking total (committed), and open file
 * descriptors ({@code /proc/self/fd}). Printed by the child-JVM probes as one parseable line.
 */
public record ProcessStats(long rssKb, long nmtCommittedKb, int openFiles, int threads) {
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    /** The current values; {@code nmtCommittedKb} is -1 without {@code -XX:NativeMemoryTracking}. */
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
            return new ProcessStats(rss, nmtCommitted(), fds, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self", e);
        }
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

    private static long nmtCommitted() {
        try {
            String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            Matcher m = NMT_TOTAL.matcher(out);
            return m.find() ? Long.parseLong(m.group(2)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** {@code STATS <label> rssKb=.. nmtKb=.. fds=.. threads=..}, what the probes print. */
    public String line(String label) {
        return "STATS " + label + " rssKb=" + rssKb + " nmtKb=" + nmtCommittedKb + " fds=" + openFiles + " threads=" + threads;
    }

    /** Parses the {@link #line} printed under {@code label}. */
    public static ProcessStats parse(String output, String label) {
        Matcher m = Pattern.compile("STATS " + Pattern.quote(label) + " rssKb=(-?\\d+) nmtKb=(-?\\d+) fds=(-?\\d+) threads=(-?\\d+)")
                .matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no STATS " + label + " line in:\n" + output);
        }
        return new ProcessStats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }
}
