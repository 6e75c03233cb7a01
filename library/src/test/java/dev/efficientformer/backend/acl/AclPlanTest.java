package dev.efficientformer.backend.acl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.StepTime;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The acl plan's contract beyond numerics: fusions, profile, taps, size checks, close. Linux aarch64 only. */
@Tag("aarch64-emulated")
class AclPlanTest {
    private final SplittableRandom random = new SplittableRandom(11);

    @BeforeEach
    void onlyWhereTheShimRuns() {
        AclBackend b = new AclBackend();
        assumeTrue(b.isAvailable(), () -> "acl is not available here: " + b.unavailableReason());
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    /** conv+gelu, a tapped feature map, tokens, attention, mean: one of each kind of step. */
    private Graph graph() {
        Graph.Builder b = Graph.builder(3, 14, 14);
        Value x = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(8, 3, 3, 2, 1, randoms(8 * 27), randoms(8)), b.input()));
        b.tap("stem", x);
        Value t = b.add(new Ops.ToTokens(), x);
        Value y = b.add(new Ops.Linear(2 * 12, 8, randoms(24 * 8), randoms(24)), t);
        y = b.add(new Ops.Attention(2, 4, 4, 49, randoms(2 * 49 * 49)), y);
        t = b.add(new Ops.Add(), t, b.add(new Ops.Linear(8, 8, randoms(64), randoms(8)), y));
        return b.build(b.add(new Ops.MeanTokens(), t));
    }

    @Test
    void fusesProfilesTapsAndChecksSizes() {
        Graph g = graph();
        try (AclPlan p = (AclPlan) new AclBackend().compile(g, 2, 1); Plan control = new JavaBackend().compile(g, 2, 1);
             Arena arena = Arena.ofConfined()) {
            assertEquals(List.of("conv3x3+gelu", "linear", "attn_qk", "attn_bias", "softmax", "attn_av", "linear", "add",
                    "mean_tokens"), p.stepKinds());
            assertTrue(p.describe().startsWith("acl (") && p.describe().contains("batch 2, 1 thread"), p.describe());
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, randoms(2 * 3 * 14 * 14));
            MemorySegment y = arena.allocate(2 * 8 * 4);
            MemorySegment expected = arena.allocate(2 * 8 * 4);
            List<StepTime> times = p.profile(x, y);
            control.run(x, expected);
            assertEquals(p.stepKinds().size() + 2, times.size(), times.toString());
            assertEquals("input reorder", times.getFirst().kind());
            assertTrue(times.stream().allMatch(s -> s.nanos() >= 0 && !s.stage().isEmpty()), times.toString());
            float[] a = expected.toArray(ValueLayout.JAVA_FLOAT);
            float[] b = y.toArray(ValueLayout.JAVA_FLOAT);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-4 * Math.max(1, Math.abs(a[i])), "logit " + i);
            }
            // The tap comes back NCHW, as from the scalar control.
            float[] tap = p.tap("stem");
            float[] ref = control.tap("stem");
            assertEquals(ref.length, tap.length);
            for (int i = 0; i < ref.length; i++) {
                assertEquals(ref[i], tap[i], 1e-4 * Math.max(1, Math.abs(ref[i])), "stem " + i);
            }
            assertThrows(IllegalArgumentException.class, () -> p.tap("nope"));
            assertThrows(EfficientFormerException.class, () -> p.run(x.asSlice(4), y));
            assertThrows(EfficientFormerException.class, () -> p.run(x, y.asSlice(4)));
            assertThrows(EfficientFormerException.class, () -> p.run(x, y.asReadOnly()));
            p.close();
            p.close();
            assertThrows(IllegalStateException.class, () -> p.run(x, y));
        }
    }

    @Test
    void plansOfDifferentThreadCountsTakeTurns() {
        Graph g = graph();
        try (Plan one = new AclBackend().compile(g, 1, 1); Plan two = new AclBackend().compile(g, 1, 2);
             Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, randoms(3 * 14 * 14));
            MemorySegment a = arena.allocate(8 * 4);
            MemorySegment b = arena.allocate(8 * 4);
            one.run(x, a);
            two.run(x, b);
            float[] fa = a.toArray(ValueLayout.JAVA_FLOAT);
            float[] fb = b.toArray(ValueLayout.JAVA_FLOAT);
            for (int i = 0; i < fa.length; i++) {
                assertEquals(fa[i], fb[i], 1e-5 * Math.max(1, Math.abs(fa[i])));
            }
            one.run(x, b);
            assertArrayEquals(fa, b.toArray(ValueLayout.JAVA_FLOAT));
        }
    }
}
