package dev.efficientformer.weights.torch;

import dev.efficientformer.weights.CheckpointException;
import java.util.Optional;

/**
 * The only Python globals a checkpoint's pickle may name. Each resolves to a Java value, never to
 * anything looked up by name at run time: the callables are implemented by
 * {@link RestrictedUnpickler} itself, and storage classes are inert markers of an element type.
 *
 * <p>Thread-safety: stateless.
 */
final class AllowedGlobals {
    /** The callables REDUCE may apply. */
    enum Callable {
        /** {@code collections.OrderedDict}: a state dict's own class; only {@code OrderedDict()} is built. */
        ORDERED_DICT("collections", "OrderedDict"),
        /** {@code torch._utils._rebuild_tensor_v2}: how every tensor is pickled. */
        REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
        /** {@code torch._utils._rebuild_parameter}: an {@code nn.Parameter} around a tensor. */
        REBUILD_PARAMETER("torch._utils", "_rebuild_parameter");

        final String module;
        final String name;

        Callable(String module, String name) {
            this.module = module;
            this.name = name;
        }

        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    // Long enough for any real qualified name; longer ones are cut in messages, not in matching.
    private static final int MAX_SHOWN = 100;

    private AllowedGlobals() {
    }

    /**
     * The Java value for {@code module.name}.
     *
     * @throws CheckpointException naming the global when it is not allowed
     */
    static Object resolve(String module, String name, String source) {
        for (Callable c : Callable.values()) {
            if (c.module.equals(module) && c.name.equals(name)) {
                return c;
            }
        }
        if (module.equals("torch")) {
            Optional<StorageType> storage = StorageType.forClassName(name);
            if (storage.isPresent()) {
                return storage.get();
            }
        }
        throw new CheckpointException("refusing to load global '" + printable(module) + " " + printable(name)
                + "' from " + source + ": only tensors, storages and ordered dicts are allowed");
    }

    /** The text with control and non-ASCII characters replaced and length bounded, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX_SHOWN; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (s.length() > MAX_SHOWN) {
            b.append("...");
        }
        return b.toString();
    }
}
