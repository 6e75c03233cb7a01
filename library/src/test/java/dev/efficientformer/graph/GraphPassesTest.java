package dev.efficientformer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.model.EfficientFormerGraphBuilder;
import dev.efficientformer.model.EfficientFormerV2GraphBuilder;
import dev.efficientformer.model.SpecDerivation;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each rewrite removes what it should and changes the results by no more than rounding. */
class GraphPassesTest {

    private static Graph tinyGraph() {
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            return EfficientFormerGraphBuilder.build(f, SpecDerivation.derive(f), 224, 224);
        }
    }

    private static Map<String, Long> census(Graph g) {
        return g.nodes().stream().collect(Collectors.groupingBy(n -> n.op().kind(), Collectors.counting()));
    }

    private static float[] run(Graph g, ReferenceCase c) {
        try (Plan p = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, 1, 1); Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(p.outputsPerImage() * 4L);
            p.run(arena.allocateFrom(ValueLayout.JAVA_FLOAT, c.input()), out);
            for (String tap : g.taps().keySet()) {
                if (c.hasTap(tap)) {
                    ReferenceCase.assertWithinGate("rewritten " + tap, c.tap(tap), p.tap(tap));
                }
            }
            return out.toArray(ValueLayout.JAVA_FLOAT);
        }
    }

    private static void checkPass(UnaryOperator<Graph> pass, String removedKind, long removed, String otherKind, long otherChange) {
        Graph g = tinyGraph();
        Graph r = pass.apply(g);
        Map<String, Long> before = census(g);
        Map<String, Long> after = census(r);
        assertEquals(before.getOrDefault(removedKind, 0L) - removed, after.getOrDefault(removedKind, 0L), removedKind + " nodes");
        assertEquals(before.getOrDefault(otherKind, 0L) + otherChange, after.getOrDefault(otherKind, 0L), otherKind + " nodes");
        assertEquals(g.taps(), r.taps(), "taps survive");
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        ReferenceCase.assertLogitsMatch("rewritten", c.logits(), run(r, c), 1);
    }

    @Test
    void foldsEveryBatchNormIntoItsConvolution() {
        // tiny_v1: stem 2 + downsample 3 + 2 per Meta4D block (4 blocks) = 13
        checkPass(FoldBatchNorm::apply, "batchnorm", 13, "conv3x3", 0);
    }

    @Test
    void foldsAStandaloneBatchNormIntoADepthwiseConvolutionOfItsOwn() {
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v2").resolve("model.safetensors"))) {
            Graph g = EfficientFormerV2GraphBuilder.build(f, EfficientFormerV2GraphBuilder.derive(f), 96, 96);
            Graph r = FoldBatchNorm.apply(g);
            Map<String, Long> before = census(g);
            Map<String, Long> after = census(r);
            assertTrue(!after.containsKey("batchnorm"), "no BatchNorm left: " + after);
            long standalone = g.nodes().stream().filter(n -> n.op() instanceof Ops.BatchNorm && !afterConvolution(g, n)).count();
            assertEquals(1, standalone, "tiny_v2 has one BatchNorm after no convolution (the final norm)");
            String dw = "dwconv1x1";
            assertEquals(before.getOrDefault(dw, 0L) + standalone, after.getOrDefault(dw, 0L), "it became a 1x1 depthwise convolution");
            ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v2"));
            ReferenceCase.assertLogitsMatch("standalone BatchNorm folded", c.logits(), run(r, c), 1);
        }
    }

    private static boolean afterConvolution(Graph g, Node n) {
        return Rewrite.producer(g.nodes(), n.input())
                .map(p -> p.op() instanceof Ops.Conv2d || p.op() instanceof Ops.DepthwiseConv2d).orElse(false);
    }

    @Test
    void mergesTheTwoHeads() {
        checkPass(MergeHeads::apply, "linear", 1, "add", -1);
    }

    @Test
    void foldsLayerScalesThatFollowALayer() {
        // Foldable after BN folding: ls2 of 4 Meta4D blocks (after fc2), ls1 and ls2 of the Meta3D block.
        checkPass(g -> FoldLayerScale.apply(FoldBatchNorm.apply(g)), "scale", 6, "batchnorm", -13);
    }

    @Test
    void optimizeLeavesOnlyThePoolMixerScales() {
        Graph r = GraphPasses.optimize(tinyGraph());
        Map<String, Long> kinds = census(r);
        assertEquals(4L, kinds.get("scale"), "one pool-mixer scale per Meta4D block: " + kinds);
        assertTrue(!kinds.containsKey("batchnorm"), "no BatchNorm left: " + kinds);
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        ReferenceCase.assertLogitsMatch("optimized", c.logits(), run(r, c), 1);
    }
}
