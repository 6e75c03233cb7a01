package dev.efficientformer.backend;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.nativelib.Platform;

/**
 * Chooses a backend: an explicit request wins (and fails loudly when it cannot run here);
 * {@code auto} takes oneDNN where it loads and falls back to pure Java, logging the reason once.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class BackendSelector {
    private static final System.Logger LOG = System.getLogger(BackendSelector.class.getName());
    private static volatile boolean fallbackLogged;

    private BackendSelector() {
    }

    /**
     * The backend for {@code name}.
     *
     * @throws EfficientFormerException when the named backend cannot run here, saying why
     */
    public static Backend select(String name) {
        return switch (name) {
            case "java" -> new JavaBackend();
            case "dnnl" -> {
                DnnlBackend d = new DnnlBackend();
                if (!d.isAvailable()) {
                    throw new EfficientFormerException("backend dnnl is not available: " + d.unavailableReason());
                }
                yield d;
            }
            case "acl" -> throw new EfficientFormerException("backend acl (Arm Compute Library) is not available on "
                    + Platform.current() + ": it is built for linux-arm64 only, and not yet part of this build");
            case "auto" -> {
                DnnlBackend d = new DnnlBackend();
                if (d.isAvailable()) {
                    yield d;
                }
                if (!fallbackLogged) {
                    fallbackLogged = true;
                    LOG.log(System.Logger.Level.WARNING, "oneDNN is not available, using the pure-Java backend: {0}", d.unavailableReason());
                }
                yield new JavaBackend();
            }
            default -> throw new EfficientFormerException("unknown backend \"" + name + "\" (choose auto, dnnl, java or acl)");
        };
    }
}
