package dev.efficientformer.nativelib;

import java.util.function.Supplier;

/**
 * A native library loaded at most once per JVM: the first outcome, the library or the
 * {@link NativeLibraryException} saying why it failed, is what every later call gets, without
 * trying again (a failed {@code dlopen} does not start working on retry, and retrying would redo
 * the extraction and the whole ladder on every model load).
 *
 * <p>Thread-safety: safe from any thread; the loader runs at most once.
 */
final class LoadOnce<T> {
    private final Supplier<T> loader;
    private final Object lock = new Object();
    private volatile T loaded;
    private volatile NativeLibraryException failure;

    LoadOnce(Supplier<T> loader) {
        this.loader = loader;
    }

    /** The library, loading it on the first call. */
    T get() {
        T l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (lock) {
            if (loaded != null) {
                return loaded;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                loaded = loader.get();
                return loaded;
            } catch (NativeLibraryException e) {
                failure = e;
                throw e;
            }
        }
    }
}
