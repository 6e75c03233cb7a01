package dev.efficientformer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The thread-count chooser against simulated latencies: it keeps the requested count on an idle
 * machine (exploring one run in hundreds), drops to fewer threads within a few runs when a
 * neighbour makes the requested count slower than fewer, and comes back when the neighbour leaves.
 */
class AdaptiveThreadCountTest {
    /** Runs {@code runs} predictions whose time per thread count is {@code latency}; returns how many ran off the chosen count. */
    private static int run(AdaptiveThreadCount c, int runs, IntToLongFunction latency) {
        int explored = 0;
        for (int i = 0; i < runs; i++) {
            int before = c.current();
            int t = c.next();
            if (t != before) {
                explored++;
            }
            c.record(t, latency.applyAsLong(t));
        }
        return explored;
    }

    private static final IntToLongFunction IDLE = t -> t == 2 ? 10_000_000L : 19_500_000L;
    private static final IntToLongFunction NEIGHBOUR = t -> t == 2 ? 38_000_000L : 20_000_000L;

    @Test
    void anIdleMachineKeepsTheRequestedCountAndExploresRarely() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        run(c, 1000, IDLE);
        assertEquals(2, c.current());
        int explored = run(c, 10_000, IDLE);
        assertTrue(explored <= 10_000 / AdaptiveThreadCount.MAX_DOWN_INTERVAL + 1, "explored " + explored + " of 10000 runs");
        assertTrue(explored >= 10_000 / AdaptiveThreadCount.MAX_DOWN_INTERVAL - 1, "still explores: " + explored);
    }

    @Test
    void aNeighbourOnACoreMovesToOneThreadWithinAFewRunsAndItsLeavingMovesBack() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        run(c, 2000, IDLE);
        int runs = 0;
        while (c.current() == 2 && runs < 100) {
            run(c, 1, NEIGHBOUR);
            runs++;
        }
        assertEquals(1, c.current(), "still on two threads after 100 contended runs");
        assertTrue(runs <= 10, "took " + runs + " runs to move");
        // Beside the neighbour it stays on one thread, trying two at most once in MAX_UP_INTERVAL runs.
        int explored = run(c, 5000, NEIGHBOUR);
        assertEquals(1, c.current());
        assertTrue(explored <= 5000 / AdaptiveThreadCount.MAX_UP_INTERVAL + 2, "explored " + explored);
        runs = 0;
        while (c.current() == 1 && runs < 1000) {
            run(c, 1, IDLE);
            runs++;
        }
        assertEquals(2, c.current());
        assertTrue(runs <= AdaptiveThreadCount.MAX_UP_INTERVAL + 1, "took " + runs + " runs to come back");
    }

    @Test
    void aSlowerNormalThatIsStillBestIsKept() {
        // Both counts slow down alike (say, memory bandwidth taken): two threads stay best.
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        run(c, 500, IDLE);
        int explored = run(c, 5000, t -> t == 2 ? 16_000_000L : 30_000_000L);
        assertEquals(2, c.current());
        assertTrue(explored <= 5000 / AdaptiveThreadCount.MAX_DOWN_INTERVAL + 6, "explored " + explored);
    }

    @Test
    void manyThreadsSettleOnTheFastestCount() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(4);
        run(c, 3000, t -> switch (t) {
            case 4 -> 30_000_000L;
            case 3 -> 12_000_000L;
            case 2 -> 14_000_000L;
            default -> 25_000_000L;
        });
        assertEquals(3, c.current());
    }

    @Test
    void aNeighbourFromTheStartIsFoundWithinAFewRunsThoughEachCountsFirstRunIsCold() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        boolean[] ran = new boolean[3];
        int runs = 0;
        while (c.current() == 2 && runs < 100) {
            run(c, 1, t -> {
                long base = NEIGHBOUR.applyAsLong(t);
                boolean first = !ran[t];
                ran[t] = true;
                return first ? 5 * base : base; // page faults and cold code on a plan's first run
            });
            runs++;
        }
        assertEquals(1, c.current());
        assertTrue(runs <= 8, "took " + runs + " runs");
    }

    @Test
    void oneThreadIsAlwaysOne() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(1);
        assertEquals(0, run(c, 1000, t -> 5));
        assertEquals(1, c.current());
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreadCount(0));
    }
}
