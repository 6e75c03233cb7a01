package dev.efficientformer.backend.java;

/**
 * The error function, which {@link Math} lacks. GELU needs it to fp32 accuracy: the tanh
 * approximation of GELU differs from the reference by 1e-4 relative, which the correctness gate
 * catches.
 */
final class Erf {
    private Erf() {
    }

    /**
     * erf(x) with absolute error below 1.2e-7 (W. J. Cody's rational approximations, via the
     * complementary function for |x| >= 0.5), evaluated in double.
     */
    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 0.5) {
            // Maclaurin series converges fast here.
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 30; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17) {
                    break;
                }
            }
            return 2.0 / Math.sqrt(Math.PI) * sum;
        }
        double r = 1.0 - erfcLarge(ax);
        return x < 0 ? -r : r;
    }

    /** erfc for x >= 0.5 by the continued fraction of Lentz's method. */
    static double erfcLarge(double x) {
        if (x > 6) {
            return 0.0;
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 200; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
