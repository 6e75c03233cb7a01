package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.download.WeightDownloader;
import dev.efficientformer.model.ModelZoo;
import dev.efficientformer.model.ZooEntry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The named models of {@code --model NAME} and where their downloaded weights are: the one place
 * the subcommands meet the model zoo, so that none of them depends on how it stores files.
 *
 * <p>Thread-safety: stateless; the cache root is read on every call (see
 * {@link dev.efficientformer.CacheDirectory}).
 */
final class ModelCatalog {
    private ModelCatalog() {
    }

    /**
     * The zoo entry of {@code name} ({@code efficientformer_l1}, or its full timm name).
     *
     * @throws EfficientFormerException naming the known models when there is none by that name
     */
    static ZooEntry entry(String name) {
        return ModelZoo.entry(name);
    }

    /** The downloaded checkpoint of a model, if it is in the cache (no network access). */
    static Optional<Path> downloaded(ZooEntry entry) {
        return new WeightDownloader().cached(entry);
    }

    /** The downloaded checkpoint of a model, or a failure saying how to get one. */
    static Path downloadedOrFail(String name) {
        ZooEntry e = entry(name);
        return downloaded(e).orElseThrow(() -> new EfficientFormerException("no downloaded weights for " + e.name()
                + ": run 'efficientformer download " + e.name() + "' first, or pass --weights FILE"));
    }
}
