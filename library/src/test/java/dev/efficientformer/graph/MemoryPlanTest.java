package dev.efficientformer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.WeightFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The activation memory plan, without any backend: buffers and their lifetimes, one-block placement and slots. */
class MemoryPlanTest {
    private static final Lowering.FusionSupport EVERYTHING = new Lowering.FusionSupport(
            Set.of(Ops.Conv2d.class, Ops.Linear.class, Ops.DepthwiseConv2d.class), Set.of(Ops.Relu.class, Ops.Gelu.class), true, true);

    @Test
    void buffersThatNeverLiveTogetherShareTheirBytes() {
        List<MemoryPlan.Interval> chain = List.of(new MemoryPlan.Interval(100, 0, 1), new MemoryPlan.Interval(100, 1, 2),
                new MemoryPlan.Interval(100, 2, 3));
        MemoryPlan.Placement p = MemoryPlan.place(chain, 64);
        assertEquals(p.offset(0), p.offset(2), "the first and the third never meet");
        assertNotEquals(p.offset(0), p.offset(1));
        assertEquals(128 + 100, p.size(), "two buffers at a time, the second aligned to 64");
        MemoryPlan.Slots s = MemoryPlan.slots(chain);
        assertEquals(2, s.count());
        assertEquals(s.slot(0), s.slot(2));
    }

    @Test
    void aSlotGoesToTheSmallestFreeOneThatFits() {
        List<MemoryPlan.Interval> lives = List.of(new MemoryPlan.Interval(400, 0, 0), new MemoryPlan.Interval(100, 0, 0),
                new MemoryPlan.Interval(90, 1, 1), new MemoryPlan.Interval(500, 1, 1));
        MemoryPlan.Slots s = MemoryPlan.slots(lives);
        assertEquals(s.slot(1), s.slot(2), "90 units take the 100-unit slot, not the 400-unit one");
        assertEquals(3, s.count(), "500 units fit no free slot");
        assertEquals(500, s.slotSize()[s.slot(3)]);
    }

