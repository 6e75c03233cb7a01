package dev.efficientformer.text;

/**
 * Text from files made safe to print: messages quote tensor names, JSON keys, labels and paths
 * read from untrusted input, and a control character in one must not reach a terminal or a log
 * (an escape sequence can move the cursor, rewrite a line or set the window title; a line break
 * can forge a log line; a bidirectional override can reorder what a reader sees).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class SafeText {
    private SafeText() {
    }

    /** {@code s} with every control character written as {@code \xNN} (or {@code \\uNNNN} above 0xff). */
    public static String escape(String s) {
        return escape(s, false);
    }

    /**
     * Like {@link #escape(String)} but keeps line feeds: for messages whose lines are the library's
     * own structure, built from parts already escaped.
     */
    public static String escapeKeepingLineBreaks(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLineBreaks) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = isControl(c) && !(keepLineBreaks && c == '\n');
            if (unsafe && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (unsafe) {
                    b.append(c <= 0xff ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c)
                            : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** C0, DEL, C1, and the Unicode bidirectional embedding, override and isolate controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
