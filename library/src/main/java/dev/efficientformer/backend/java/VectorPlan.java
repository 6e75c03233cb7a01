package dev.efficientformer.backend.java;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.PlanIo;
import dev.efficientformer.graph.Graph;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Map;

/**
 * A graph compiled for the vector tier (see {@link VectorPlanCompiler}): steps over preallocated
 * heap arrays, run in order; a plan with {@code threads > 1} splits every step between its
 * {@link WorkerPool} and the calling thread. {@link #run} copies the input in, runs the steps and
 * copies the logits out: it allocates nothing.
 *
 * <p>A plan with several threads owns {@code threads - 1} daemon worker threads until
 * {@link #close()} (they park when idle; an unclosed plan keeps them, and is kept by them).
 *
 * <p>Thread-safety: not thread-safe (see {@link Plan}); {@link #close()} must not race with
 * {@link #run}.
 */
final class VectorPlan implements Plan {
    private final Graph graph;
    private final int batch;
    private final int threads;
    private final VectorStep[] steps;
    /** The model part of each step, for profiles. */
    private final String[] stages;
    private final float[] input;
    private final int inputFloats;
    private final float[] output;
    private final int outputFloats;
    private final Map<String, float[]> taps;
    private final Map<String, Integer> tapSizes;
    private final WorkerPool pool;
    private final dev.efficientformer.backend.PlanGuard guard = new dev.efficientformer.backend.PlanGuard("java (vector) plan");

    VectorPlan(Graph graph, int batch, int threads, VectorStep[] steps, String[] stages, float[] input, int inputFloats, float[] output,
               int outputFloats, Map<String, float[]> taps, Map<String, Integer> tapSizes) {
        this.graph = graph;
        this.batch = batch;
        this.threads = threads;
        this.steps = steps;
        this.stages = stages;
        this.input = input;
        this.inputFloats = inputFloats;
        this.output = output;
        this.outputFloats = outputFloats;
        this.taps = Map.copyOf(taps);
        this.tapSizes = Map.copyOf(tapSizes);
        this.pool = threads > 1 ? new WorkerPool(threads, "efficientformer-java") : null;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int[] inputShape() {
        return graph.input().shape();
    }

    @Override
    public int outputsPerImage() {
        return (int) graph.output().elementsPerImage();
    }

    @Override
    public void run(MemorySegment in, MemorySegment out) {
        PlanIo.checkSizes(in, inputFloats, out, outputFloats);
        run(in, 0, out, 0);
    }

    /** A part of a larger batch: the input is copied in anyway, so no view of it is needed. */
    @Override
    public void run(MemorySegment in, long inOffset, MemorySegment out, long outOffset) {
        guard.enter();
        try {
            PlanIo.checkRanges(in, inOffset, inputFloats, out, outOffset, outputFloats);
            MemorySegment.copy(in, ValueLayout.JAVA_FLOAT, inOffset, input, 0, inputFloats);
            for (int i = 0; i < steps.length; i++) {
                if (pool == null) {
                    steps[i].run(0, 1);
                } else {
                    pool.run(steps[i]);
                }
            }
            MemorySegment.copy(output, 0, out, ValueLayout.JAVA_FLOAT, outOffset, outputFloats);
        } finally {
            guard.exit();
        }
    }

    @Override
    public java.util.List<dev.efficientformer.backend.StepTime> profile(MemorySegment in, MemorySegment out) {
        guard.enter();
        try {
            PlanIo.checkSizes(in, inputFloats, out, outputFloats);
            MemorySegment.copy(in, ValueLayout.JAVA_FLOAT, 0, input, 0, inputFloats);
            java.util.List<dev.efficientformer.backend.StepTime> times = new java.util.ArrayList<>(steps.length);
            for (int i = 0; i < steps.length; i++) {
                long t0 = System.nanoTime();
                if (pool == null) {
                    steps[i].run(0, 1);
                } else {
                    pool.run(steps[i]);
                }
                times.add(new dev.efficientformer.backend.StepTime(steps[i].kind(), stages[i], System.nanoTime() - t0));
            }
            MemorySegment.copy(output, 0, out, ValueLayout.JAVA_FLOAT, 0, outputFloats);
            return times;
        } finally {
            guard.exit();
        }
    }

    @Override
    public float[] tap(String name) {
        float[] b = taps.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no tap named " + name + "; taps: " + taps.keySet());
        }
        return Arrays.copyOf(b, tapSizes.get(name));
    }

    @Override
    public String describe() {
        return "java (vector, " + VectorTier.bits() + "-bit, " + VectorTier.lanes() + " float lanes) batch " + batch + ", " + threads
                + (threads == 1 ? " thread" : " threads") + ", " + steps.length + " steps";
    }

    /** The step kinds in execution order, for profiles and tests. */
    String[] stepKinds() {
        return Arrays.stream(steps).map(VectorStep::kind).toArray(String[]::new);
    }

    @Override
    public void close() {
        // Waits for a run in progress, so the workers are never stopped under it.
        if (guard.close() && pool != null) {
            pool.close();
        }
    }
}
