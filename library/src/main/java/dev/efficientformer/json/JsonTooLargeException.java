package dev.efficientformer.json;

/**
 * A JSON document holds more values than its reader allows ({@link Json#parse(String, long)}).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class JsonTooLargeException extends JsonFormatException {
    private static final long serialVersionUID = 1L;

    private final long maxValues;

    /** An exception saying how many values were allowed. */
    public JsonTooLargeException(String message, long maxValues) {
        super(message);
        this.maxValues = maxValues;
    }

    /** The number of values that was allowed. */
    public long maxValues() {
        return maxValues;
    }
}
