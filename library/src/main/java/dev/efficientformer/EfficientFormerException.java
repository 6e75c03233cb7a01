package dev.efficientformer;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Unchecked, so that services can catch one type at their boundary. Messages name the file,
 * the tensor key, and the expected and actual values, so that the message alone says what to fix.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class EfficientFormerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the problem. */
    public EfficientFormerException(String message) {
        super(message);
    }

    /** An exception with a message that names the problem and the failure that caused it. */
    public EfficientFormerException(String message, Throwable cause) {
        super(message, cause);
    }
}
