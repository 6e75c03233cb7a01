package dev.efficientformer.weights.torch;

import dev.efficientformer.weights.CheckpointException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the state dict in what a checkpoint's pickle built: training scripts save
 * {@code {'model': state_dict}} (the EfficientFormer releases do) or {@code {'state_dict': ...}},
 * and {@code torch.save(model.state_dict())} saves the dict itself.
 *
 * <p>Thread-safety: stateless.
 */
public final class StateDictLocator {
    /** Top-level keys that hold the state dict, in the order they are looked for. */
    public static final List<String> WRAPPER_KEYS = List.of("model", "state_dict");

    private static final int MAX_KEYS_SHOWN = 10;

    private StateDictLocator() {
    }

    /**
     * The tensors of the state dict in {@code root}, in file order.
     *
     * @param source the file, for messages
     * @throws CheckpointException when there is no state dict, naming the top-level keys, or when
     *     the state dict holds something other than tensors under string keys, naming the key
     */
    public static Map<String, RebuiltTensor> locate(Object root, String source) {
        if (!(root instanceof Map<?, ?> top)) {
            throw new CheckpointException(source + " holds a " + RestrictedUnpickler.typeName(root)
                    + ", not a dict of tensors");
        }
        for (String key : WRAPPER_KEYS) {
            if (top.containsKey(key)) {
                Object inner = top.get(key);
                if (!(inner instanceof Map<?, ?> dict)) {
                    throw new CheckpointException("'" + key + "' in " + source + " is a "
                            + RestrictedUnpickler.typeName(inner) + ", not a state dict");
                }
                return tensors(dict, source + " ['" + key + "']");
            }
        }
        if (!top.isEmpty() && top.values().stream().allMatch(v -> v instanceof RebuiltTensor)) {
            return tensors(top, source);
        }
        throw new CheckpointException("no state dict in " + source + ": its top-level dict has keys "
                + shownKeys(top) + ", but neither 'model' nor 'state_dict' nor only tensors");
    }

    private static Map<String, RebuiltTensor> tensors(Map<?, ?> dict, String where) {
        Map<String, RebuiltTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new CheckpointException("state dict of " + where + " has a key that is a "
                        + RestrictedUnpickler.typeName(e.getKey()) + ", not a str");
            }
            if (!(e.getValue() instanceof RebuiltTensor t)) {
                throw new CheckpointException("'" + AllowedGlobals.printable(name) + "' in the state dict of " + where
                        + " is a " + RestrictedUnpickler.typeName(e.getValue()) + ", not a tensor");
            }
            out.put(name, t);
        }
        return out;
    }

    private static String shownKeys(Map<?, ?> map) {
        List<String> shown = new ArrayList<>();
        for (Object k : map.keySet()) {
            if (shown.size() == MAX_KEYS_SHOWN) {
                shown.add("and " + (map.size() - MAX_KEYS_SHOWN) + " more");
                break;
            }
            shown.add(k instanceof String s ? "'" + AllowedGlobals.printable(s) + "'" : RestrictedUnpickler.typeName(k));
        }
        return "[" + String.join(", ", shown) + "]";
    }
}
