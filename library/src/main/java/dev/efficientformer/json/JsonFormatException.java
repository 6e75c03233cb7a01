package dev.efficientformer.json;

import dev.efficientformer.EfficientFormerException;

/**
 * Text is not well-formed JSON, or breaks one of {@link Json}'s limits. The message gives the
 * character offset.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class JsonFormatException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that says what is wrong and where. */
    public JsonFormatException(String message) {
        super(message);
    }
}
