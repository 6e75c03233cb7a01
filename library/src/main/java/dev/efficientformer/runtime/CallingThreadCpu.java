package dev.efficientformer.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the calling thread, for {@link AdaptiveThreadCount}'s share signal: read through
 * the JVM (a {@code clock_gettime} of the thread's CPU clock on Linux), without allocating.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class CallingThreadCpu {
    private static final ThreadMXBean THREADS = supported();

    private CallingThreadCpu() {
    }

    private static ThreadMXBean supported() {
        try {
            ThreadMXBean t = ManagementFactory.getThreadMXBean();
            return t.isCurrentThreadCpuTimeSupported() && t.isThreadCpuTimeEnabled() ? t : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no java.management, or a JVM without thread CPU clocks: the share stays unknown
        }
    }

    /** The calling thread's CPU time in nanoseconds, or -1 when the JVM cannot tell. */
    public static long nanos() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadCpuTime();
    }
}
