package dev.efficientformer.weights;

import dev.efficientformer.tensor.Tensor;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A weight file seen under other key names: a view of another {@link WeightFile} whose keys pass
 * through a renaming function. Tensors are the underlying file's, not copies. The model families
 * use it to present the original authors' checkpoints under timm's names
 * ({@code dev.efficientformer.model.ModelFamily#withTimmNames}).
 *
 * <p>Thread-safety: as safe as the underlying file (the name tables are immutable).
 */
public final class RenamedWeightFile implements WeightFile {
    private final WeightFile source;
    private final Map<String, String> sourceNames;
    private final List<String> names;

    /**
     * A view of {@code source} with every key {@code k} presented as {@code rename.apply(k)}.
     *
     * @throws CheckpointException naming both keys when two keys are renamed to the same name
     */
    public RenamedWeightFile(WeightFile source, UnaryOperator<String> rename) {
        this.source = Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rename, "rename");
        Map<String, String> map = new LinkedHashMap<>();
        for (String original : source.names()) {
            String renamed = Objects.requireNonNull(rename.apply(original), "rename returned null");
            String clash = map.putIfAbsent(renamed, original);
            if (clash != null) {
                throw new CheckpointException("keys '" + clash + "' and '" + original + "' of " + source.path()
                        + " both become '" + renamed + "' when renamed");
            }
        }
        this.sourceNames = Collections.unmodifiableMap(map);
        this.names = List.copyOf(map.keySet());
    }

    /** The file underneath. */
    public WeightFile source() {
        return source;
    }

    /**
     * The underlying file's key for a key of this view.
     *
     * @throws CheckpointException when there is no such key
     */
    public String sourceName(String name) {
        String original = sourceNames.get(name);
        if (original == null) {
            throw new CheckpointException("no tensor '" + name + "' in " + source.path() + " (after renaming keys)");
        }
        return original;
    }

    @Override
    public Path path() {
        return source.path();
    }

    @Override
    public String format() {
        return source.format();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean contains(String name) {
        return sourceNames.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        TensorInfo inner = source.info(sourceName(name));
        return new TensorInfo(name, inner.dtype(), inner.shape());
    }

    @Override
    public Tensor tensor(String name) {
        return source.tensor(sourceName(name));
    }

    /** Closes the underlying file. */
    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "RenamedWeightFile[" + source + "]";
    }
}
