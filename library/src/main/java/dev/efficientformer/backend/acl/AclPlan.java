package dev.efficientformer.backend.acl;

import static dev.efficientformer.bindings.acl.efficientformer_acl_h.*;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.PlanIo;
import dev.efficientformer.backend.StepTime;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A graph compiled into handles of the Arm Compute Library shim, with preallocated activations in
 * one shared arena. {@link #run} transposes the NCHW input into the plan's NHWC input buffer, runs
 * the handles in order, and writes the output (back in row-major NCHW for a feature map): no
 * allocation, Java or native.
 *
 * <p>Thread-safety: not thread-safe (see {@link Plan}); {@link #close()} must not race with
 * {@link #run} (the owning model guarantees that). Runs of different plans may overlap; the shim
 * serialises them, because ACL's scheduler is one thread pool per process.
 */
final class AclPlan implements Plan {
    static final int CONV = 0;
    static final int POOL = 1;
    static final int LINEAR = 2;
    static final int MATMUL = 3;
    static final int LAYERNORM = 4;
    static final int SOFTMAX = 5;
    static final int ACTIVATION = 6;
    static final int ELTWISE = 7;
    static final int DWCONV = 8;

    /**
     * One call of a shim handle's run function: {@code fn(op, a, b)} for the one-input ops,
     * {@code fn(op, a, b, c)} for eltwise ({@code dst = c}) and matmul ({@code C = c}).
     */
    record Step(String kind, String stage, int fn, MemorySegment op, MemorySegment a, MemorySegment b, MemorySegment c) {
        int run() {
            return switch (fn) {
                case CONV -> efacl_conv2d_run(op, a, b);
                case POOL -> efacl_avgpool_run(op, a, b);
                case LINEAR -> efacl_linear_run(op, a, b);
                case MATMUL -> efacl_matmul_run(op, a, b, c);
                case LAYERNORM -> efacl_layernorm_run(op, a, b);
                case SOFTMAX -> efacl_softmax_run(op, a, b);
                case ACTIVATION -> efacl_activation_run(op, a, b);
                case ELTWISE -> efacl_eltwise_run(op, a, b, c);
                case DWCONV -> efacl_dwconv2d_run(op, a, b);
                default -> throw new IllegalStateException("unknown step function " + fn);
            };
        }
    }

    /** A value the plan can read back for {@link #tap}: its buffer and how it is laid out. */
    record TapSource(MemorySegment data, int[] perImageShape, boolean channelsLast) {
    }

    private final AclHandles handles;
    private final Step[] steps;
    private final MemorySegment input;
    private final int[] inputShape;
    private final MemorySegment output;
    private final int[] outputShape;
    private final Map<String, TapSource> taps;
    private final int batch;
    private final int threads;
    private final int outputsPerImage;
    private final String cpu;
    private volatile boolean closed;

    AclPlan(AclHandles handles, List<Step> steps, MemorySegment input, int[] inputShape, MemorySegment output,
            int[] outputShape, Map<String, TapSource> taps, int batch, int threads, String cpu) {
        this.handles = handles;
        this.steps = steps.toArray(new Step[0]);
        this.input = input;
        this.inputShape = inputShape.clone();
        this.output = output;
        this.outputShape = outputShape.clone();
        this.taps = Map.copyOf(taps);
        this.batch = batch;
        this.threads = threads;
        long per = 1;
        for (int d : outputShape) {
            per *= d;
        }
        this.outputsPerImage = Math.toIntExact(per);
        this.cpu = cpu;
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
        begin(in, out);
        // An indexed loop over an array: the run must not allocate, not even an iterator.
        for (int i = 0; i < steps.length; i++) {
            Step s = steps[i];
            int status = s.run();
            if (status != 0) {
                throw new AclException("run " + s.kind + " (" + s.stage + ")", status);
            }
        }
        end(out);
    }

    @Override
    public List<StepTime> profile(MemorySegment in, MemorySegment out) {
        List<StepTime> times = new ArrayList<>(steps.length + 2);
        long t0 = System.nanoTime();
        begin(in, out);
        times.add(new StepTime(inputShape.length == 3 ? "input reorder" : "input copy", "stem", System.nanoTime() - t0));
        for (Step s : steps) {
            long t = System.nanoTime();
            int status = s.run();
            if (status != 0) {
                throw new AclException("run " + s.kind + " (" + s.stage + ")", status);
            }
            times.add(new StepTime(s.kind, s.stage, System.nanoTime() - t));
        }
        long t = System.nanoTime();
        end(out);
        times.add(new StepTime(outputShape.length == 3 ? "output reorder" : "output copy", "head", System.nanoTime() - t));
        return times;
    }

    /** Checks, sets the shim's thread count if another plan changed it, and brings the input in. */
    private void begin(MemorySegment in, MemorySegment out) {
        if (closed) {
            throw new IllegalStateException("plan is closed");
        }
        PlanIo.checkSizes(in, input.byteSize() / Float.BYTES, out, output.byteSize() / Float.BYTES);
        if (efacl_get_num_threads() != threads) {
            AclException.check(efacl_set_num_threads(threads), "set " + threads + " threads");
        }
        if (inputShape.length == 3) {
            nchwToNhwc(in, input, batch, inputShape[0], inputShape[1] * inputShape[2]);
        } else {
            MemorySegment.copy(in, 0, input, 0, input.byteSize());
        }
    }

    private void end(MemorySegment out) {
        if (outputShape.length == 3) {
            nhwcToNchw(output, out, batch, outputShape[0], outputShape[1] * outputShape[2]);
        } else {
            MemorySegment.copy(output, 0, out, 0, output.byteSize());
        }
    }

    /** {@code [B, C, HW] -> [B, HW, C]}. */
    static void nchwToNhwc(MemorySegment src, MemorySegment dst, int batch, int c, int hw) {
        for (int n = 0; n < batch; n++) {
            long base = (long) n * c * hw;
            for (int p = 0; p < hw; p++) {
                long to = base + (long) p * c;
                for (int ch = 0; ch < c; ch++) {
                    dst.setAtIndex(ValueLayout.JAVA_FLOAT, to + ch, src.getAtIndex(ValueLayout.JAVA_FLOAT, base + (long) ch * hw + p));
                }
            }
        }
    }

    /** {@code [B, HW, C] -> [B, C, HW]}. */
    static void nhwcToNchw(MemorySegment src, MemorySegment dst, int batch, int c, int hw) {
        for (int n = 0; n < batch; n++) {
            long base = (long) n * c * hw;
            for (int ch = 0; ch < c; ch++) {
                long to = base + (long) ch * hw;
                for (int p = 0; p < hw; p++) {
                    dst.setAtIndex(ValueLayout.JAVA_FLOAT, to + p, src.getAtIndex(ValueLayout.JAVA_FLOAT, base + (long) p * c + ch));
                }
            }
        }
    }

    @Override
    public float[] tap(String name) {
        TapSource t = taps.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tap named " + name + "; taps: " + taps.keySet());
        }
        long n = batch;
        for (int d : t.perImageShape) {
            n *= d;
        }
        float[] raw = t.data.asSlice(0, n * Float.BYTES).toArray(ValueLayout.JAVA_FLOAT);
        if (!t.channelsLast) {
            return raw;
        }
        // NHWC in memory, NCHW expected by callers.
        int c = t.perImageShape[0];
        int hw = t.perImageShape[1] * t.perImageShape[2];
        float[] out = new float[raw.length];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < hw; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[(b * c + ch) * hw + p] = raw[(b * hw + p) * c + ch];
                }
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "acl (" + cpu + ") batch " + batch + ", " + threads + (threads == 1 ? " thread" : " threads") + ", "
                + steps.length + " calls, " + handles.allocatedBytes() / (1 << 20) + " MiB";
    }

    /** The step kinds in execution order, for profiles and tests. */
    List<String> stepKinds() {
        return Arrays.stream(steps).map(Step::kind).toList();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            handles.close();
        }
    }
}
