package dev.efficientformer.image;

/**
 * One float per RGB channel, such as a normalisation mean or standard deviation. Floats, because
 * torchvision's {@code Normalize} subtracts and divides in float32 and the results must match it
 * bit for bit.
 *
 * <p>Thread-safety: immutable.
 *
 * @param red value for the red channel
 * @param green value for the green channel
 * @param blue value for the blue channel
 */
public record ChannelValues(float red, float green, float blue) {
    /** ImageNet's per-channel mean, {@code (0.485, 0.456, 0.406)}, used by every EfficientFormer checkpoint. */
    public static final ChannelValues IMAGENET_MEAN = new ChannelValues(0.485f, 0.456f, 0.406f);

    /** ImageNet's per-channel standard deviation, {@code (0.229, 0.224, 0.225)}. */
    public static final ChannelValues IMAGENET_STD = new ChannelValues(0.229f, 0.224f, 0.225f);

    /** Rejects NaN and infinite values. */
    public ChannelValues {
        if (!Float.isFinite(red) || !Float.isFinite(green) || !Float.isFinite(blue)) {
            throw new IllegalArgumentException("channel values must be finite, got (" + red + ", " + green + ", " + blue + ")");
        }
    }

    /** The value for channel {@code c}: 0 red, 1 green, 2 blue. */
    public float get(int c) {
        return switch (c) {
            case 0 -> red;
            case 1 -> green;
            case 2 -> blue;
            default -> throw new IndexOutOfBoundsException("channel " + c + " is not 0, 1 or 2");
        };
    }
}
