package dev.efficientformer;

import dev.efficientformer.text.SafeText;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Unchecked, so that services can catch one type at their boundary. Messages name the file,
 * the tensor key, and the expected and actual values, so that the message alone says what to fix.
 * A message never holds a control character: names read from files are quoted in it, and an
 * escape sequence or line break among them is written as {@code \xNN}, so a message is safe to
 * print or log as it is.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class EfficientFormerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the problem. */
    public EfficientFormerException(String message) {
        super(SafeText.escape(message));
    }

    /** An exception with a message that names the problem and the failure that caused it. */
    public EfficientFormerException(String message, Throwable cause) {
        super(SafeText.escape(message), cause);
    }

    /**
     * An exception whose message has lines of the library's own making: line feeds are kept, every
     * other control character escaped. The caller escapes what it quotes from files
     * ({@code SafeText.escape}), line feeds included.
     */
    protected EfficientFormerException(String message, Throwable cause, boolean multiLine) {
        super(multiLine ? SafeText.escapeKeepingLineBreaks(message) : SafeText.escape(message), cause);
    }
}
