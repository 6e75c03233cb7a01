package dev.efficientformer.backend;

import java.lang.foreign.MemorySegment;

/**
 * A graph compiled for one batch size and thread count: weights in the backend's layout,
 * activations preallocated. Running allocates no native memory.
 *
 * <p>Thread-safety: one run at a time. One thread at a time may call {@link #run}; which thread
 * does not matter (plans hold no thread-local state). {@code EfficientFormerModel} pools plans so
 * that many threads can predict at once. Implementations should enforce this with a
 * {@link PlanGuard} (the oneDNN plan does): a concurrent run or a use after close then throws
 * {@link IllegalStateException} instead of corrupting results or touching freed memory, and
 * {@link #close()} waits for a run in progress.
 */
public interface Plan extends AutoCloseable {

    /** Images per run. */
    int batch();

    /** Per-image input shape {@code [3, H, W]}. */
    int[] inputShape();

    /** Outputs per image (the number of classes). */
    int outputsPerImage();

    /**
     * Runs the graph on {@code batch()} images: {@code input} holds {@code batch x 3 x H x W}
     * float32 values (NCHW, native byte order) and {@code output} receives
     * {@code batch x outputsPerImage()} logits. Callers check sizes; implementations check again
     * before anything reaches native code.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void run(MemorySegment input, MemorySegment output);

    /**
     * Runs like {@link #run(MemorySegment, MemorySegment)} on the {@code batch()} images that start
     * {@code inputOffset} bytes into {@code input}, writing their logits from {@code outputOffset}
     * bytes into {@code output}: a part of a larger batch, without a view of it. The default runs on
     * slices; plans that copy their input in and their logits out override it to allocate nothing.
     *
     * @throws dev.efficientformer.EfficientFormerException when a range lies outside its segment
     * @throws IllegalStateException after {@link #close()}
     */
    default void run(MemorySegment input, long inputOffset, MemorySegment output, long outputOffset) {
        long inputFloats = batch();
        for (int d : inputShape()) {
            inputFloats *= d;
        }
        long outputFloats = (long) batch() * outputsPerImage();
        PlanIo.checkRanges(input, inputOffset, inputFloats, output, outputOffset, outputFloats);
        run(input.asSlice(inputOffset, inputFloats * Float.BYTES), output.asSlice(outputOffset, outputFloats * Float.BYTES));
    }

    /**
     * Runs like {@link #run} but times every step on its own (waiting for each to finish, so the
     * total is a little above a normal run's): where the time goes, by op kind and by stage.
     * Allocates the returned list; not for the hot path.
     */
    java.util.List<StepTime> profile(MemorySegment input, MemorySegment output);

    /**
     * A copy of a named intermediate value from the last run, as row-major floats
     * {@code [batch, ...per-image shape]}, for checking stages against a reference.
     *
     * @throws IllegalArgumentException when the graph has no such tap
     */
    float[] tap(String name);

    /** A description for logs and benchmarks, e.g. {@code dnnl (avx512_core) batch 1, 1 thread}. */
    String describe();

    /** Frees the plan's memory. Idempotent. */
    @Override
    void close();
}
