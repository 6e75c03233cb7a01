package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.model.EfficientFormerGraphBuilder;
import dev.efficientformer.model.RandomWeights;
import dev.efficientformer.model.SpecDerivation;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which layers a {@link MatmulPrecision#HIGH} plan runs as bf16x3, and that such a plan stays
 * allocation-free. Its numbers are checked against the references by BackendGateTest (full-size
 * L1 vs timm) and FullSizeRandomWeightsTest (L1, L3, L7 vs the scalar control).
 */
class Bf16x3PlanTest {
    private static Graph l1;

    @BeforeAll
    static void buildL1() {
        try (RandomWeights w = RandomWeights.of("efficientformer_l1", 3)) {
            l1 = GraphPasses.optimize(EfficientFormerGraphBuilder.build(w, SpecDerivation.derive(w), 224, 224));
        }
    }

    private static List<String> kinds(MatmulPrecision precision, int batch, int threads) {
        try (DnnlPlan p = (DnnlPlan) new DnnlBackend(precision).compile(l1, batch, threads)) {
            return p.stepKinds();
        }
    }

    @Test
    void onAmxTheLargeLayersRunAsBf16x3() {
        assumeTrue(DnnlIsa.hasAmx(), "no AMX here: precision high is fp32");
        List<String> high = kinds(MatmulPrecision.HIGH, 1, 1);
        // L1 at batch 1 on one thread (threshold 128 MACs per input value): the 28 1x1 convs but
        // the fc2 of 56x56 (3, 48 outputs) and 28x28 (2, 96 outputs), the three downsampling convs,
        // the Meta3D's four linears; not the stem (108 MACs per input value at most), attention or
        // the classifier (one row).
        assertEquals(23, high.stream().filter(k -> k.equals("conv1x1_bf16x3")).count(), high::toString);
        assertEquals(3, high.stream().filter(k -> k.equals("conv3x3_bf16x3")).count(), high::toString);
        assertEquals(4, high.stream().filter(k -> k.equals("linear_bf16x3")).count(), high::toString);
        assertEquals(30, high.stream().filter(k -> k.equals("bf16x3_split")).count(), high::toString);
        // Each split comes right before the layer that reads it.
        for (int i = 0; i < high.size(); i++) {
            if (high.get(i).equals("bf16x3_split")) {
                assertTrue(high.get(i + 1).endsWith("_bf16x3"), high::toString);
            }
        }
        assertTrue(high.contains("linear"), "the classifier at batch 1 stays fp32: " + high);
        assertFalse(kinds(MatmulPrecision.HIGHEST, 1, 1).stream().anyMatch(k -> k.contains("bf16")));
    }

    @Test
    void moreThreadsRaiseTheBar() {
        assumeTrue(DnnlIsa.hasAmx(), "no AMX here: precision high is fp32");
        long one = kinds(MatmulPrecision.HIGH, 8, 1).stream().filter(k -> k.equals("bf16x3_split")).count();
        long two = kinds(MatmulPrecision.HIGH, 8, 2).stream().filter(k -> k.equals("bf16x3_split")).count();
        assertTrue(two < one, "the split runs on one thread, so two threads split fewer layers: " + two + " vs " + one);
    }

    @Test
    void withoutAmxHighIsHighest() {
        assumeTrue(!DnnlIsa.hasAmx(), "AMX here");
        assertEquals(kinds(MatmulPrecision.HIGHEST, 1, 1), kinds(MatmulPrecision.HIGH, 1, 1));
    }

    @Test
    void steadyStateRunsDoNotAllocate() {
        assumeTrue(DnnlIsa.hasAmx(), "no AMX here: precision high is fp32");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (DnnlPlan p = (DnnlPlan) new DnnlBackend(MatmulPrecision.HIGH).compile(l1, 1, 1);
             Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(3L * 224 * 224 * Float.BYTES);
            MemorySegment out = arena.allocate(1000L * Float.BYTES);
            // Enough runs for C2 to compile the split's vector code (before that, vectors are objects).
            for (int i = 0; i < 300; i++) {
                p.run(in, out);
            }
            long tid = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(tid);
            int runs = 50;
            for (int i = 0; i < runs; i++) {
                p.run(in, out);
            }
            long perRun = (mx.getThreadAllocatedBytes(tid) - before) / runs;
            assertTrue(perRun < 16, perRun + " bytes allocated per run");
        }
    }
}
