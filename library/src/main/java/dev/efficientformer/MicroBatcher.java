package dev.efficientformer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects single-image requests from many threads and runs them as batches: a batch starts when
 * {@code maxBatch} images are waiting or {@code maxWait} has passed since the first one arrived,
 * whichever comes first, and each caller gets the logits of its own image. For services, where
 * batching several requests uses the cores better than running them one by one.
 *
 * <pre>{@code
 * try (MicroBatcher batcher = new MicroBatcher(model, 8, Duration.ofMillis(5))) {
 *     float[] logits = batcher.predict(chw);          // from any number of request threads
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #submit} and {@link #predict} may be called from any thread. One
 * dispatcher thread (a daemon) runs the batches. {@link #close()} stops accepting requests, runs
 * those already queued, and waits for the dispatcher; it does not close the model.
 */
public final class MicroBatcher implements AutoCloseable {
    private record Request(float[] chw, CompletableFuture<float[]> result) {
    }

    private static final Request STOP = new Request(new float[0], new CompletableFuture<>());

    private final EfficientFormerModel model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong images = new AtomicLong();
    private volatile boolean closed;

    /**
     * A batcher over {@code model}.
     *
     * @param maxBatch the largest batch run at once (at least 1)
     * @param maxWait how long the first request of a batch may wait for others
     */
    public MicroBatcher(EfficientFormerModel model, int maxBatch, Duration maxWait) {
        if (maxBatch < 1) {
            throw new EfficientFormerException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (maxWait.isNegative()) {
            throw new EfficientFormerException("maxWait must not be negative, got " + maxWait);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.dispatcher = Thread.ofPlatform().daemon().name("efficientformer-microbatcher").start(this::dispatch);
    }

    /**
     * Queues one preprocessed image ({@code [3, size, size]} CHW floats; copied) and returns its
     * logits when its batch has run.
     *
     * @throws EfficientFormerException when the array has the wrong length
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<float[]> submit(float[] chw) {
        if (chw.length != model.inputFloatsPerImage()) {
            throw new EfficientFormerException("image has " + chw.length + " floats, the model needs " + model.inputFloatsPerImage());
        }
        Request r = new Request(chw.clone(), new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("micro-batcher is closed");
            }
            queue.add(r);
        }
        return r.result;
    }

    /**
     * {@link #submit} and wait for the logits.
     *
     * @throws EfficientFormerException or another runtime exception, as the batch failed
     */
    public float[] predict(float[] chw) {
        try {
            return submit(chw).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Batches run so far. */
    public long batchesRun() {
        return batches.get();
    }

    /** Images run so far. */
    public long imagesRun() {
        return images.get();
    }

    private void dispatch() {
        int per = model.inputFloatsPerImage();
        int classes = model.numClasses();
        List<Request> batch = new ArrayList<>(maxBatch);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate((long) maxBatch * per * Float.BYTES, 64);
            MemorySegment out = arena.allocate((long) maxBatch * classes * Float.BYTES, 64);
            boolean stopping = false;
            while (!stopping) {
                Request first = take();
                if (first == STOP) {
                    break;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    Request next = poll(deadline - System.nanoTime());
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        stopping = true;
                        break;
                    }
                    batch.add(next);
                }
                run(batch, in, out, per, classes);
                batch.clear();
            }
        }
    }

    private Request take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() ends the dispatcher, through STOP, so that queued requests are served.
            }
        }
    }

    private Request poll(long nanos) {
        if (nanos <= 0) {
            return queue.poll();
        }
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    private void run(List<Request> batch, MemorySegment in, MemorySegment out, int per, int classes) {
        int n = batch.size();
        try {
            for (int i = 0; i < n; i++) {
                MemorySegment.copy(batch.get(i).chw, 0, in, ValueLayout.JAVA_FLOAT, (long) i * per * Float.BYTES, per);
            }
            model.predict(in.asSlice(0, (long) n * per * Float.BYTES), n, out.asSlice(0, (long) n * classes * Float.BYTES));
            batches.incrementAndGet();
            images.addAndGet(n);
            for (int i = 0; i < n; i++) {
                float[] logits = new float[classes];
                MemorySegment.copy(out, ValueLayout.JAVA_FLOAT, (long) i * classes * Float.BYTES, logits, 0, classes);
                batch.get(i).result.complete(logits);
            }
        } catch (RuntimeException | Error e) {
            for (Request r : batch) {
                r.result.completeExceptionally(e);
            }
        }
    }

    /** Stops accepting requests, runs the queued ones, and waits for the dispatcher. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (dispatcher.isAlive()) {
            try {
                dispatcher.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
