package dev.efficientformer.runtime;

import dev.efficientformer.EfficientFormerException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Proves, before a native thread pool grows on the calling thread, that the process can still
 * start that many threads. libgomp (oneDNN's OpenMP) creates a calling thread's team at its first
 * parallel region with a larger thread count, and when {@code pthread_create} fails there it
 * prints "Thread creation failed" and calls {@code exit()}: the whole JVM ends, no exception.
 * The limit that bites is RLIMIT_NPROC, counted over every process and thread of the <em>user</em>
 * (not this process), so {@link ThreadLimit}'s look at this process cannot see it coming. Starting
 * the same number of Java threads first turns the failure into our exception.
 *
 * <p>The probe runs once per calling thread and team size: again only when a larger team is asked
 * for than the last one on that thread (libgomp shrinks and regrows its team then). Its threads
 * have ended, and the kernel has counted them out, before it returns, so the slots they proved are
 * free for the native pool. Another process of the same user can still take them in between: the
 * probe narrows that window to microseconds, it cannot close it.
 *
 * <p>Thread-safety: safe from any thread; the memory of what was proven is per calling thread.
 */
public final class ThreadStartProbe {
    /** The team size last proven (and so last asked of the native pool) on each calling thread. */
    private static final ThreadLocal<int[]> PROVEN = ThreadLocal.withInitial(() -> new int[] {1});
    /** How long at most to wait for the kernel to count ended probe threads out (it takes microseconds). */
    private static final long SETTLE_NANOS = 20_000_000L;

    private ThreadStartProbe() {
    }

    /**
     * Makes sure a native pool of {@code threads} threads (the calling thread and
     * {@code threads - 1} helpers) can start on this thread.
     *
     * @param pool what the pool is, for the message (e.g. "oneDNN's OpenMP team")
     * @throws EfficientFormerException when the helpers cannot be started
     */
    public static void ensure(int threads, String pool) {
        int[] proven = PROVEN.get();
        if (threads <= proven[0]) {
            proven[0] = Math.max(threads, 1);
            return;
        }
        start(threads - 1, threads, pool);
        proven[0] = threads;
    }

    private static void start(int helpers, int threads, String pool) {
        Optional<Long> before = ThreadLimit.threadsOfThisProcess(Path.of("/proc/self/status"));
        CountDownLatch release = new CountDownLatch(1);
        Thread[] started = new Thread[helpers];
        int count = 0;
        try {
            for (; count < helpers; count++) {
                Thread t = new Thread(() -> awaitQuietly(release), "efficientformer-thread-probe");
                t.setDaemon(true);
                t.start();
                started[count] = t;
            }
        } catch (OutOfMemoryError e) {
            // "unable to create native thread": what libgomp would have met, minus its exit().
            release.countDown();
            joinAll(started, count);
            throw new EfficientFormerException("cannot start " + threads + " threads for " + pool + " on thread \""
                    + Thread.currentThread().getName() + "\": only " + (count + 1) + " could run (" + e.getMessage()
                    + "); this user's processes and threads have reached their limit (ulimit -u) or memory is short:"
                    + " ask for fewer threads or raise the limit", e);
        } finally {
            release.countDown();
        }
        joinAll(started, count);
        before.ifPresent(ThreadStartProbe::settle);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinAll(Thread[] threads, int count) {
        boolean interrupted = false;
        for (int i = 0; i < count; i++) {
            while (true) {
                try {
                    threads[i].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits (briefly, bounded) until the process is back to {@code threads} threads: a Java
     * thread's join returns before its kernel task is released, and the user's count drops only
     * then.
     */
    private static void settle(long threads) {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < deadline) {
            Optional<Long> now = ThreadLimit.threadsOfThisProcess(Path.of("/proc/self/status"));
            if (now.isEmpty() || now.get() <= threads) {
                return;
            }
            LockSupport.parkNanos(20_000);
        }
    }
}
