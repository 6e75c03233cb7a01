package dev.efficientformer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The fusion and lifetime decisions of {@link Lowering}, without any backend: on the tiny V1 and
 * V2 graphs every node lands in exactly one step in order, every layer followed by its private
 * GELU absorbs it, residual adds and pool mixers are fused where the pattern holds, no step hides
 * a tapped value, and no step reads a value after its last read; on small graphs, a tapped or
 * shared intermediate stops a fusion.
 */
class LoweringTest {
    private static final Lowering.FusionSupport ALL = new Lowering.FusionSupport(
            Set.of(Ops.Conv2d.class, Ops.Linear.class, Ops.DepthwiseConv2d.class), Set.of(Ops.Relu.class, Ops.Gelu.class), true, true);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tiny_v1, 224, 224, 4", "tiny_v2, 96, 96, 0", "tiny_v2_rect, 96, 64, 0"})
    void tinyGraphsGroupAsExpected(String tiny, int h, int w, int poolMixers) {
        Graph g;
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny(tiny).resolve("model.safetensors"))) {
            g = ModelFamily.load(f, h, w).graph();
        }
        List<Lowering.Step> steps = Lowering.plan(g, ALL);
        int next = 0;
        int fusedGelus = 0;
        int residuals = 0;
        int mixers = 0;
        for (Lowering.Step s : steps) {
            assertEquals(next, s.first(), "steps cover the nodes in order");
            next = s.last() + 1;
            for (int i = s.first(); i < s.last(); i++) {
                assertFalse(g.isObservable(g.nodes().get(i).output()), "step " + s + " hides a tapped value");
            }
            assertEquals(g.nodes().get(s.last()).output(), s.output());
            switch (s.kind()) {
                case LAYER -> {
                    for (int i = s.first() + 1; i <= s.last(); i++) {
                        Op op = g.nodes().get(i).op();
                        fusedGelus += op instanceof Ops.Gelu ? 1 : 0;
                        residuals += op instanceof Ops.Add ? 1 : 0;
                    }
                }
                case POOL_MIXER -> mixers++;
                case SINGLE -> {
                    Node n = g.nodes().get(s.first());
                    assertFalse(ALL.layers().contains(n.op().getClass()) && Lowering.activationAfter(g, s.first(), ALL) >= 0,
                            "an unfused layer with a fusable activation: " + n);
                }
            }
        }
        assertEquals(g.nodes().size(), next);
        assertEquals(poolMixers, mixers);
        long gelusAfterLayers = 0;
        for (int i = 1; i < g.nodes().size(); i++) {
            if (g.nodes().get(i).op() instanceof Ops.Gelu && ALL.layers().contains(g.nodes().get(i - 1).op().getClass())
                    && g.isPrivateTo(g.nodes().get(i - 1).output(), g.nodes().get(i))) {
                gelusAfterLayers++;
            }
        }
        assertEquals(gelusAfterLayers, fusedGelus, "every private GELU after a layer is fused");
        assertTrue(residuals > 0, "residual adds are fused");

        int[] last = Lowering.lastReads(g, steps);
        for (int s = 0; s < steps.size(); s++) {
            for (Value v : steps.get(s).reads()) {
                assertTrue(last[v.id()] >= s, v + " read at step " + s + " after its last read " + last[v.id()]);
            }
        }
    }

    @Test
    void aTappedOrSharedIntermediateIsNotFused() {
        Graph.Builder b = Graph.builder(4, 5, 5);
        Value x = b.input();
        Value conv = b.tap("stage_0", b.add(conv(4, 4), x));
        Value act = b.add(new Ops.Gelu(), conv);
        Value conv2 = b.add(conv(4, 4), act);
        Value act2 = b.add(new Ops.Relu(), conv2);
        Value sum = b.add(new Ops.Add(), act2, conv2);
        Graph g = b.build(sum);
        List<Lowering.Step> steps = Lowering.plan(g, ALL);
        assertEquals(Lowering.Kind.LAYER, steps.get(0).kind());
        assertEquals(0, steps.get(0).last(), "the tapped convolution output keeps its GELU apart");
        assertNull(steps.get(0).residual());
        // conv2's output is read by the ReLU and the add: nothing fuses into conv2.
        Lowering.Step second = steps.stream().filter(s -> s.first() == 2).findFirst().orElseThrow();
        assertEquals(2, second.last());
    }

    @Test
    void aBackendWithoutFusionsGetsOneStepPerNode() {
        Graph.Builder b = Graph.builder(4, 5, 5);
        Value y = b.add(new Ops.Gelu(), b.add(conv(4, 4), b.input()));
        Graph g = b.build(b.add(new Ops.Add(), b.input(), y));
        Lowering.FusionSupport none = new Lowering.FusionSupport(Set.of(), Set.of(), false, false);
        assertEquals(3, Lowering.plan(g, none).size());
        List<Lowering.Step> fused = Lowering.plan(g, ALL);
        assertEquals(1, fused.size());
        assertEquals(g.input(), fused.get(0).residual());
    }

    @Test
    void aDepthwiseConvolutionJoinsTheActivatedPointwiseOneOnlyWhenItAloneReadsIt() {
        Graph.Builder b = Graph.builder(4, 6, 6);
        Value hidden = b.add(new Ops.Gelu(), b.add(conv(8, 4), b.input()));
        Value mid = b.add(new Ops.Gelu(), b.add(depthwise(8, 3, 2, 1), hidden));
        Value shared = b.add(new Ops.Gelu(), b.add(conv(8, 8), mid));
        Value dw = b.add(depthwise(8, 3, 1, 1), shared);
        Value wide = b.add(new Ops.Gelu(), b.add(conv(8, 8), dw));
        Value sum = b.add(new Ops.Add(), b.add(depthwise(8, 5, 1, 2), wide), shared);
        Graph g = b.build(sum);
        assertEquals(2, Lowering.depthwiseAfter(g, 1), "1x1, GELU, then a stride-2 3x3 depthwise convolution of it alone");
        assertEquals(-1, Lowering.depthwiseAfter(g, 3), "the depthwise convolution's own GELU is no pointwise convolution's");
        assertEquals(-1, Lowering.depthwiseAfter(g, 5), "the GELU's output is also read by the add");
        assertEquals(-1, Lowering.depthwiseAfter(g, 8), "a 5x5 kernel");
        assertEquals(-1, Lowering.depthwiseAfter(g, 0), "node 0 is no activation");
    }

    private static Ops.DepthwiseConv2d depthwise(int channels, int kernel, int stride, int padding) {
        return new Ops.DepthwiseConv2d(channels, kernel, stride, padding, new float[channels * kernel * kernel], new float[channels]);
    }

    private static Ops.Conv2d conv(int out, int in) {
        float[] w = new float[out * in];
        java.util.Arrays.fill(w, 0.1f);
        return new Ops.Conv2d(out, in, 1, 1, 0, w, new float[out]);
    }
}
