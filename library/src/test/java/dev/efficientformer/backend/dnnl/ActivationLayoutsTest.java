package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.model.RandomWeights;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Channel-blocked stages give the NHWC plan's numbers, stage by stage, and cost exactly the
 * reorders they should: on L1 into the first blocked stage, around each 3x3 stride-2 downsampling
 * (which runs on NHWC copies) and out to the attention tokens, on V2 also around each attention,
 * whose maps stay NHWC.
 */
class ActivationLayoutsTest {
    private static final int BATCH = 2;

    @Test
    void blockedStagesMatchNhwcAndReorderOnlyAtTheirEdges() {
        Graph g = optimizedGraph("efficientformer_l1");
        DnnlBackend backend = new DnnlBackend();
        try (DnnlPlan nhwc = compile(backend, g, "nhwc");
                DnnlPlan blocked = compile(backend, g, "blocked")) {
            assumeTrue(blocked.stepKinds().contains("layout reorder"), "this CPU has no channel-blocked layout (ISA below AVX2)");
            // One into the first blocked stage, then a copy in and a reorder out per downsampling between blocks.
            long downsamplings = blockedDownsamplings(g);
            assertTrue(downsamplings >= 3, "L1 downsamples three times between blocked stages");
            assertEquals(1 + 2 * downsamplings, Collections.frequency(blocked.stepKinds(), "layout reorder"), blocked.stepKinds().toString());
            assertEquals(1, Collections.frequency(blocked.stepKinds(), "to_tokens"), blocked.stepKinds().toString());
            assertFalse(nhwc.stepKinds().contains("layout reorder"));
            // L1's linear layers whose widths block (qkv, proj and the MLP's two; the merged head too where its
            // 1000 classes do, on 8-float blocks) run as 1x1 convolutions on channel blocks, each between a
            // reorder in and one out, but for the MLP's hidden map, which stays on blocks from one to the other.
            int block = ActivationLayouts.vectorChannels();
            long blockedLinears = g.nodes().stream().filter(n -> isBlockedLinear(n, block)).count();
            assertEquals(block == 8 ? 5 : 4, blockedLinears);
            long hiddenOnBlocks = hiddenMapsBetweenBlockedLinears(g, block);
            assertEquals(1, hiddenOnBlocks, "L1's last stage has one token MLP");
            long edges = blockedLinears - hiddenOnBlocks;
            assertEquals(edges, Collections.frequency(blocked.stepKinds(), "tokens to channel blocks"), blocked.stepKinds().toString());
            assertEquals(edges, Collections.frequency(blocked.stepKinds(), "channel blocks to tokens"), blocked.stepKinds().toString());
            assertEquals(nhwc.stepKinds().size() + 2 + 2 * edges + 2 * downsamplings, blocked.stepKinds().size(),
                    "no other step is added");
            assertSameResults(nhwc, blocked);
        }
    }

    /**
     * V2's attention maps stay NHWC inside blocked stages 2 and 3: each attention costs one reorder
     * of the map its q, k and v are computed from (one copy for all three) and one of its projection
     * back into the stage's blocks, which also adds the residual; the downsampling attention one
     * more, as its queries come from another map than its keys and values.
     */
    @Test
    void v2AttentionMapsStayNhwcInsideBlockedStages() {
        Graph g = optimizedGraph("efficientformerv2_s0");
        long attentions = g.nodes().stream().filter(n -> n.op() instanceof Ops.Attention2d).count();
        DnnlBackend backend = new DnnlBackend();
        try (DnnlPlan nhwc = compile(backend, g, "nhwc");
                DnnlPlan blocked = compile(backend, g, "blocked")) {
            assumeTrue(blocked.stepKinds().contains("layout reorder"), "this CPU has no channel-blocked layout (ISA below AVX2)");
            // Besides the attentions' reorders, the one from the stem into the first blocked stage and two per
            // downsampling between blocks, but for the last one: its input's NHWC copy is the one the
            // downsampling attention's keys and values read.
            long edges = Collections.frequency(blocked.stepKinds(), "layout reorder") - (2 * attentions + 1);
            assertEquals(1 + 2 * blockedDownsamplings(g) - 1, edges, blocked.stepKinds().toString());
            assertSameResults(nhwc, blocked);
        }
    }

    /** The 3x3 stride-2 convolutions whose input map is channel-blocked in the default layout. */
    private static long blockedDownsamplings(Graph g) {
        int block = ActivationLayouts.vectorChannels();
        return g.nodes().stream()
                .filter(n -> n.op() instanceof Ops.Conv2d c && c.kernel() == 3 && c.stride() == 2
                        && c.inChannels() % block == 0 && c.inChannels() > block)
                .count();
    }

    private static Graph optimizedGraph(String model) {
        try (RandomWeights w = RandomWeights.of(model, 11)) {
            return ModelFamily.load(w, 224, 224).graph();
        }
    }

    private static void assertSameResults(DnnlPlan nhwc, DnnlPlan blocked) {
        float[] image = new float[BATCH * 3 * 224 * 224];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) r.nextGaussian();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, image);
            MemorySegment a = arena.allocate((long) BATCH * 1000 * Float.BYTES);
            MemorySegment b = arena.allocate((long) BATCH * 1000 * Float.BYTES);
            nhwc.run(in, a);
            blocked.run(in, b);
            assertClose("logits", a.toArray(ValueLayout.JAVA_FLOAT), b.toArray(ValueLayout.JAVA_FLOAT));
            for (String tap : List.of("stage_0", "stage_1", "stage_2", "stage_3")) {
                assertClose(tap, nhwc.tap(tap), blocked.tap(tap));
            }
        }
    }

    private static DnnlPlan compile(DnnlBackend backend, Graph g, String layout) {
        String before = System.getProperty(ActivationLayouts.PROPERTY);
        System.setProperty(ActivationLayouts.PROPERTY, layout);
        try {
            return (DnnlPlan) backend.compile(g, BATCH, 1);
        } finally {
            if (before == null) {
                System.clearProperty(ActivationLayouts.PROPERTY);
            } else {
                System.setProperty(ActivationLayouts.PROPERTY, before);
            }
        }
    }

    /** Same math, different summation order inside oneDNN's kernels: equal to float rounding. */
    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        double max = 1;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(diff <= 1e-5 * max, what + ": max |diff| " + diff + " for max |value| " + max);
    }

    private static boolean isBlockedLinear(Node n, int block) {
        return n.op() instanceof Ops.Linear l && l.inFeatures() % block == 0 && l.outFeatures() % block == 0;
    }

    /** Blocked linear layers whose result, after an activation or not, only one blocked linear layer reads. */
    private static long hiddenMapsBetweenBlockedLinears(Graph g, int block) {
        List<Node> nodes = g.nodes();
        long count = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (!isBlockedLinear(nodes.get(i), block)) {
                continue;
            }
            Value result = nodes.get(i).output();
            List<Node> readers = g.consumers(result);
            if (readers.size() == 1 && readers.get(0).op() instanceof Ops.Gelu) {
                result = readers.get(0).output();
                readers = g.consumers(result);
            }
            if (readers.size() == 1 && isBlockedLinear(readers.get(0), block)) {
                count++;
            }
        }
        return count;
    }
}
