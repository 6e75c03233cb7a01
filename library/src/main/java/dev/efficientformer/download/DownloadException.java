package dev.efficientformer.download;

import dev.efficientformer.EfficientFormerException;

/**
 * Weights could not be downloaded, or what was downloaded is not the published file. The message
 * is one line that says what happened and what to do instead (run again to resume, or pass a local
 * file with {@code --weights}).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class DownloadException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public DownloadException(String message) {
        super(message);
    }

    /** An exception with a one-line message and the failure that caused it. */
    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
