package dev.efficientformer.weights;

import dev.efficientformer.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A checkpoint's tensors are not the ones a model needs: names missing, unexpected, or with
 * another shape or dtype. The lists hold every difference; the message shows the first
 * {@value #SHOWN_PER_KIND} of each kind.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class StateDictMismatchException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** How many names of each kind the message lists before "and N more". */
    public static final int SHOWN_PER_KIND = 20;

    /**
     * A tensor present on both sides with different shape or dtype.
     *
     * @param name the key
     * @param expected what the model needs
     * @param actual what the checkpoint has
     */
    public record Misshaped(String name, TensorInfo expected, TensorInfo actual) {
        @Override
        public String toString() {
            return name + ": expected " + expected.dtype() + " " + expected.shape() + ", found " + actual.dtype() + " "
                    + actual.shape();
        }
    }

    private final List<String> missing;
    private final List<String> unexpected;
    private final List<Misshaped> misshaped;

    /**
     * An exception describing the differences between a checkpoint and a model.
     *
     * @param source the checkpoint (a file name), for the message
     */
    public StateDictMismatchException(String source, List<String> missing, List<String> unexpected,
            List<Misshaped> misshaped) {
        super(message(source, missing, unexpected, misshaped), null, true);
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.misshaped = List.copyOf(misshaped);
    }

    /** Keys the model needs that the checkpoint lacks, in the model's order. */
    public List<String> missing() {
        return missing;
    }

    /** Keys the checkpoint has that the model does not use, in the checkpoint's order. */
    public List<String> unexpected() {
        return unexpected;
    }

    /** Keys on both sides whose shape or dtype differ, in the model's order. */
    public List<Misshaped> misshaped() {
        return misshaped;
    }

    private static String message(String source, List<String> missing, List<String> unexpected,
            List<Misshaped> misshaped) {
        StringBuilder b = new StringBuilder("state dict of ").append(SafeText.escape(source)).append(" does not match the model: ")
                .append(missing.size()).append(" missing, ").append(unexpected.size()).append(" unexpected, ")
                .append(misshaped.size()).append(" with another shape or dtype");
        section(b, "missing", missing, Function.identity());
        section(b, "unexpected", unexpected, Function.identity());
        section(b, "shape or dtype differs", misshaped, Misshaped::toString);
        return b.toString();
    }

    private static <T> void section(StringBuilder b, String title, List<T> items, Function<T, String> show) {
        if (items.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN_PER_KIND, items.size()); i++) {
            shown.add(SafeText.escape(show.apply(items.get(i))));
        }
        if (items.size() > SHOWN_PER_KIND) {
            shown.add("and " + (items.size() - SHOWN_PER_KIND) + " more");
        }
        b.append("\n  ").append(title).append(": ").append(String.join(", ", shown));
    }
}
