package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.PlanGuard;
import dev.efficientformer.backend.PlanIo;
import dev.efficientformer.backend.StepTime;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;

/**
 * A graph compiled into oneDNN primitives with preallocated activations and one user-managed
 * scratchpad. {@link #run} copies the input in, executes the primitives in order on the plan's
 * stream with the plan's thread count, and copies the logits out: no allocation.
 *
 * <p>Thread-safety: one run at a time (see {@link Plan}), enforced by a {@link PlanGuard}: a
 * second concurrent run, or any use after close, throws {@link IllegalStateException}, and
 * {@link #close()} waits for a run in progress before freeing the native memory.
 */
final class DnnlPlan implements Plan {
    /** One step of a run, in order on the calling thread (the CPU stream executes synchronously). */
    sealed interface Step permits PrimitiveStep, SplitStep, DepthwiseKernelStep, UpsampleKernelStep, PoolMixerKernelStep, Conv1x1KernelStep, StemKernelStep {
        /** The op kind, for profiles. */
        String kind();

        /** The stage the step belongs to, for profiles. */
        String stage();

        /** Runs the step; a failing oneDNN status becomes a {@link DnnlException}. */
        void execute(MemorySegment stream);
    }

    /** One primitive execution: the primitive and its {@code dnnl_exec_arg_t} array. */
    record PrimitiveStep(String kind, String stage, MemorySegment primitive, MemorySegment args, int nargs) implements Step {
        @Override
        public void execute(MemorySegment stream) {
            int status = dnnl_primitive_execute(primitive, stream, nargs, args);
            if (status != 0) {
                throw new DnnlException("execute " + kind, status);
            }
        }
    }

    /** The bf16x3 split of {@code rows x channels} fp32 activations (see {@link Bf16x3Split}). */
    record SplitStep(String kind, String stage, MemorySegment src, MemorySegment dst, long rows, int channels) implements Step {
        @Override
        public void execute(MemorySegment stream) {
            Bf16x3Split.run(src, dst, rows, channels);
        }
    }

    /**
     * A value the plan can read back for {@link #tap}: its buffer and how it is laid out. A
     * feature map is {@code [B][C / channelBlock][H][W][channelBlock]} in memory (NHWC when the
     * block is all of C); anything else is row-major with {@code channelBlock} 1.
     */
    record TapSource(MemorySegment data, int[] perImageShape, int channelBlock) {
    }

    private final DnnlHandles handles;
    private final MemorySegment stream;
    private final Step[] steps;
    private final MemorySegment input;
    private final MemorySegment output;
    private final Map<String, TapSource> taps;
    private final int batch;
    private final int threads;
    private final int[] inputShape;
    private final int outputsPerImage;
    private final String isa;
    private final PlanGuard guard = new PlanGuard("dnnl plan");

    DnnlPlan(DnnlHandles handles, MemorySegment stream, List<Step> steps, MemorySegment input, MemorySegment output,
             Map<String, TapSource> taps, int batch, int threads, int[] inputShape, int outputsPerImage, String isa) {
        this.handles = handles;
        this.stream = stream;
        this.steps = steps.toArray(new Step[0]);
        this.input = input;
        this.output = output;
        this.taps = Map.copyOf(taps);
        this.batch = batch;
        this.threads = threads;
        this.inputShape = inputShape.clone();
        this.outputsPerImage = outputsPerImage;
        this.isa = isa;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int outputsPerImage() {
        return outputsPerImage;
    }

    @Override
    public void run(MemorySegment in, MemorySegment out) {
        PlanIo.checkSizes(in, input.byteSize() / Float.BYTES, out, output.byteSize() / Float.BYTES);
        runChecked(in, 0, out, 0);
    }

    /** A part of a larger batch: the input is copied in anyway, so no view of it is needed. */
    @Override
    public void run(MemorySegment in, long inOffset, MemorySegment out, long outOffset) {
        PlanIo.checkRanges(in, inOffset, input.byteSize() / Float.BYTES, out, outOffset, output.byteSize() / Float.BYTES);
        runChecked(in, inOffset, out, outOffset);
    }

    private void runChecked(MemorySegment in, long inOffset, MemorySegment out, long outOffset) {
        guard.enter();
        try {
            MemorySegment.copy(in, inOffset, input, 0, input.byteSize());
            OpenMpThreads.set(threads);
            // An indexed loop over an array: the run must not allocate, not even an iterator.
            for (int i = 0; i < steps.length; i++) {
                steps[i].execute(stream);
            }
            DnnlException.check(dnnl_stream_wait(stream), "wait for the stream");
            MemorySegment.copy(output, 0, out, outOffset, output.byteSize());
        } finally {
            guard.exit();
        }
    }

    @Override
    public List<StepTime> profile(MemorySegment in, MemorySegment out) {
        PlanIo.checkSizes(in, input.byteSize() / Float.BYTES, out, output.byteSize() / Float.BYTES);
        guard.enter();
        try {
            MemorySegment.copy(in, 0, input, 0, input.byteSize());
            OpenMpThreads.set(threads);
            List<StepTime> times = new java.util.ArrayList<>(steps.length);
            for (Step s : steps) {
                long t0 = System.nanoTime();
                s.execute(stream);
                DnnlException.check(dnnl_stream_wait(stream), "wait for the stream");
                times.add(new StepTime(s.kind(), s.stage(), System.nanoTime() - t0));
            }
            MemorySegment.copy(output, 0, out, 0, output.byteSize());
            return times;
        } finally {
            guard.exit();
        }
    }

    @Override
    public float[] tap(String name) {
        TapSource t;
        float[] raw;
        guard.enter();
        try {
            t = taps.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no tap named " + name + "; taps: " + taps.keySet());
            }
            raw = t.data.asSlice(0, elements(t) * Float.BYTES).toArray(ValueLayout.JAVA_FLOAT);
        } finally {
            guard.exit();
        }
        if (t.perImageShape.length != 3 || t.channelBlock == 1) {
            return raw;
        }
        // Blocked (or NHWC) in memory, NCHW expected by callers.
        int c = t.perImageShape[0];
        int hw = t.perImageShape[1] * t.perImageShape[2];
        int block = t.channelBlock;
        float[] out = new float[raw.length];
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch++) {
                int from = ((b * (c / block) + ch / block) * hw) * block + ch % block;
                int to = (b * c + ch) * hw;
                for (int p = 0; p < hw; p++) {
                    out[to + p] = raw[from + p * block];
                }
            }
        }
        return out;
    }

    private long elements(TapSource t) {
        long n = batch;
        for (int d : t.perImageShape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String describe() {
        long bf16x3 = java.util.Arrays.stream(steps).filter(s -> s instanceof SplitStep).count();
        return "dnnl (" + isa + ") batch " + batch + ", " + threads + (threads == 1 ? " thread" : " threads") + ", "
                + (steps.length - bf16x3) + " primitives" + (bf16x3 > 0 ? " (" + bf16x3 + " layers in bf16x3)" : "") + ", "
                + (handles.allocatedBytes() >> 20) + " MiB";
    }

    /** The primitive kinds in execution order, for profiles and tests. */
    List<String> stepKinds() {
        return java.util.Arrays.stream(steps).map(Step::kind).toList();
    }

    @Override
    public void close() {
        if (guard.close()) {
            handles.close();
        }
    }
}
