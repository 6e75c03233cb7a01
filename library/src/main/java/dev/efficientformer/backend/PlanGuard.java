package dev.efficientformer.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces a {@link Plan}'s contract instead of trusting it: one run at a time, nothing after
 * close, and a close that waits for the run in progress instead of freeing memory under it. A
 * second thread entering a busy plan gets an {@link IllegalStateException} at once (two runs on
 * one plan would share its activation memory and give wrong results); a plan used after close
 * gets one too (its native memory is gone). Entering and leaving allocate nothing.
 *
 * <pre>{@code
 * guard.enter();
 * try { ... } finally { guard.exit(); }
 * }</pre>
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class PlanGuard {
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final String what;

    /** A guard for the plan described as {@code what} in messages (e.g. "dnnl plan"). */
    public PlanGuard(String what) {
        this.what = what;
    }

    /**
     * Marks the plan busy.
     *
     * @throws IllegalStateException when it is closed, or running on another thread
     */
    public void enter() {
        int s = state.compareAndExchange(IDLE, BUSY);
        if (s == IDLE) {
            return;
        }
        if (s == CLOSED) {
            throw new IllegalStateException(what + " is closed");
        }
        throw new IllegalStateException(what + " is already running on another thread: a plan runs one batch at a"
                + " time (EfficientFormerModel gives each concurrent prediction a plan of its own)");
    }

    /** Marks the plan idle again; call once after each successful {@link #enter()}. */
    public void exit() {
        state.set(IDLE);
    }

    /**
     * Marks the plan closed, first waiting for a run in progress to end. Returns {@code true} the
     * first time, when the caller must free the plan's memory; {@code false} when it was closed
     * already.
     */
    public boolean close() {
        while (true) {
            int s = state.compareAndExchange(IDLE, CLOSED);
            if (s == IDLE) {
                return true;
            }
            if (s == CLOSED) {
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
    }

    /** Whether {@link #close()} has happened. */
    public boolean isClosed() {
        return state.get() == CLOSED;
    }
}
