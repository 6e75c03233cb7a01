package dev.efficientformer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a batch as independent parts at once, one per thread: the calling thread runs the first
 * part, worker threads the others, and nobody waits for anybody until all parts are done. On
 * several threads one plan waits at a barrier after every parallel step (oneDNN runs 123
 * primitives per V2-S0 prediction, 144 for S1); parts on one-thread plans have none, and an image's logits do not depend on the
 * batch it is computed in (checked by {@code BatchSplitTest}), so the split changes speed only.
 *
 * <p>Experimental and off by default: {@code -Defficientformer.batchSplit=true} (read when a model
 * is loaded). Measured on a Zen 3 VM (AVX2, 2 vCPUs): a gain for V2 at batch 8 on two threads,
 * none for L1 (docs/benchmarks.md).
 *
 * <p>Thread-safety: {@link #run} may be called from several threads at once (parts queue for the
 * workers); {@link #close} stops the workers once no run is in flight (the model's lifecycle
 * lock guarantees that).
 */
final class BatchSplit implements AutoCloseable {
    /** The system property that turns the split on. */
    static final String PROPERTY = "efficientformer.batchSplit";

    /** One part of a batch: images {@code [first, first + count)}. */
    @FunctionalInterface
    interface Part {
        void run(int first, int count);
    }

    private final int maxParts;
    private ThreadPoolExecutor workers;
    /** A worker thread, to ask whether a segment can be read there. */
    private volatile Thread aWorker;

    /** A split into at most {@code maxParts} parts (the model's thread count). */
    BatchSplit(int maxParts) {
        if (maxParts < 2) {
            throw new IllegalArgumentException("a batch split needs at least 2 parts, got " + maxParts);
        }
        this.maxParts = maxParts;
    }

    /** Whether {@link #PROPERTY} asks for the split. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Runs {@code batch} images as {@code parts} parts of {@code batch / parts} images (the first
     * {@code batch % parts} one more) and returns when all have ended. The first failure is thrown
     * after every part has ended (later ones suppressed into it), so no part still runs when the
     * caller returns its plans or the model closes.
     */
    void run(int parts, int batch, Part part) {
        if (parts < 2 || parts > maxParts || batch < parts) {
            throw new IllegalArgumentException("cannot split " + batch + " images into " + parts + " parts (at most " + maxParts + ")");
        }
        ThreadPoolExecutor pool = workers();
        int base = batch / parts;
        int extra = batch % parts;
        int firstCount = base + (extra > 0 ? 1 : 0);
        Future<?>[] running = new Future<?>[parts - 1];
        int first = firstCount;
        for (int p = 1; p < parts; p++) {
            int count = base + (p < extra ? 1 : 0);
            int from = first;
            running[p - 1] = pool.submit(() -> part.run(from, count));
            first += count;
        }
        Throwable failure = null;
        try {
            part.run(0, firstCount);
        } catch (Throwable e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    // The part holds a plan: it must end before the caller goes on.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else if (failure != e.getCause()) { // parts may throw one shared instance
                        failure.addSuppressed(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a part of a split batch failed", failure);
        }
    }

    /**
     * Whether the workers can access {@code segment}: not when it belongs to a confined arena (the
     * caller's), in which case the batch runs unsplit.
     */
    boolean reachable(java.lang.foreign.MemorySegment segment) {
        workers();
        return segment.isAccessibleBy(aWorker);
    }

    /** The worker pool, its threads all started (so {@link #aWorker} is set once this returns). */
    private synchronized ThreadPoolExecutor workers() {
        if (workers == null) {
            AtomicInteger n = new AtomicInteger();
            workers = new ThreadPoolExecutor(maxParts - 1, maxParts - 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "efficientformer-batch-part-" + n.incrementAndGet());
                t.setDaemon(true);
                aWorker = t;
                return t;
            });
            workers.prestartAllCoreThreads();
        }
        return workers;
    }

    /** Stops the worker threads (none runs a part by then). Idempotent. */
    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }
}
