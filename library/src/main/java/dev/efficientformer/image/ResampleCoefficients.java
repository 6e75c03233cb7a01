package dev.efficientformer.image;

/**
 * The per-output-pixel filter windows of one resampling pass, computed as Pillow's
 * {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} compute them.
 *
 * <p>Output pixel {@code i} reads input pixels {@code first(i) .. first(i) + count(i) - 1} and
 * weighs input {@code first(i) + j} by {@code fixedPoint(i, j) / 2^PRECISION_BITS}. Window bounds
 * are rounded as Pillow rounds them ({@code (int)(center ± support + 0.5)}, then clamped to the
 * image), the weights are normalised to sum to 1 in double precision, then rounded half away from
 * zero to fixed point. Matching all three steps is what makes the 8-bit output bit-identical.
 *
 * <p>Thread-safety: immutable after construction (the arrays are never exposed).
 */
final class ResampleCoefficients {
    /**
     * Fixed-point fraction bits: 8 bits of result, 2 spare bits because the bicubic and Lanczos
     * weights can sum, per partial product, below 0 or above 1; Pillow's {@code 32 - 8 - 2}.
     */
    static final int PRECISION_BITS = 32 - 8 - 2;

    private final int outSize;
    private final int windowSize;
    private final int[] firsts;
    private final int[] counts;
    private final double[] weights;
    private final int[] fixedPoint;

    private ResampleCoefficients(int outSize, int windowSize, int[] firsts, int[] counts, double[] weights) {
        this.outSize = outSize;
        this.windowSize = windowSize;
        this.firsts = firsts;
        this.counts = counts;
        this.weights = weights;
        this.fixedPoint = toFixedPoint(weights);
    }

    /**
     * The windows that map {@code inSize} input pixels onto {@code outSize} output pixels along one
     * axis, over the whole input (Pillow's default box {@code (0, inSize)}).
     */
    static ResampleCoefficients compute(int inSize, int outSize, Interpolation filter) {
        if (outSize <= 0) {
            throw new IllegalArgumentException("sizes must be positive: in " + inSize + ", out " + outSize);
        }
        return compute(inSize, outSize, filter, 0, outSize);
    }

    /**
     * The windows of output pixels {@code firstOut .. firstOut + count - 1} only, of a pass that
     * maps {@code inSize} input pixels onto {@code outSize} output pixels. Each window depends only
     * on its own index and the two sizes, so these are exactly the windows {@link #compute(int,
     * int, Interpolation)} would give those pixels; output index {@code i} of the result is pixel
     * {@code firstOut + i}. This is what lets a resize followed by a crop compute only the crop,
     * however large the resized image would be.
     */
    static ResampleCoefficients compute(int inSize, long outSize, Interpolation filter, long firstOut, int count) {
        if (inSize <= 0 || outSize <= 0) {
            throw new IllegalArgumentException("sizes must be positive: in " + inSize + ", out " + outSize);
        }
        if (count <= 0 || firstOut < 0 || firstOut > outSize - count) {
            throw new IllegalArgumentException("output window [" + firstOut + ", " + firstOut + " + " + count
                    + ") is not inside 0.." + outSize);
        }
        double scale = (double) inSize / outSize;
        // Shrinking widens the kernel by the scale factor so it averages (antialiases);
        // enlarging keeps it at unit width so it interpolates.
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support() * filterScale;
        int windowSize = (int) Math.ceil(support) * 2 + 1;
        double invFilterScale = 1.0 / filterScale;

        int[] firsts = new int[count];
        int[] counts = new int[count];
        double[] weights = new double[Math.multiplyExact(count, windowSize)];
        for (int i = 0; i < count; i++) {
            long xx = firstOut + i;
            double center = (xx + 0.5) * scale;
            // (int) truncates toward zero, as C's cast does; Pillow calls this rounding.
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            int base = i * windowSize;
            double sum = 0.0;
            for (int x = 0; x < xmax; x++) {
                // Keep Pillow's expression order: (int + int) - center + 0.5, then times 1/filterscale.
                double w = filter.weight((x + xmin - center + 0.5) * invFilterScale);
                weights[base + x] = w;
                sum += w;
            }
            if (sum != 0.0) {
                for (int x = 0; x < xmax; x++) {
                    weights[base + x] /= sum;
                }
            }
            firsts[i] = xmin;
            counts[i] = xmax;
        }
        return new ResampleCoefficients(count, windowSize, firsts, counts, weights);
    }

    private static int[] toFixedPoint(double[] weights) {
        int[] out = new int[weights.length];
        double one = 1 << PRECISION_BITS;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            // Round half away from zero, then truncate, as normalize_coeffs_8bpc does.
            out[i] = w < 0 ? (int) (-0.5 + w * one) : (int) (0.5 + w * one);
        }
        return out;
    }

    /** Number of output pixels (in the window, for a windowed pass). */
    int outSize() {
        return outSize;
    }

    /** Stride between consecutive windows in the weight arrays. */
    int windowSize() {
        return windowSize;
    }

    /** First input pixel read by output pixel {@code i}. */
    int first(int i) {
        return firsts[i];
    }

    /** Number of input pixels read by output pixel {@code i}. */
    int count(int i) {
        return counts[i];
    }

    /** Normalised double weight of input {@code first(i) + j} for output {@code i}. */
    double weight(int i, int j) {
        return weights[i * windowSize + j];
    }

    /** Fixed-point weight of input {@code first(i) + j} for output {@code i}. */
    int fixedPoint(int i, int j) {
        return fixedPoint[i * windowSize + j];
    }

    /** Read-only access for the resampling loops of this package: do not modify. */
    int[] fixedPointArray() {
        return fixedPoint;
    }

    /** Index of the first input pixel any output pixel reads. */
    int firstUsed() {
        return firsts[0];
    }

    /** One past the last input pixel any output pixel reads. */
    int endUsed() {
        return firsts[outSize - 1] + counts[outSize - 1];
    }
}
