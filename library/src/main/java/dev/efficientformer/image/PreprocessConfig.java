package dev.efficientformer.image;

import java.util.Objects;

/**
 * The eval-time transform of one model, timm's {@code transforms_imagenet_eval} with
 * {@code crop_mode='center'}: resize, center-crop {@code cropSize x cropWidth} (height x width),
 * scale to [0, 1], subtract {@code mean} and divide by {@code std} per channel. The resize is
 * timm's too:
 * <ul>
 *   <li>when the resize targets are equal ({@code resizeShortSide == resizeWidth}, every square
 *       input): the shorter side to {@code resizeShortSide}, the longer keeping the aspect ratio,
 *       with {@code interpolation};</li>
 *   <li>otherwise (a non-square input): timm's {@code ResizeKeepRatio} to the target
 *       {@code resizeShortSide x resizeWidth} (height x width): scaled by one factor so that both
 *       sides reach their target and one meets it, sizes rounded half to even, and always with
 *       PIL's bilinear filter, as timm builds that transform without passing the interpolation.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable.
 *
 * @param resizeShortSide the resize target: the shorter side of a square input's resize, the
 *     height target of a non-square one; at least {@code cropSize}
 * @param cropSize height of the center crop, i.e. the model's input height (and its width when square)
 * @param mean per-channel mean subtracted after scaling to [0, 1]
 * @param std per-channel standard deviation divided by after subtracting the mean; non-zero
 * @param interpolation PIL filter of the shorter-side resize
 * @param resizeWidth the width target of the resize; at least {@code cropWidth}
 * @param cropWidth width of the center crop, i.e. the model's input width
 */
public record PreprocessConfig(int resizeShortSide, int cropSize, ChannelValues mean, ChannelValues std,
                               Interpolation interpolation, int resizeWidth, int cropWidth) {

    /** Validates the sizes and that no standard deviation is zero. */
    public PreprocessConfig {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(interpolation, "interpolation");
        if (cropSize <= 0 || cropWidth <= 0) {
            throw new IllegalArgumentException("crop sizes must be positive, got " + cropSize + "x" + cropWidth);
        }
        if (3L * cropSize * cropWidth > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + cropSize + "x" + cropWidth + " crop gives more floats than one Java array holds");
        }
        if (resizeShortSide < cropSize || resizeWidth < cropWidth) {
            throw new IllegalArgumentException("resize target " + resizeShortSide + "x" + resizeWidth + " is smaller than the "
                    + cropSize + "x" + cropWidth + " crop: the center crop would need padding");
        }
        if (std.red() == 0f || std.green() == 0f || std.blue() == 0f) {
            throw new IllegalArgumentException("std must be non-zero in every channel, got " + std);
        }
    }

    /** A square transform: shorter side to {@code resizeShortSide}, a {@code cropSize x cropSize} crop. */
    public PreprocessConfig(int resizeShortSide, int cropSize, ChannelValues mean, ChannelValues std, Interpolation interpolation) {
        this(resizeShortSide, cropSize, mean, std, interpolation, resizeShortSide, cropSize);
    }

    /** Whether the resize keeps the shorter side ({@code resizeShortSide == resizeWidth}) rather than fitting a non-square target. */
    public boolean shorterSideResize() {
        return resizeShortSide == resizeWidth;
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
        return fromCropPct(cropSize, cropSize, cropPct, interpolation, mean, std);
    }

    /**
     * The configuration timm derives for a {@code cropHeight x cropWidth} input: resize targets
     * {@code floor(side / cropPct)} per side ({@code math.floor} in timm).
     *
     * @throws IllegalArgumentException if {@code cropPct} is not in (0, 1]
     */
    public static PreprocessConfig fromCropPct(int cropHeight, int cropWidth, double cropPct, Interpolation interpolation,
                                               ChannelValues mean, ChannelValues std) {
        if (!(cropPct > 0.0 && cropPct <= 1.0)) {
            throw new IllegalArgumentException("cropPct must be in (0, 1], got " + cropPct);
        }
        return new PreprocessConfig((int) Math.floor(cropHeight / cropPct), cropHeight, mean, std, interpolation,
                (int) Math.floor(cropWidth / cropPct), cropWidth);
    }

    /**
     * The settings of every EfficientFormer (V1 and V2) checkpoint: 224 crop, crop_pct 0.95
     * (so the shorter side is resized to 235), bicubic, ImageNet mean and std.
     */
    public static PreprocessConfig imagenetDefault() {
        return fromCropPct(224, 0.95, Interpolation.BICUBIC, ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD);
    }

    /** Number of floats in one preprocessed image: {@code 3 * cropSize * cropWidth}. */
    public int outputElementCount() {
        return 3 * cropSize * cropWidth;
    }
}
