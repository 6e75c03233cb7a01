package dev.efficientformer.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The vector tier's GELU against the exact one (erf in double, {@link Erf}): within 5e-7 relative
 * for x >= -2 and 1e-6 relative down to x = -8.4 (as far as the double reference reaches), below
 * 1e-15 in magnitude further down, and zero below x = -12.5.
 */
class VectorErfTest {

    /** GELU in double; for negative x through erfc, avoiding the cancellation of 1 + erf. */
    private static double exact(double x) {
        double z = x / Math.sqrt(2.0);
        return z < -0.5 ? 0.5 * x * Erf.erfcLarge(-z) : 0.5 * x * (1.0 + Erf.erf(z));
    }

    @Test
    void geluIsWithinHalfAMillionthRelative() {
        assumeTrue(JavaBackend.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
        int n = 200_003;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -12.5f + 25f * i / (n - 1);
        }
        float[] y = new float[n];
        VectorErf.gelu(x, 0, y, 0, n);
        double worst = 0;
        double worstNegative = 0;
        for (int i = 0; i < n; i++) {
            double e = exact(x[i]);
            double rel = Math.abs(y[i] - e) / Math.max(Math.abs(e), 1e-30);
            if (x[i] >= -2) {
                worst = Math.max(worst, rel);
            } else {
                if (x[i] > -8.4) {
                    worstNegative = Math.max(worstNegative, rel);
                } else {
                    // Erf.erfcLarge stops at z = 6 (x = -8.49): here gelu is below 1e-15 in magnitude.
                    assertTrue(Math.abs(y[i]) < 1e-15, "gelu(" + x[i] + ") = " + y[i]);
                }
            }
            // The vector lanes and the scalar tail compute the same approximation.
            assertEquals(VectorErf.gelu(x[i]), y[i], Math.abs(y[i]) * 1e-6 + 1e-37, "at " + x[i]);
        }
        assertTrue(worst < 5e-7, "relative error " + worst + " for x >= -2");
        assertTrue(worstNegative < 1e-6, "relative error " + worstNegative + " for -8.4 < x < -2");
    }

    @Test
    void geluFlushesWhatWouldBeSubnormalAndKeepsLargeValues() {
        assumeTrue(JavaBackend.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
        float[] x = {-1000f, -13f, -12.6f, 13f, 100f, 1e30f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, -0f, 1e-30f,
            -1e-30f, 3f, -3f, 0.5f, -0.5f, 7f};
        float[] y = new float[x.length];
        VectorErf.gelu(x, 0, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertTrue(y[i] == 0f || Math.abs(y[i]) >= Float.MIN_NORMAL, "subnormal gelu(" + x[i] + ") = " + y[i]);
        }
        assertEquals(0f, y[0]);
        assertEquals(0f, y[1]);
        assertEquals(13f, y[3]);
        assertEquals(100f, y[4]);
        assertEquals(1e30f, y[5]);
        assertEquals(0f, y[6]);
        assertEquals(Float.POSITIVE_INFINITY, y[7]);
        assertEquals((float) exact(3), y[12], 1e-6);
        assertEquals((float) exact(-3), y[13], 1e-8);
    }
}
