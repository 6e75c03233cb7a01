package dev.efficientformer.image;

/**
 * The resampling filters of PIL's {@code Image.resize}, with the kernels and support radii of
 * Pillow's {@code libImaging/Resample.c}. When shrinking, the support is widened by the scale
 * factor (antialiasing), exactly as Pillow does.
 *
 * <p>Thread-safety: immutable.
 */
public enum Interpolation {
    /** {@code Image.BOX}: each output pixel averages the input pixels it covers. */
    BOX(0.5) {
        @Override
        double weight(double x) {
            // Half-open on the left, as in Pillow, so neighbouring boxes never share a sample.
            return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
        }
    },
    /** {@code Image.BILINEAR}: triangle filter. */
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    /** {@code Image.HAMMING}: Hamming-windowed sinc of radius 1. */
    HAMMING(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            if (ax == 0.0) {
                return 1.0;
            }
            if (ax >= 1.0) {
                return 0.0;
            }
            double px = ax * Math.PI;
            // Pillow writes the window constants as C floats (0.54f, 0.46f); keep their exact values.
            return Math.sin(px) / px * (0.54f + 0.46f * Math.cos(px));
        }
    },
    /**
     * {@code Image.BICUBIC}: Keys' cubic convolution with {@code a = -0.5}, support 2. The timm
     * eval transform of every EfficientFormer checkpoint uses this filter.
     */
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            final double a = -0.5;
            double ax = Math.abs(x);
            // Same operation order as Pillow, so the doubles (and hence the rounded fixed-point
            // coefficients) come out bit-identical.
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
            }
            if (ax < 2.0) {
                return (((ax - 5) * ax + 8) * ax - 4) * a;
            }
            return 0.0;
        }
    },
    /** {@code Image.LANCZOS}: sinc windowed by sinc, radius 3. */
    LANCZOS(3.0) {
        @Override
        double weight(double x) {
            if (-3.0 <= x && x < 3.0) {
                return sinc(x) * sinc(x / 3);
            }
            return 0.0;
        }
    };

    private final double support;

    Interpolation(double support) {
        this.support = support;
    }

    /** The filter's radius in input pixels at scale 1. */
    public double support() {
        return support;
    }

    /** The kernel's value at distance {@code x} (in filter units) from the sample's centre. */
    abstract double weight(double x);

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}
