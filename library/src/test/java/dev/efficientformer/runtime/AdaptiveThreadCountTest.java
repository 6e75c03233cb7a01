package dev.efficientformer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The thread-count chooser against simulated runs (wall time and the calling thread's CPU share):
 * on an idle machine it never leaves the requested count; beside a neighbour that makes fewer
 * threads faster it moves within a few runs, from the first runs on too, and comes back when the
 * neighbour leaves; where fewer threads are not faster it keeps the count, trying rarely; a
 * single slow run (a hiccup) does not move it.
 */
class AdaptiveThreadCountTest {
    /** What one run on a given count takes: wall time and the calling thread's share of a core. */
    private record Machine(long oneThread, long twoThreads, double shareOnTwo) {
        long wall(int t) {
            return t == 2 ? twoThreads : oneThread;
        }

        long cpu(int t) {
            return (long) (wall(t) * (t == 2 ? shareOnTwo : 1.0));
        }
    }

    private static final Machine IDLE = new Machine(19_500_000L, 10_000_000L, 0.98);
    private static final Machine NEIGHBOUR = new Machine(20_000_000L, 38_000_000L, 0.6);

    /** Runs {@code runs} predictions; returns how many ran off the chosen count. */
    private static int run(AdaptiveThreadCount c, int runs, Machine m) {
        int explored = 0;
        for (int i = 0; i < runs; i++) {
            int before = c.current();
            int t = c.next();
            if (t != before) {
                explored++;
            }
            c.record(t, m.wall(t), m.cpu(t));
        }
        return explored;
    }

    /** Runs until the count changes (at most {@code limit} runs); returns the runs it took. */
    private static int runsUntilMove(AdaptiveThreadCount c, int limit, Machine m) {
        int start = c.current();
        int runs = 0;
        while (c.current() == start && runs < limit) {
            run(c, 1, m);
            runs++;
        }
        return runs;
    }

    @Test
    void anIdleMachineNeverRunsOnFewerThreads() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        assertEquals(0, run(c, 20_000, IDLE));
        assertEquals(2, c.current());
    }

    @Test
    void aNeighbourOnACoreMovesToOneThreadWithinAFewRunsAndItsLeavingMovesBack() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        run(c, 2000, IDLE);
        int runs = runsUntilMove(c, 100, NEIGHBOUR);
        assertEquals(1, c.current(), "still on two threads after 100 contended runs");
        assertTrue(runs <= 8, "took " + runs + " runs to move");
        // Beside the neighbour it stays on one thread, trying two at most once in MAX_UP_INTERVAL runs.
        int explored = run(c, 5000, NEIGHBOUR);
        assertEquals(1, c.current());
        assertTrue(explored <= 5000 / AdaptiveThreadCount.MAX_UP_INTERVAL + 4, "explored " + explored);
        runs = runsUntilMove(c, 1000, IDLE);
        assertEquals(2, c.current());
        // One interval (jittered by up to a quarter), the exploring run and the confirming one.
        assertTrue(runs <= AdaptiveThreadCount.MAX_UP_INTERVAL * 5 / 4 + 2, "took " + runs + " runs to come back");
        assertEquals(0, run(c, 5000, IDLE), "idle again, no more exploring");
    }

    @Test
    void aNeighbourFromTheFirstRunIsFoundThoughEachCountsFirstRunIsCold() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        boolean[] ran = new boolean[3];
        int runs = 0;
        while (c.current() == 2 && runs < 100) {
            int t = c.next();
            long wall = NEIGHBOUR.wall(t) * (ran[t] ? 1 : 5); // page faults and cold code on a plan's first run
            ran[t] = true;
            c.record(t, wall, (long) (wall * (t == 2 ? NEIGHBOUR.shareOnTwo() : 1.0)));
            runs++;
        }
        assertEquals(1, c.current());
        assertTrue(runs <= 8, "took " + runs + " runs");
    }

    @Test
    void singleSlowRunsOnAnIdleMachineDoNotMoveIt() {
        // A hiccup every 50 runs (the first run after the process sat idle, a host's pause on a VM):
        // three times as slow, the calling thread off its core for most of it. Each may cost one
        // exploring run on one thread, never a move.
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        run(c, 100, IDLE);
        int onOne = 0;
        for (int i = 0; i < 5000; i++) {
            int t = c.next();
            long wall = IDLE.wall(t);
            long cpu = IDLE.cpu(t);
            if (i % 50 == 0) {
                wall *= 3;
                cpu = wall * 4 / 10;
            }
            c.record(t, wall, cpu);
            onOne += t == 1 ? 1 : 0;
            assertEquals(2, c.current(), "moved after run " + i);
        }
        assertTrue(onOne <= 5000 / 50, onOne + " runs on one thread");
    }

    @Test
    void aLowShareWhereTwoThreadsStillWinKeepsTwoAndBacksOff() {
        // Four cores, one taken: the share drops, yet two threads stay faster than one.
        Machine busyButBetter = new Machine(30_000_000L, 16_000_000L, 0.7);
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        int explored = run(c, 5000, busyButBetter);
        assertEquals(2, c.current());
        assertTrue(explored <= 5000 / AdaptiveThreadCount.MAX_DOWN_INTERVAL + 8, "tries fewer threads with back-off, not every run: " + explored);
    }

    @Test
    void withoutTheCpuClockItExploresOnAScheduleAndStillFindsTheNeighbour() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(2);
        int explored = 0;
        for (int i = 0; i < 10_000; i++) {
            int before = c.current();
            int t = c.next();
            explored += t != before ? 1 : 0;
            c.record(t, IDLE.wall(t), -1);
        }
        assertEquals(2, c.current());
        assertTrue(explored <= 10_000 / AdaptiveThreadCount.MAX_DOWN_INTERVAL + 8, "explored " + explored);
        int runs = 0;
        while (c.current() == 2 && runs < 1000) {
            int t = c.next();
            c.record(t, NEIGHBOUR.wall(t), -1);
            runs++;
        }
        assertEquals(1, c.current());
    }

    @Test
    void manyThreadsStepDownToTheFastestCount() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(4);
        for (int i = 0; i < 3000; i++) {
            int t = c.next();
            long wall = switch (t) {
                case 4 -> 30_000_000L;
                case 3 -> 12_000_000L;
                case 2 -> 14_000_000L;
                default -> 25_000_000L;
            };
            c.record(t, wall, t == 4 ? wall / 2 : wall);
        }
        assertEquals(3, c.current());
    }

    @Test
    void oneThreadIsAlwaysOne() {
        AdaptiveThreadCount c = new AdaptiveThreadCount(1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, c.next());
            c.record(1, 5, 1);
        }
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreadCount(0));
    }
}
