package dev.efficientformer.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a checkpoint's tensors with the ones a model expects, by name, dtype and shape, and
 * reports every difference at once, so that one run says everything that is wrong with a file.
 *
 * <p>Thread-safety: stateless.
 */
public final class StateDictCheck {
    private StateDictCheck() {
    }

    /**
     * Requires {@code file} to hold exactly the expected tensors.
     *
     * @param expected the model's tensors by name
     * @throws StateDictMismatchException listing every missing, unexpected and mis-shaped key
     */
    public static void requireMatch(Map<String, TensorInfo> expected, WeightFile file) {
        requireMatch(expected, infos(file), file.path().toString());
    }

    /**
     * Requires {@code actual} to hold exactly the expected tensors: same names, dtypes and shapes.
     *
     * @param expected the model's tensors by name
     * @param actual the checkpoint's tensors by name
     * @param source the checkpoint, for the message
     * @throws StateDictMismatchException listing every missing, unexpected and mis-shaped key
     */
    public static void requireMatch(Map<String, TensorInfo> expected, Map<String, TensorInfo> actual, String source) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        List<String> missing = new ArrayList<>();
        List<StateDictMismatchException.Misshaped> misshaped = new ArrayList<>();
        for (Map.Entry<String, TensorInfo> e : expected.entrySet()) {
            TensorInfo found = actual.get(e.getKey());
            if (found == null) {
                missing.add(e.getKey());
            } else if (found.dtype() != e.getValue().dtype() || !found.shape().equals(e.getValue().shape())) {
                misshaped.add(new StateDictMismatchException.Misshaped(e.getKey(), e.getValue(), found));
            }
        }
        List<String> unexpected = actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misshaped.isEmpty()) {
            throw new StateDictMismatchException(source, missing, unexpected, misshaped);
        }
    }

    /** The file's tensors by name, in file order. */
    public static Map<String, TensorInfo> infos(WeightFile file) {
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (String name : file.names()) {
            out.put(name, file.info(name));
        }
        return out;
    }
}
