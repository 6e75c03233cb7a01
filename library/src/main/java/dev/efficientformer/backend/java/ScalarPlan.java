package dev.efficientformer.backend.java;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.backend.PlanIo;
import dev.efficientformer.graph.Value;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Interprets a graph node by node with {@link ScalarKernels}, one image at a time, every value in
 * its own heap array (allocated here, reused by every run).
 *
 * <p>Thread-safety: not thread-safe (see {@link Plan}).
 */
final class ScalarPlan implements Plan {
    private final Graph graph;
    private final int batch;
    /** Indexed by value id (ids are small and dense): no boxing on the run path. */
    private final float[][] buffers;
    private final float[] scores;
    private final Node[] nodes;
    private final dev.efficientformer.backend.PlanGuard guard = new dev.efficientformer.backend.PlanGuard("java (scalar) plan");

    ScalarPlan(Graph graph, int batch) {
        if (batch < 1) {
            throw new EfficientFormerException("batch must be at least 1, got " + batch);
        }
        this.graph = graph;
        this.batch = batch;
        int maxId = graph.input().id();
        for (Node n : graph.nodes()) {
            maxId = Math.max(maxId, n.output().id());
        }
        this.buffers = new float[maxId + 1][];
        allocate(graph.input());
        int maxTokens = 1;
        for (Node n : graph.nodes()) {
            allocate(n.output());
            if (n.op() instanceof Ops.Attention a) {
                maxTokens = Math.max(maxTokens, a.tokens());
            } else if (n.op() instanceof Ops.Attention2d a) {
                long need = 2L * a.heads() * a.queries() * a.keys();
                if (need > Integer.MAX_VALUE - 8) {
                    throw new EfficientFormerException("attention of " + n + " is too large for the scalar backend");
                }
                maxTokens = (int) Math.max(maxTokens, need);
            }
        }
        this.scores = new float[maxTokens];
        this.nodes = graph.nodes().toArray(new Node[0]);
    }

