package dev.efficientformer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The guard that makes a plan's one-run-at-a-time contract enforced rather than trusted. */
class PlanGuardTest {

    @Test
    void aSecondRunIsRefusedWhileTheFirstIsInProgress() {
        PlanGuard g = new PlanGuard("test plan");
        g.enter();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::enter);
        assertTrue(e.getMessage().startsWith("test plan is already running on another thread"), e.getMessage());
        g.exit();
        g.enter();
        g.exit();
    }

    @Test
    void closeWaitsForTheRunInProgressAndLaterUseIsRefused() throws Exception {
        PlanGuard g = new PlanGuard("test plan");
        g.enter();
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(g::close);
        assertThrows(TimeoutException.class, () -> closing.get(200, TimeUnit.MILLISECONDS), "close must wait for the run");
        assertFalse(g.isClosed());
        g.exit();
        assertTrue(closing.get(10, TimeUnit.SECONDS), "the first close frees the plan");
        assertTrue(g.isClosed());
        assertFalse(g.close(), "a second close does nothing");
        IllegalStateException e = assertThrows(IllegalStateException.class, g::enter);
        assertEquals("test plan is closed", e.getMessage());
    }
}
