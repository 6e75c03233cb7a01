package dev.efficientformer;

import java.nio.file.Path;

/**
 * Where this library keeps per-user files it can re-create: extracted native libraries
 * ({@code <root>/native/}) and downloaded weights ({@code <root>/weights/}). One place decides the
 * root so that everything a user may want to delete, move or share lives under one folder.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class CacheDirectory {
    /** System property naming the cache root. */
    public static final String PROPERTY = "efficientformer.cache.dir";
    /** Environment variable naming the cache root (the property wins). */
    public static final String ENV = "EFFICIENTFORMER_CACHE_DIR";

    private CacheDirectory() {
    }

    /**
     * The per-user root: the {@value #PROPERTY} property, else {@value #ENV}, else
     * {@code $XDG_CACHE_HOME/efficientformer-java}, else {@code ~/.cache/efficientformer-java}.
     * Read on every call, so that a property set after startup takes effect.
     */
    public static Path root() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "efficientformer-java");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "efficientformer-java");
    }
}
