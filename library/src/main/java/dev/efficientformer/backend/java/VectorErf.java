package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact (erf) GELU on vectors, {@code y = x * (1 + erf(x / sqrt 2)) / 2}, through the
 * complementary error function: {@code 1 + erf(z) = erfc(-z)}, which is {@code erfc(|z|)} for
 * negative {@code z} and {@code 2 - erfc(|z|)} for positive {@code z}. Computing erfc directly
 * avoids the cancellation of {@code 1 + erf(z)} for negative inputs.
 *
 * <p>erfc uses the Chebyshev fit of Numerical Recipes ({@code erfcc}, Press et al., 2nd ed.
 * section 6.2): {@code erfc(z) = t exp(-z^2 - 1.26551223 + t P(t))}, {@code t = 1 / (1 + z/2)},
 * with a fractional error below 1.2e-7 everywhere. Evaluated in float with the vector EXP, GELU's
 * relative error stays near 2e-7 (checked against {@link Erf} in the tests); below x = -4 the
 * float rounding of {@code z^2} grows it to ~1e-6 of values smaller than 1e-4, and below
 * x = -12.5 the result is flushed to zero (see {@link #FLUSH_BELOW}).
 *
 * <p>Every vector stays inside the one method (a vector handed to a method that is not inlined is
 * boxed): callers pass arrays.
 *
 * <p>Thread-safety: stateless.
 */
final class VectorErf {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));
    /**
     * Below this GELU is zero in float to within 1e-34 (and its exact value is subnormal or
     * nearly so): flushed to zero, as is {@code |z|} above {@code |x|} above {@link #MAX_X}, where
     * {@code 2 - erfc(|z|)} is exactly 2. Subnormal floats cost a microcode assist in every FMA
     * that reads them, which made the layer after a GELU several times slower.
     */
    private static final float FLUSH_BELOW = -12.5f;
    private static final float MAX_X = 12.5f;

    private VectorErf() {
    }

    /** {@code y[yo + i] = gelu(x[xo + i])} for {@code i < n}; {@code x} and {@code y} may be the same range. */
    static void gelu(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // Only |x| matters until the final sign blend; one min (a Java-semantics min is several
            // instructions) rather than a two-sided clamp.
            FloatVector vc = v.abs().min(MAX_X);
            FloatVector az = vc.mul(INV_SQRT2);
            FloatVector t = one.div(az.fma(0.5f, 1f));
            FloatVector p = t.fma(0.17087277f, -0.82215223f);
            p = p.fma(t, FloatVector.broadcast(S, 1.48851587f));
            p = p.fma(t, FloatVector.broadcast(S, -1.13520398f));
            p = p.fma(t, FloatVector.broadcast(S, 0.27886807f));
            p = p.fma(t, FloatVector.broadcast(S, -0.18628806f));
            p = p.fma(t, FloatVector.broadcast(S, 0.09678418f));
            p = p.fma(t, FloatVector.broadcast(S, 0.37409196f));
            p = p.fma(t, FloatVector.broadcast(S, 1.00002368f));
            p = p.fma(t, FloatVector.broadcast(S, -1.26551223f));
            // erfc = t * exp(p - z^2) with z^2 = vc^2 / 2 = (hi + lo) / 2 exactly, and p - hi/2 =
            // e + err exactly (Fast2Sum): exp(e) * (1 + err - lo/2). Rounding z^2 or the sum
            // to float would cost up to 1e-6 relative at |x| ~ 4.
            FloatVector hi = vc.mul(vc);
            FloatVector lo = vc.fma(vc, hi.neg());
            FloatVector h = hi.mul(0.5f);
            FloatVector e = p.sub(h);
            FloatVector corr = p.sub(e.add(h)).sub(lo.mul(0.5f));
            // exp(e) inline (see VectorExp; vectors cannot cross calls).
            FloatVector magic = e.mul(VectorExp.LOG2E).add(VectorExp.ROUND);
            FloatVector nf = magic.sub(VectorExp.ROUND);
            // n * ln2_hi is exact (ln2_hi has 9 significant bits, |n| <= 126).
            FloatVector r = nf.mul(VectorExp.MINUS_LN2_HI).add(e).add(nf.mul(VectorExp.MINUS_LN2_LO));
            FloatVector q = r.fma(VectorExp.P0, VectorExp.P1);
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P2));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P3));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P4));
            q = q.fma(r, FloatVector.broadcast(S, VectorExp.P5));
            q = q.fma(r.mul(r), r).add(1f);
            FloatVector pow2 = magic.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(VectorExp.EXPONENT_OFFSET)
                    .reinterpretAsFloats();
            FloatVector erfc = t.mul(q.mul(pow2)).mul(corr.add(1f));
            // 1 + erf(z): erfc(|z|) for z < 0, 2 - erfc(|z|) otherwise.
            FloatVector onePlusErf = two.sub(erfc).blend(erfc, v.compare(VectorOperators.LT, 0f));
            v.mul(half).mul(onePlusErf).blend(0f, v.compare(VectorOperators.LT, FLUSH_BELOW)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = gelu(x[xo + i]);
        }
    }

    /** The same approximation for one value (the tail of a range), with exp in double. */
    static float gelu(float v) {
        if (v < FLUSH_BELOW) {
            return 0f;
        }
        float vc = Math.min(Math.max(v, -MAX_X), MAX_X);
        float az = Math.abs(vc * INV_SQRT2);
        float t = 1f / Math.fma(az, 0.5f, 1f);
        float p = Math.fma(t, 0.17087277f, -0.82215223f);
        p = Math.fma(p, t, 1.48851587f);
        p = Math.fma(p, t, -1.13520398f);
        p = Math.fma(p, t, 0.27886807f);
        p = Math.fma(p, t, -0.18628806f);
        p = Math.fma(p, t, 0.09678418f);
        p = Math.fma(p, t, 0.37409196f);
        p = Math.fma(p, t, 1.00002368f);
        p = Math.fma(p, t, -1.26551223f);
        float erfc = (float) (t * Math.exp(p - (double) vc * vc * 0.5));
        float onePlusErf = v < 0f ? erfc : 2f - erfc;
        return v * 0.5f * onePlusErf;
    }
}
