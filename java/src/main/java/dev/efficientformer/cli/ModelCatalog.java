package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The named models the CLI knows ({@code --model NAME}) and where their downloaded weights are.
 * The one place the CLI meets the model zoo, so that the subcommands don't depend on how the zoo
 * stores files.
 *
 * <p>Thread-safety: stateless.
 */
final class ModelCatalog {
    /** The named models (those with a bundled key list, so that bench can use random weights). */
    static final List<String> NAMES = List.of("efficientformer_l1", "efficientformer_l3", "efficientformer_l7");

    private ModelCatalog() {
    }

    /** Fails with the list of known names unless {@code name} is one. */
    static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new EfficientFormerException("unknown model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** The downloaded checkpoint of a known model, if it is in the cache. */
    static Optional<Path> downloaded(String name) {
        requireKnown(name);
        // No model zoo in this build: nothing can have been downloaded.
        return Optional.empty();
    }

    /** The checkpoint of a known model, or a failure saying how to get one. */
    static Path downloadedOrFail(String name) {
        return downloaded(name).orElseThrow(() -> new EfficientFormerException("no downloaded weights for " + name
                + ": run 'efficientformer download " + name + "' first, or pass --weights FILE"));
    }
}
