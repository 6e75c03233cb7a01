package dev.efficientformer.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 digests of files, and recognising a SHA-256 in the text a server or a person wrote.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Sha256 {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    /** A fresh digest. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A digest that has already consumed the whole of {@code file}. */
    static MessageDigest digestOf(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md;
    }

    /** The lower-case hex SHA-256 of {@code file}. */
    static String of(Path file) throws IOException {
        return hex(digestOf(file));
    }

    /** The lower-case hex of a digest's result (which resets the digest). */
    static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    static boolean isHex(String s) {
        return s != null && HEX64.matcher(s).matches();
    }

    /**
     * The SHA-256 in an HTTP entity tag, if it is one: {@code "<64 hex>"}, optionally weak
     * ({@code W/"..."}). Other tags (a git blob's SHA-1, an S3 MD5) give nothing.
     */
    static Optional<String> fromEntityTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        t = t.toLowerCase(Locale.ROOT);
        return isHex(t) ? Optional.of(t) : Optional.empty();
    }
}
