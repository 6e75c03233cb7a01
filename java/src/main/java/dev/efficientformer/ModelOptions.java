package dev.efficientformer;

import java.util.Locale;

/**
 * How to run a model: which backend, how many threads per prediction, and the image size.
 *
 * <p>Thread-safety: immutable.
 *
 * @param backend {@code auto} (x86_64: oneDNN where it loads, else pure Java; aarch64: the Arm Compute
 *     Library, then oneDNN, then pure Java; see {@code BackendSelector}), {@code dnnl}, {@code java}
 *     or {@code acl}
 * @param threads threads each prediction may use (at least 1)
 * @param imageSize side of the square model input, 193 to 224 (the last stage must be 7x7)
 */
public record ModelOptions(String backend, int threads, int imageSize) {
    /** Options; the backend name is lower-cased and checked. */
    public ModelOptions {
        backend = backend.toLowerCase(Locale.ROOT);
        if (!backend.equals("auto") && !backend.equals("dnnl") && !backend.equals("java") && !backend.equals("acl")) {
            throw new EfficientFormerException("unknown backend \"" + backend + "\" (choose auto, dnnl, java or acl)");
        }
        if (threads < 1) {
            throw new EfficientFormerException("threads must be at least 1, got " + threads);
        }
    }

    /** Automatic backend, one thread, 224x224 images. */
    public static ModelOptions defaults() {
        return new ModelOptions("auto", 1, 224);
    }

    /** These options with another backend. */
    public ModelOptions withBackend(String name) {
        return new ModelOptions(name, threads, imageSize);
    }

    /** These options with another thread count. */
    public ModelOptions withThreads(int n) {
        return new ModelOptions(backend, n, imageSize);
    }

    /** These options with another image size. */
    public ModelOptions withImageSize(int side) {
        return new ModelOptions(backend, threads, side);
    }
}
