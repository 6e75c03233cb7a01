package dev.efficientformer.backend;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.acl.AclBackend;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.Platform;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Chooses a backend: an explicit request wins (and fails loudly when it cannot run here, saying
 * why); {@code auto} walks a ladder and takes the first backend that can run:
 * <ul>
 *   <li>on Linux aarch64: the Arm Compute Library ({@code acl}), then oneDNN's aarch64 build
 *       ({@code dnnl}), then pure Java;</li>
 *   <li>anywhere else: oneDNN, then pure Java.</li>
 * </ul>
 * Each step down is logged once per JVM (a warning), with the reason the backend above could not
 * run.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class BackendSelector {
    private static final System.Logger LOG = System.getLogger(BackendSelector.class.getName());
    /** The steps down already logged, by the name of the backend that could not run. */
    private static final java.util.Set<String> FALLBACKS_LOGGED = ConcurrentHashMap.newKeySet();

    private BackendSelector() {
    }

    /**
     * The backend for {@code name}, with strict fp32 products.
     *
     * @throws EfficientFormerException when the named backend cannot run here, saying why
     */
    public static Backend select(String name) {
        return select(name, MatmulPrecision.HIGHEST);
    }

    /**
     * The backend for {@code name}, computing products at {@code precision} where it has a way to
     * (oneDNN; the other backends are always {@link MatmulPrecision#HIGHEST}, which every
     * precision permits).
     *
     * @throws EfficientFormerException when the named backend cannot run here, saying why
     */
    public static Backend select(String name, MatmulPrecision precision) {
        return switch (name) {
            case "java" -> new JavaBackend();
            case "dnnl" -> available(new DnnlBackend(precision));
            case "acl" -> available(new AclBackend());
            case "auto" -> auto(Platform.current(), precision);
            default -> throw new EfficientFormerException("unknown backend \"" + name + "\" (choose auto, dnnl, java or acl)");
        };
    }

    /** The names of the backends {@code auto} tries on {@code platform}, in order. */
    public static List<String> autoLadder(Platform platform) {
        return platform.equals(AclLibrary.PLATFORM) ? List.of("acl", "dnnl", "java") : List.of("dnnl", "java");
    }

    private static Backend available(Backend b) {
        if (!b.isAvailable()) {
            String label = b.name().equals("acl") ? "acl (Arm Compute Library)" : b.name();
            throw new EfficientFormerException("backend " + label + " is not available: " + b.unavailableReason());
        }
        return b;
    }

    private static Backend auto(Platform platform, MatmulPrecision precision) {
        List<String> ladder = autoLadder(platform);
        for (int i = 0; i < ladder.size(); i++) {
            Backend b = create(ladder.get(i), precision).get();
            if (b.isAvailable()) {
                return b;
            }
            // java is always available, so there is a next step here.
            if (FALLBACKS_LOGGED.add(b.name())) {
                LOG.log(System.Logger.Level.WARNING, "{0} is not available, trying {1}: {2}", describe(b.name()),
                        describe(ladder.get(i + 1)), b.unavailableReason());
            }
        }
        throw new IllegalStateException("the pure-Java backend is always available");
    }

    private static Supplier<Backend> create(String name, MatmulPrecision precision) {
        return switch (name) {
            case "acl" -> AclBackend::new;
            case "dnnl" -> () -> new DnnlBackend(precision);
            default -> JavaBackend::new;
        };
    }

    private static String describe(String name) {
        return switch (name) {
            case "acl" -> "the Arm Compute Library backend (acl)";
            case "dnnl" -> "oneDNN (dnnl)";
            default -> "the pure-Java backend";
        };
    }
}
