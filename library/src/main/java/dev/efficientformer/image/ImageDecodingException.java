package dev.efficientformer.image;

import dev.efficientformer.EfficientFormerException;

/**
 * An image could not be decoded: unreadable or truncated data, a format {@code javax.imageio} does
 * not read, or a size above the decoder's pixel limit. The message names the source (file path or
 * the caller's name for a stream) and what to do about it.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class ImageDecodingException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the source and the problem. */
    public ImageDecodingException(String message) {
        super(message);
    }

    /** An exception with a message that names the source and the problem, and its cause. */
    public ImageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