    private void allocate(Value v) {
        long n = v.elementsPerImage() * batch;
        if (n > Integer.MAX_VALUE - 8) {
            throw new EfficientFormerException("value " + v + " at batch " + batch + " is too large for the scalar backend");
        }
        buffers[v.id()] = new float[(int) n];
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
    public void run(MemorySegment input, MemorySegment output) {
        PlanIo.checkSizes(input, buffers[graph.input().id()].length, output, buffers[graph.output().id()].length);
        run(input, 0, output, 0);
    }

    /** A part of a larger batch: the input is copied in anyway, so no view of it is needed. */
    @Override
    public void run(MemorySegment input, long inputOffset, MemorySegment output, long outputOffset) {
        guard.enter();
        try {
            float[] in = buffers[graph.input().id()];
            float[] out = buffers[graph.output().id()];
            PlanIo.checkRanges(input, inputOffset, in.length, output, outputOffset, out.length);
            MemorySegment.copy(input, ValueLayout.JAVA_FLOAT, inputOffset, in, 0, in.length);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < nodes.length; i++) {
                    execute(nodes[i], b);
                }
            }
            MemorySegment.copy(out, 0, output, ValueLayout.JAVA_FLOAT, outputOffset, out.length);
        } finally {
            guard.exit();
        }
    }

    private void execute(Node n, int b) {
        Value xv = n.input();
        float[] x = buffers[xv.id()];
        int xo = (int) (b * xv.elementsPerImage());
        float[] y = buffers[n.output().id()];
        int yo = (int) (b * n.output().elementsPerImage());
        int size = (int) xv.elementsPerImage();
        switch (n.op()) {
            case Ops.Conv2d c -> ScalarKernels.conv2d(x, xo, c.inChannels(), xv.dim(1), xv.dim(2), c.weight(), c.bias(),
                    c.outChannels(), c.kernel(), c.stride(), c.padding(), y, yo);
            case Ops.BatchNorm bn -> ScalarKernels.batchNorm(x, xo, xv.dim(0), size / xv.dim(0), bn.mean(), bn.var(), bn.gamma(),
                    bn.beta(), bn.eps(), y, yo);
            case Ops.Relu r -> ScalarKernels.relu(x, xo, size, y, yo);
            case Ops.Gelu g -> ScalarKernels.gelu(x, xo, size, y, yo);
            case Ops.AvgPool p -> ScalarKernels.avgPool(x, xo, xv.dim(0), xv.dim(1), xv.dim(2), p.kernel(), p.stride(), p.padding(), y, yo);
            case Ops.Add a -> ScalarKernels.add(x, xo, buffers[n.inputs().get(1).id()], xo, size, y, yo);
            case Ops.Sub s -> ScalarKernels.sub(x, xo, buffers[n.inputs().get(1).id()], xo, size, y, yo);
            case Ops.ChannelScale s -> {
                int channels = s.scale().length;
                if (xv.rank() == 3) {
                    ScalarKernels.channelScale(x, xo, 1, channels, size / channels, s.scale(), y, yo);
                } else {
                    ScalarKernels.channelScale(x, xo, size / channels, channels, 1, s.scale(), y, yo);
                }
            }
            case Ops.ToTokens t -> ScalarKernels.toTokens(x, xo, xv.dim(0), xv.dim(1) * xv.dim(2), y, yo);
            case Ops.LayerNorm l -> ScalarKernels.layerNorm(x, xo, size / l.gamma().length, l.gamma().length, l.gamma(), l.beta(),
                    l.eps(), y, yo);
            case Ops.Linear l -> ScalarKernels.linear(x, xo, size / l.inFeatures(), l.inFeatures(), l.weight(), l.bias(),
                    l.outFeatures(), y, yo);
            case Ops.Attention a -> ScalarKernels.attention(x, xo, a.tokens(), a.heads(), a.keyDim(), a.valDim(), a.bias(), y, yo, scores);
            case Ops.MeanTokens m -> ScalarKernels.meanTokens(x, xo, xv.dim(0), xv.dim(1), y, yo);
            case Ops.DepthwiseConv2d c -> ScalarKernels.depthwiseConv2d(x, xo, c.channels(), xv.dim(1), xv.dim(2), c.weight(), c.bias(),
                    c.kernel(), c.stride(), c.padding(), y, yo);
            case Ops.Attention2d a -> {
                Value kv = n.inputs().get(1);
                Value vv = n.inputs().get(2);
                ScalarKernels.attention2d(x, xo, buffers[kv.id()], (int) (b * kv.elementsPerImage()), buffers[vv.id()],
                        (int) (b * vv.elementsPerImage()), a, y, yo, scores);
            }
            case Ops.Upsample2x u -> ScalarKernels.upsample2x(x, xo, xv.dim(0), xv.dim(1), xv.dim(2), y, yo);
        }
    }

    @Override
    public java.util.List<dev.efficientformer.backend.StepTime> profile(MemorySegment input, MemorySegment output) {
        guard.enter();
        try {
            float[] in = buffers[graph.input().id()];
            float[] out = buffers[graph.output().id()];
            PlanIo.checkSizes(input, in.length, output, out.length);
            MemorySegment.copy(input, ValueLayout.JAVA_FLOAT, 0, in, 0, in.length);
            String[] stages = dev.efficientformer.graph.StageLabels.of(graph);
            long[] nanos = new long[nodes.length];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < nodes.length; i++) {
                    long t0 = System.nanoTime();
                    execute(nodes[i], b);
                    nanos[i] += System.nanoTime() - t0;
                }
            }
            MemorySegment.copy(out, 0, output, ValueLayout.JAVA_FLOAT, 0, out.length);
            java.util.List<dev.efficientformer.backend.StepTime> result = new java.util.ArrayList<>();
            for (int i = 0; i < nodes.length; i++) {
                result.add(new dev.efficientformer.backend.StepTime(nodes[i].op().kind(), stages[i], nanos[i]));
            }
            return result;
        } finally {
            guard.exit();
        }
    }

    @Override
    public float[] tap(String name) {
        Value v = graph.taps().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no tap named " + name + "; taps: " + graph.taps().keySet());
        }
        return buffers[v.id()].clone();
    }

    @Override
    public String describe() {
        return "java (scalar) batch " + batch + ", 1 thread";
    }

    @Override
    public void close() {
        guard.close();
    }
}
