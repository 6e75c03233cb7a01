package dev.efficientformer.backend.java;

import dev.efficientformer.EfficientFormerException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one plan: {@code threads - 1} daemon workers plus the thread that calls
 * {@link #run}, so that a plan uses exactly its thread count. Dispatching a step publishes it
 * through a volatile generation counter; workers spin briefly between steps (a plan's steps come
 * back to back) and park when idle. Nothing is allocated per step or per run: no tasks, no
 * futures, no fork/join.
 *
 * <p>Thread-safety: {@link #run} is called by one thread at a time (the plan's contract);
 * {@link #close} may be called from any thread, not concurrently with {@link #run}.
 */
final class WorkerPool implements AutoCloseable {
    /** Spin iterations before parking (about 50 to 100 microseconds of PAUSE). */
    private static final int SPINS = 1 << 11;

    private final Thread[] workers;
    private final int parts;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile VectorStep step;
    private volatile int generation;
    private volatile boolean shutdown;
    private volatile Thread waiter;
    private volatile Throwable failure;

    WorkerPool(int threads, String name) {
        this.parts = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            Thread t = new Thread(() -> work(part), name + "-worker-" + part);
            t.setDaemon(true);
            workers[i] = t;
        }
        for (int i = 0; i < workers.length; i++) {
            try {
                workers[i].start();
            } catch (OutOfMemoryError e) {
                // "unable to create native thread": the process or the machine has no thread left.
                // The ones already started are stopped, and the caller gets our exception.
                shutdown = true;
                for (int j = 0; j < i; j++) {
                    LockSupport.unpark(workers[j]);
                }
                throw new EfficientFormerException("could not start thread " + (i + 2) + " of " + threads + " for the java backend ("
                        + e.getMessage() + "): ask for fewer threads, or raise the process's limit (ulimit -u)", e);
            }
        }
    }

    /** Shares of work per step: the plan's thread count. */
    int parts() {
        return parts;
    }

    /** Runs {@code s} on every thread and returns when all shares are done; rethrows a worker's failure. */
    void run(VectorStep s) {
        failure = null;
        step = s;
        pending.set(workers.length);
        generation = generation + 1;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable mine = null;
        try {
            s.run(0, parts);
        } catch (Throwable t) {
            mine = t;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                waiter = Thread.currentThread();
                if (pending.get() != 0) {
                    LockSupport.parkNanos(this, 200_000L);
                }
                waiter = null;
            }
        }
        Throwable f = mine != null ? mine : failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void work(int part) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !shutdown) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (shutdown) {
                return;
            }
            seen = generation;
            try {
                step.run(part, parts);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }

    @Override
    public void close() {
        shutdown = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
