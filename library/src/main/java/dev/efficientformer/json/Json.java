package dev.efficientformer.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) parser and writer for the small documents this library reads and
 * writes: safetensors headers, fixture descriptions, the CLI's {@code --json} line.
 *
 * <p>Written here rather than taken from a dependency because checkpoint headers are untrusted
 * input: this parser rejects duplicate object keys (which would let two readers of one file see
 * different tensors), bounds nesting depth, and keeps integers exact.
 *
 * <p>Values: objects become {@code Map<String, Object>} (insertion-ordered, unmodifiable),
 * arrays {@code List<Object>}, strings {@code String}, integers {@code Long} (or
 * {@link BigInteger} beyond a long), other numbers {@code Double}, and {@code true}, {@code false},
 * {@code null} as {@code Boolean.TRUE}, {@code Boolean.FALSE} and {@link #NULL}.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Json {
    /** The JSON {@code null} value (a {@code Map} cannot hold Java's {@code null} distinctly). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    /**
     * Most digits in an integer accepted: far beyond any long, and short enough that
     * {@link BigInteger}'s quadratic parsing stays instant (a 2-million-digit integer would take
     * a minute).
     */
    public static final int MAX_INTEGER_DIGITS = 1000;

    private final String text;
    private final long maxValues;
    private long values;
    private int pos;

    private Json(String text, long maxValues) {
        this.text = text;
        this.maxValues = maxValues;
    }

    /**
     * Parses one JSON value; only whitespace may follow it.
     *
     * @throws JsonFormatException with the offset of the first error
     */
    public static Object parse(String text) {
        return parse(text, Long.MAX_VALUE);
    }

    /**
     * Parses one JSON value that may hold at most {@code maxValues} values (objects, arrays,
     * strings, numbers and literals, counted at every depth; object keys are not counted), so
     * that the memory the result takes is bounded before it is allocated.
     *
     * @throws JsonTooLargeException when there are more values
     * @throws JsonFormatException with the offset of the first error
     */
    public static Object parse(String text, long maxValues) {
        Json p = new Json(text, maxValues);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the JSON value");
        }
        return v;
    }

    /**
     * Parses a document that must be a JSON object.
     *
     * @throws JsonFormatException when it is not well formed or not an object
     */
    public static Map<String, Object> parseObject(String text) {
        return parseObject(text, Long.MAX_VALUE);
    }

    /**
     * Parses a document that must be a JSON object of at most {@code maxValues} values (see
     * {@link #parse(String, long)}).
     *
     * @throws JsonTooLargeException when there are more values
     * @throws JsonFormatException when it is not well formed or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text, long maxValues) {
        Object v = parse(text, maxValues);
        if (!(v instanceof Map)) {
            throw new JsonFormatException("expected a JSON object at offset 0");
        }
        return (Map<String, Object>) v;
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        if (++values > maxValues) {
            throw new JsonTooLargeException("JSON holds more than " + maxValues + " values (at offset " + pos + ")", maxValues);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (map.putIfAbsent(key, v) != null) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, start, pos);
                pos++;
                sb.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() {
        char c = next();
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(pos + i), 16);
                    if (d < 0) {
                        throw error("bad hex digit in \\u escape");
                    }
                    v = v * 16 + d;
                }
                pos += 4;
                yield (char) v;
            }
            default -> {
                pos--;
                throw error("invalid escape '\\" + printable(c) + "'");
            }
        };
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String s = text.substring(start, pos);
        if (integral) {
            int digits = s.length() - (s.charAt(0) == '-' ? 1 : 0);
            if (digits > MAX_INTEGER_DIGITS) {
                pos = start;
                throw error("integer of " + digits + " digits (at most " + MAX_INTEGER_DIGITS + " are accepted)");
            }
            if (digits <= 18) {
                return Long.parseLong(s);
            }
            BigInteger b = new BigInteger(s);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        // Correctly rounded like BigDecimal.doubleValue(), but linear in the length of the text.
        return Double.parseDouble(s);
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal");
        }
        pos += word.length();
        return v;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonFormatException error(String what) {
        return new JsonFormatException("malformed JSON at offset " + pos + ": " + what);
    }

    /** A JSON string literal for {@code s}, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // DEL and the C1 controls too: output may be read on a terminal.
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Writes a value built of maps, lists, strings, numbers, booleans and {@link #NULL} (or
     * Java {@code null}) as compact JSON on one line.
     *
     * @throws IllegalArgumentException for other types and for non-finite numbers
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null || v == NULL) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            sb.append(d);
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(quote(String.valueOf(e.getKey()))).append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(l.get(i), sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }
}
