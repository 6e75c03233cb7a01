package dev.efficientformer.nativelib;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.text.SafeText;
import java.util.List;

/**
 * No usable native library could be loaded. The message lists every place that was tried and why
 * each failed, and says how to point the library at a build of its own.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class NativeLibraryException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> attempts;

    /** An exception for a library that failed to load, with one line per place tried. */
    public NativeLibraryException(String message, List<String> attempts) {
        super(SafeText.escape(message) + format(attempts), null, true);
        this.attempts = List.copyOf(attempts);
    }

    /** One line per place tried, each naming the place and why it failed. */
    public List<String> attempts() {
        return attempts;
    }

    private static String format(List<String> attempts) {
        StringBuilder sb = new StringBuilder();
        for (String a : attempts) {
            sb.append("\n  - ").append(SafeText.escape(a));
        }
        return sb.toString();
    }
}
