package dev.efficientformer;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs a batch as independent parts at once, one per thread: the calling thread runs the first
 * part, worker threads the others, and nobody waits for anybody until all parts are done. On
 * several threads one plan waits at a barrier after every parallel step (oneDNN runs 123
 * primitives per V2-S0 prediction, 144 for S1); parts on one-thread plans have none, and an
 * image's logits do not depend on the batch it is computed in (checked by {@code BatchSplitTest}),
 * so the split changes speed only.
 *
 * <p>On by default where it applies (see {@link EfficientFormerModel}); {@code
 * -Defficientformer.batchSplit=false}, read when a model is loaded, turns it off. Measured on a Zen
 * 3 VM (AVX2, 2 vCPUs) in paired rounds against ONNX Runtime, split and unsplit runs one after the
 * other: level with the unsplit batch within the noise for V1, faster for most V2 models at batch 8
 * on two threads and for all beside a busy neighbour (docs/benchmarks.md).
 *
 * <p>A split hands its parts to the workers through fields and {@link LockSupport}, so it
 * allocates nothing once the workers exist (the first split starts them).
 *
 * <p>Thread-safety: one split at a time: {@link #tryAcquire()} claims the workers (a caller that
 * finds them busy runs its batch whole), {@link #run} runs, {@link #release()} frees them.
 * {@link #close} stops the workers once no split is in flight (the model's lifecycle lock
 * guarantees that).
 */
final class BatchSplit implements AutoCloseable {
    /** The system property that turns the split off ({@code false}). */
    static final String PROPERTY = "efficientformer.batchSplit";

    /** One part of a batch: images {@code [first, first + count)} of {@code input} into {@code logits}. */
    @FunctionalInterface
    interface Part {
        void run(MemorySegment input, MemorySegment logits, int first, int count);
    }

    private final int maxParts;
    private final Part part;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Object startLock = new Object();
    /** Started by the first split; a volatile array reference published whole. */
    private volatile Worker[] workers;
    private volatile boolean closed;
    /** Starts a worker's thread (tests: one that fails). */
    private final Consumer<Thread> starter;
    /** Set when a worker thread could not be started (the user's thread limit): batches run whole. */
    private volatile boolean unavailable;

    /** A split into at most {@code maxParts} parts (the model's thread count), each run by {@code part}. */
    BatchSplit(int maxParts, Part part) {
        this(maxParts, part, Thread::start);
    }

    BatchSplit(int maxParts, Part part, Consumer<Thread> starter) {
        if (maxParts < 2) {
            throw new IllegalArgumentException("a batch split needs at least 2 parts, got " + maxParts);
        }
        this.maxParts = maxParts;
        this.part = part;
        this.starter = starter;
    }

    /** Whether {@link #PROPERTY} leaves the split on (anything but {@code false}). */
    static boolean requested() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /** Claims the workers for one split; false when another split holds them. */
    boolean tryAcquire() {
        return busy.compareAndSet(false, true);
    }

    /** Frees the workers claimed by {@link #tryAcquire()}. */
    void release() {
        busy.set(false);
    }

    /**
     * Runs {@code batch} images as {@code parts} parts of {@code batch / parts} images (the first
     * {@code batch % parts} one more) and returns when all have ended. The first failure is thrown
     * after every part has ended (later ones suppressed into it), so no part still runs when the
     * caller returns its plans or the model closes. Needs the workers claimed.
     */
    void run(int parts, int batch, MemorySegment input, MemorySegment logits) {
        if (parts < 2 || parts > maxParts || batch < parts) {
            throw new IllegalArgumentException("cannot split " + batch + " images into " + parts + " parts (at most " + maxParts + ")");
        }
        if (!busy.get()) {
            throw new IllegalStateException("a split needs the workers claimed (tryAcquire)");
        }
        Worker[] ws = workers();
        if (ws == null) {
            throw new IllegalStateException("the batch split's worker threads could not be started");
        }
        int base = batch / parts;
        int extra = batch % parts;
        int firstCount = base + (extra > 0 ? 1 : 0);
        Thread caller = Thread.currentThread();
        int first = firstCount;
        for (int p = 1; p < parts; p++) {
            int count = base + (p < extra ? 1 : 0);
            ws[p - 1].post(caller, input, logits, first, count);
            first += count;
        }
        Throwable failure = null;
        try {
            part.run(input, logits, 0, firstCount);
        } catch (Throwable e) {
            failure = e;
        }
        boolean interrupted = false;
        for (int p = 1; p < parts; p++) {
            Worker w = ws[p - 1];
            // The part holds a plan: it must end before the caller goes on, interrupted or not.
            while (w.state != Worker.DONE) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            Throwable e = w.collect();
            if (e != null) {
                if (failure == null) {
                    failure = e;
                } else if (failure != e) { // parts may throw one shared instance
                    failure.addSuppressed(e);
                }
            }
        }
        if (interrupted) {
            caller.interrupt();
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
     * caller's), nor when the workers could not be started; the batch then runs whole.
     */
    boolean reachable(MemorySegment segment) {
        Worker[] ws = workers();
        return ws != null && segment.isAccessibleBy(ws[0].thread);
    }

    /** The workers, started on first use; null when they cannot be started. */
    private Worker[] workers() {
        Worker[] ws = workers;
        if (ws == null && !unavailable) {
            synchronized (startLock) {
                ws = workers;
                if (ws == null && !unavailable) {
                    if (closed) {
                        throw new IllegalStateException("batch split is closed");
                    }
                    ws = new Worker[maxParts - 1];
                    try {
                        for (int i = 0; i < ws.length; i++) {
                            ws[i] = new Worker(i + 1);
                        }
                        workers = ws;
                    } catch (OutOfMemoryError e) {
                        // "unable to create native thread": the user's process limit (ulimit -u). The
                        // unsplit batch still runs, or fails with the library's own message.
                        unavailable = true;
                        for (Worker w : ws) {
                            if (w != null) {
                                w.stop();
                            }
                        }
                        ws = null;
                    }
                }
            }
        }
        return ws;
    }

    /** Stops the worker threads (none runs a part by then). Idempotent. */
    @Override
    public void close() {
        synchronized (startLock) {
            closed = true;
            Worker[] ws = workers;
            workers = null;
            if (ws != null) {
                for (Worker w : ws) {
                    w.stop();
                }
            }
        }
    }

    /** A daemon thread that runs one posted part at a time. */
    private final class Worker implements Runnable {
        static final int IDLE = 0;
        static final int POSTED = 1;
        static final int DONE = 2;

        final Thread thread;
        /** Written by the caller before POSTED, by the worker before DONE: the volatile state orders the rest. */
        volatile int state = IDLE;
        private Thread caller;
        private MemorySegment input;
        private MemorySegment logits;
        private int first;
        private int count;
        private Throwable failure;

        /** Set by {@link #stop()}: the thread ends once no part is posted. */
        private volatile boolean stopped;

        Worker(int n) {
            thread = new Thread(this, "efficientformer-batch-part-" + n);
            thread.setDaemon(true);
            starter.accept(thread);
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        void post(Thread caller, MemorySegment input, MemorySegment logits, int first, int count) {
            this.caller = caller;
            this.input = input;
            this.logits = logits;
            this.first = first;
            this.count = count;
            this.failure = null;
            state = POSTED;
            LockSupport.unpark(thread);
        }

        /** The part's failure (or null) once it is DONE; makes the worker idle again. */
        Throwable collect() {
            Throwable e = failure;
            failure = null;
            state = IDLE;
            return e;
        }

        @Override
        public void run() {
            while (true) {
                while (state != POSTED) {
                    if (stopped) {
                        return;
                    }
                    LockSupport.park(BatchSplit.this);
                }
                try {
                    part.run(input, logits, first, count);
                } catch (Throwable e) {
                    failure = e;
                }
                // Not kept past the part: the caller's memory is the caller's.
                input = null;
                logits = null;
                Thread c = caller;
                caller = null;
                state = DONE;
                LockSupport.unpark(c);
            }
        }
    }
}
