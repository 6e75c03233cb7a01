package dev.efficientformer.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP {@code Content-Range} header (RFC 9110, section 14.4): {@code bytes first-last/total} in
 * a 206 answer, {@code bytes *}{@code /total} in a 416 answer.
 *
 * <p>Thread-safety: immutable.
 *
 * @param first first byte of the body, or -1 for the unsatisfied form
 * @param last last byte of the body (inclusive), or -1 for the unsatisfied form
 * @param total size of the whole file, or -1 when the server wrote {@code *}
 */
record ContentRange(long first, long last, long total) {
    // Digits are bounded so that parsing cannot overflow a long.
    private static final Pattern SATISFIED = Pattern.compile("bytes ([0-9]{1,18})-([0-9]{1,18})/([0-9]{1,18}|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/([0-9]{1,18})");

    /** The parsed header, or empty when it is absent or malformed. */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        Matcher m = SATISFIED.matcher(h);
        if (m.matches()) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            if (last < first || (total >= 0 && last >= total)) {
                return Optional.empty();
            }
            return Optional.of(new ContentRange(first, last, total));
        }
        m = UNSATISFIED.matcher(h);
        if (m.matches()) {
            return Optional.of(new ContentRange(-1, -1, Long.parseLong(m.group(1))));
        }
        return Optional.empty();
    }
}
