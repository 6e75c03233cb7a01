package dev.efficientformer.benchmarks;

import dev.efficientformer.model.RandomWeights;
import java.util.SplittableRandom;

/**
 * What L3 and L7 are benchmarked on, there being no reference checkpoint for them: seeded random
 * weights of the real shapes and a seeded random image. One place, so that
 * {@link EfficientFormerModelBenchmark} and {@link OnnxRuntimeBenchmark} run the same numbers.
 *
 * <p>Thread-safety: stateless.
 */
public final class SeededRandomCase {
    /** The {@link RandomWeights} seed. */
    public static final long WEIGHT_SEED = 7;
    /** The image's seed. */
    public static final long IMAGE_SEED = 3;
    /** Floats in one 3x224x224 image. */
    public static final int IMAGE = 3 * 224 * 224;

    private SeededRandomCase() {
    }

    /**
     * The random weights of {@code model} ({@code l1}, {@code l3}, {@code l7}, or V2's
     * {@code v2-s0} ... {@code v2-l}); close them after use.
     */
    public static RandomWeights weights(String model) {
        String variant = model.startsWith("v2-") ? "efficientformerv2_" + model.substring(3) : "efficientformer_" + model;
        return RandomWeights.of(variant, WEIGHT_SEED);
    }

    /** The image, NCHW with N = 1: standard normal values. */
    public static float[] image() {
        float[] image = new float[IMAGE];
        SplittableRandom r = new SplittableRandom(IMAGE_SEED);
        for (int i = 0; i < IMAGE; i++) {
            image[i] = (float) r.nextGaussian();
        }
        return image;
    }
}
