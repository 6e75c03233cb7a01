package dev.efficientformer.cli;

import dev.efficientformer.CacheDirectory;
import dev.efficientformer.model.ModelZoo;
import dev.efficientformer.nativelib.DnnlLibrary;
import java.nio.file.Path;

/**
 * Points the per-user cache (and optionally the model hub) at test folders for the duration of a
 * try block, so that tests see no weights the developer downloaded and download nothing real.
 * oneDNN is loaded first, from the real cache: it is loaded once per JVM, and loading it under the
 * test folder would extract 90 MB there.
 */
final class IsolatedCache implements AutoCloseable {
    private final String oldCache = System.getProperty(CacheDirectory.PROPERTY);
    private final String oldHub = System.getProperty(ModelZoo.HUB_URL_PROPERTY);

    IsolatedCache(Path cacheRoot, String hubUrl) {
        DnnlLibrary.isAvailable();
        System.setProperty(CacheDirectory.PROPERTY, cacheRoot.toString());
        // Nothing listens on port 9 (discard) of the loopback address: any download fails at once.
        System.setProperty(ModelZoo.HUB_URL_PROPERTY, hubUrl != null ? hubUrl : "http://127.0.0.1:9");
    }

    @Override
    public void close() {
        restore(CacheDirectory.PROPERTY, oldCache);
        restore(ModelZoo.HUB_URL_PROPERTY, oldHub);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
