package dev.efficientformer.image;

import java.util.Objects;

/**
 * The eval-time transform of one model: resize the shorter side to {@code resizeShortSide}
 * (the longer side keeps the aspect ratio), center-crop {@code cropSize x cropSize}, scale to
 * [0, 1], subtract {@code mean} and divide by {@code std} per channel. This is timm's
 * {@code transforms_imagenet_eval} with {@code crop_mode='center'}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param resizeShortSide length of the shorter side after resizing; at least {@code cropSize}
 * @param cropSize side of the square center crop, i.e. the model's input size
 * @param mean per-channel mean subtracted after scaling to [0, 1]
 * @param std per-channel standard deviation divided by after subtracting the mean; non-zero
 * @param interpolation PIL filter used for the resize
 */
public record PreprocessConfig(int resizeShortSide, int cropSize, ChannelValues mean, ChannelValues std,
                               Interpolation interpolation) {

    /** Validates the sizes and that no standard deviation is zero. */
    public PreprocessConfig {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(interpolation, "interpolation");
        if (cropSize <= 0) {
            throw new IllegalArgumentException("cropSize must be positive, got " + cropSize);
        }
        if (3L * cropSize * cropSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cropSize " + cropSize + " gives more floats than one Java array holds");
        }
        if (resizeShortSide < cropSize) {
            throw new IllegalArgumentException("resizeShortSide " + resizeShortSide + " is smaller than cropSize "
                    + cropSize + ": the center crop would need padding");
        }
        if (std.red() == 0f || std.green() == 0f || std.blue() == 0f) {
            throw new IllegalArgumentException("std must be non-zero in every channel, got " + std);
        }
    }

    /**
     * The configuration timm derives from a crop percentage: {@code resizeShortSide =
     * floor(cropSize / cropPct)} ({@code math.floor} in timm).
     *
     * @throws IllegalArgumentException if {@code cropPct} is not in (0, 1]
     */
    public static PreprocessConfig fromCropPct(int cropSize, double cropPct, Interpolation interpolation,
                                               ChannelValues mean, ChannelValues std) {
        if (!(cropPct > 0.0 && cropPct <= 1.0)) {
            throw new IllegalArgumentException("cropPct must be in (0, 1], got " + cropPct);
        }
        return new PreprocessConfig((int) Math.floor(cropSize / cropPct), cropSize, mean, std, interpolation);
    }

    /**
     * The settings of every EfficientFormer (V1 and V2) checkpoint: 224 crop, crop_pct 0.95
     * (so the shorter side is resized to 235), bicubic, ImageNet mean and std.
     */
    public static PreprocessConfig imagenetDefault() {
        return fromCropPct(224, 0.95, Interpolation.BICUBIC, ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD);
    }

    /** Number of floats in one preprocessed image: {@code 3 * cropSize * cropSize}. */
    public int outputElementCount() {
        return 3 * cropSize * cropSize;
    }
}
