package dev.efficientformer.tensor;

/**
 * How a tensor's logical dimensions map to memory.
 *
 * <p>Shapes are always logical (NCHW for images, {@code [out, in, kh, kw]} for convolution
 * weights); the layout says in which order the elements sit in memory.
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum Layout {
    /** C order: the last dimension is contiguous (NCHW for images). Java can address every element. */
    ROW_MAJOR,
    /** NHWC memory order for a logical NCHW tensor. */
    CHANNELS_LAST,
    /**
     * A backend's own blocked layout (oneDNN's {@code nChw8c}, ...). The bytes are only meaningful
     * to that backend; element access from Java is refused.
     */
    BACKEND_BLOCKED
}
