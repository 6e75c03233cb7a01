package dev.efficientformer.backend;

import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Graphs that start from tokens or end in feature maps run on oneDNN as on the scalar control. */
class SmallGraphsTest {
    private final SplittableRandom random = new SplittableRandom(3);

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private void agree(Graph g, int batch) {
        int in = (int) (g.input().elementsPerImage() * batch);
        int out = (int) (g.output().elementsPerImage() * batch);
        try (Plan control = new JavaBackend().compile(g, batch, 1); Plan dnnl = new DnnlBackend().compile(g, batch, 1);
             Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, randoms(in));
            MemorySegment a = arena.allocate(out * 4L);
            MemorySegment b = arena.allocate(out * 4L);
            control.run(x, a);
            dnnl.run(x, b);
            ReferenceCase.assertWithinGate(g.toString(), a.toArray(ValueLayout.JAVA_FLOAT), b.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    @Test
    void tokensInVectorsOut() {
        Graph.Builder b = Graph.builder(49, 24);
        Value x = b.add(new Ops.LayerNorm(randoms(24), randoms(24), 1e-5f), b.input());
        x = b.add(new Ops.Gelu(), b.add(new Ops.Linear(40, 24, randoms(40 * 24), randoms(40)), x));
        x = b.add(new Ops.MeanTokens(), x);
        agree(b.build(x), 3);
    }

    @Test
    void featureMapsInAndOut() {
        Graph.Builder b = Graph.builder(5, 9, 7);
        Value x = b.add(new Ops.Conv2d(6, 5, 3, 2, 1, randoms(6 * 5 * 9), randoms(6)), b.input());
        x = b.add(new Ops.Relu(), x);
        Value p = b.add(new Ops.AvgPool(3, 1, 1), x);
        x = b.add(new Ops.Sub(), p, x);
        agree(b.build(b.add(new Ops.ChannelScale(randoms(6)), x)), 2);
    }
}