    /** Random lifetimes: what lives at the same time never overlaps, offsets stay aligned, and memory is reused. */
    @Test
    void randomLifetimesNeverOverlapInMemory() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            List<MemoryPlan.Interval> lives = new ArrayList<>();
            int n = 1 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                int first = r.nextInt(30) - 1;
                lives.add(r.nextInt(10) == 0 ? MemoryPlan.Interval.wholeRun(r.nextInt(1, 5000))
                        : new MemoryPlan.Interval(r.nextInt(0, 5000), first, first + r.nextInt(6)));
            }
            MemoryPlan.Placement p = MemoryPlan.place(lives, 64);
            MemoryPlan.Slots s = MemoryPlan.slots(lives);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                MemoryPlan.Interval a = lives.get(i);
                sum += a.size();
                assertEquals(0, p.offset(i) % 64, "aligned");
                assertTrue(p.offset(i) + a.size() <= p.size());
                assertTrue(a.size() <= s.slotSize()[s.slot(i)], "a slot holds its buffers");
                for (int j = i + 1; j < n; j++) {
                    MemoryPlan.Interval b = lives.get(j);
                    if (a.overlaps(b)) {
                        boolean disjoint = p.offset(i) + a.size() <= p.offset(j) || p.offset(j) + b.size() <= p.offset(i);
                        assertTrue(disjoint || a.size() == 0 || b.size() == 0, "round " + round + ": buffers " + i + " and " + j
                                + " live together and overlap in memory");
                        assertNotEquals(s.slot(i), s.slot(j), "round " + round + ": buffers " + i + " and " + j + " share a slot");
                    }
                }
            }
            assertTrue(p.size() <= sum + 64L * n, "never more than every buffer side by side");
        }
    }

    @Test
    void refusesAnAlignmentThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> MemoryPlan.place(List.of(), 48));
        assertThrows(IllegalArgumentException.class, () -> new MemoryPlan.Interval(10, 3, 2));
    }

    /**
     * On the tiny models: every value a step stores lives from its step to its last reader, the
     * input, output and taps for the whole run, fused intermediates not at all; and the plan holds
     * less than every value side by side.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tiny_v1", "tiny_v2"})
    void buffersOfATinyModel(String tiny) {
        Graph g = tinyGraph(tiny);
        List<Lowering.Step> steps = Lowering.plan(g, EVERYTHING);
        MemoryPlan.Buffers plan = MemoryPlan.buffers(g, steps, Value::elementsPerImage, MemoryPlan.Sharing.NONE);
        int[] lastRead = Lowering.lastReads(g, steps);
        assertEquals(MemoryPlan.Interval.wholeRun(g.input().elementsPerImage()), life(plan, g.input()));
        assertEquals(MemoryPlan.AFTER_LAST_STEP, life(plan, g.output()).last());
        for (Value tap : g.taps().values()) {
            assertEquals(MemoryPlan.AFTER_LAST_STEP, life(plan, tap).last(), "tap " + tap);
        }
        for (int s = 0; s < steps.size(); s++) {
            Lowering.Step step = steps.get(s);
            Value out = step.output();
            if (!g.isObservable(out)) {
                assertEquals(new MemoryPlan.Interval(out.elementsPerImage(), s, Math.max(s, lastRead[out.id()])), life(plan, out));
            }
            for (int node = step.first(); node < step.last(); node++) {
                assertEquals(-1, plan.of(g.nodes().get(node).output()), "a value fused inside step " + s + " is not stored");
            }
            for (Value read : step.reads()) {
                assertTrue(life(plan, read).first() < s && life(plan, read).last() >= s, "step " + s + " reads " + read + " while it lives");
                assertNotEquals(plan.of(read), plan.of(out), "without sharing, step " + s + " writes apart from what it reads");
            }
        }
        checkReuse(tiny, plan.lives(), steps.size());
    }

    /** Elementwise steps may overwrite an operand that dies there, and a view shares its source's buffer, as a backend declares. */
    @Test
    void sharingOverwritesDyingOperandsAndViews() {
        Graph g = tinyGraph("tiny_v1");
        Lowering.FusionSupport layersAndActivations = new Lowering.FusionSupport(Set.of(Ops.Conv2d.class, Ops.Linear.class),
                Set.of(Ops.Relu.class, Ops.Gelu.class), false, false);
        List<Lowering.Step> steps = Lowering.plan(g, layersAndActivations);
        MemoryPlan.Sharing sharing = new MemoryPlan.Sharing() {
            @Override
            public Value viewOf(Lowering.Step step) {
                Node n = g.nodes().get(step.first());
                return n.op() instanceof Ops.ToTokens ? n.input() : null;
            }

            @Override
            public List<Value> overwritable(Lowering.Step step) {
                Node n = g.nodes().get(step.first());
                return n.op() instanceof Ops.Add || n.op() instanceof Ops.Sub || n.op() instanceof Ops.ChannelScale ? n.inputs() : List.of();
            }
        };
        MemoryPlan.Buffers plain = MemoryPlan.buffers(g, steps, Value::elementsPerImage, MemoryPlan.Sharing.NONE);
        MemoryPlan.Buffers shared = MemoryPlan.buffers(g, steps, Value::elementsPerImage, sharing);
        int[] lastRead = Lowering.lastReads(g, steps);
        int inPlace = 0;
        for (int s = 0; s < steps.size(); s++) {
            Node n = g.nodes().get(steps.get(s).first());
            Value out = steps.get(s).output();
            if (n.op() instanceof Ops.ToTokens) {
                assertEquals(shared.of(n.input()), shared.of(out), "a view shares its source's buffer");
            }
            for (Value read : n.inputs()) {
                if (shared.of(read) == shared.of(out) && !(n.op() instanceof Ops.ToTokens)) {
                    inPlace++;
                    assertTrue(sharing.overwritable(steps.get(s)).contains(read));
                    assertEquals(s, lastRead[read.id()], "step " + s + " overwrites " + read + ", which is read later");
                    assertTrue(!g.isObservable(read) && !read.equals(g.input()));
                }
            }
        }
        assertTrue(inPlace > 0, "the pool mixer's sub, scale and add run in place");
        assertTrue(shared.lives().size() < plain.lives().size());
        assertTrue(MemoryPlan.place(shared.lives(), 1).size() <= MemoryPlan.place(plain.lives(), 1).size());
    }

    /** The full-size shapes (random weights, no kernels): here the reuse is what keeps L7 at batch 8 in memory. */
    @ParameterizedTest
    @ValueSource(strings = {"efficientformer_l7", "efficientformerv2_l"})
    void aFullSizeModelHoldsAFewOfItsActivations(String variant) {
        try (WeightFile f = dev.efficientformer.model.RandomWeights.of(variant, 7)) {
            Graph g = ModelFamily.load(f, 224, 224).graph();
            List<Lowering.Step> steps = Lowering.plan(g, EVERYTHING);
            MemoryPlan.Buffers plan = MemoryPlan.buffers(g, steps, Value::elementsPerImage, MemoryPlan.Sharing.NONE);
            long planned = checkReuse(variant, plan.lives(), steps.size());
            long largest = plan.lives().stream().mapToLong(MemoryPlan.Interval::size).max().orElseThrow();
            assertTrue(planned < 6 * largest, variant + ": " + planned + " floats for a largest activation of " + largest);
        }
    }

    private static Graph tinyGraph(String tiny) {
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny(tiny).resolve("model.safetensors"))) {
            int side = tiny.equals("tiny_v1") ? 224 : 96;
            return ModelFamily.load(f, side, side).graph();
        }
    }

    private static MemoryPlan.Interval life(MemoryPlan.Buffers plan, Value v) {
        return plan.lives().get(plan.of(v));
    }

    /** The placement needs at least what lives at the busiest step and less than everything side by side; returns its size. */
    private static long checkReuse(String what, List<MemoryPlan.Interval> stored, int steps) {
        long sideBySide = stored.stream().mapToLong(MemoryPlan.Interval::size).sum();
        long busiest = 0;
        for (int s = -1; s <= steps; s++) {
            int step = s;
            busiest = Math.max(busiest, stored.stream().filter(i -> i.first() <= step && step <= i.last()).mapToLong(MemoryPlan.Interval::size).sum());
        }
        long planned = MemoryPlan.place(stored, 1).size();
        System.out.printf("%s: %d floats planned, %d at the busiest step, %d side by side%n", what, planned, busiest, sideBySide);
        assertTrue(planned >= busiest && planned < sideBySide, what + ": " + planned + " floats planned, busiest step " + busiest
                + ", all " + sideBySide);
        return planned;
    }
}
