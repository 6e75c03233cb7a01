package dev.efficientformer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadBudgetTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void concurrentUsersNeverExceedTheBudget() throws Exception {
        ThreadBudget budget = new ThreadBudget(4);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 60; i++) {
            int threads = 1 + i % 3;
            pool.submit(() -> {
                int taken = budget.acquire(threads);
                int now = inUse.addAndGet(taken);
                peak.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inUse.addAndGet(-taken);
                    budget.release(taken);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
        assertTrue(peak.get() <= 4, "peak " + peak.get());
        assertTrue(peak.get() >= 2, "the budget was shared, not serialised: peak " + peak.get());
        assertEquals(4, budget.available());
    }

    @Test
    void requestsLargerThanTheBudgetAreClipped() {
        ThreadBudget budget = new ThreadBudget(2);
        assertEquals(2, budget.acquire(8));
        assertEquals(0, budget.available());
        budget.release(2);
        assertThrows(IllegalArgumentException.class, () -> new ThreadBudget(0));
    }
}
