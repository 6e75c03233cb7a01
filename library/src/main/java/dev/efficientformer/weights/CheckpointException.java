package dev.efficientformer.weights;

import dev.efficientformer.EfficientFormerException;

/**
 * A checkpoint file is malformed, hostile, or not what the model expects. The message names the
 * file and, where there is one, the tensor key.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class CheckpointException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the file and the problem. */
    public CheckpointException(String message) {
        super(message);
    }

    /** An exception with a message that names the file and the problem, and its cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception whose message has lines of its own (see {@link EfficientFormerException}). */
    protected CheckpointException(String message, Throwable cause, boolean multiLine) {
        super(message, cause, multiLine);
    }
}
