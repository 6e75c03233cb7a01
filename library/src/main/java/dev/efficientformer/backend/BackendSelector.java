package dev.efficientformer.backend;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.JavaTier;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.acl.AclBackend;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.DnnlLibrary;
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
 * A step down is logged once per JVM, as one warning that says why each backend above could not
 * run and, when the pure-Java backend is left, how to get oneDNN (and the Vector API) back.
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
        return select(name, precision, JavaTier.AUTO);
    }

    /**
     * The backend for {@code name} as {@link #select(String, MatmulPrecision)}, with the pure-Java
     * backend (when it is the one chosen) on {@code tier}.
     *
     * @throws EfficientFormerException when the named backend cannot run here, saying why
     */
    public static Backend select(String name, MatmulPrecision precision, JavaTier tier) {
        return switch (name) {
            case "java" -> new JavaBackend(tier == JavaTier.AUTO ? JavaBackend.defaultTier() : javaTier(tier));
            case "dnnl" -> available(new DnnlBackend(precision));
            case "acl" -> available(new AclBackend());
            case "auto" -> auto(Platform.current(), precision, tier);
            default -> throw new EfficientFormerException("unknown backend \"" + name + "\" (choose auto, dnnl, java or acl)");
        };
    }

    /**
     * The backend for {@code name} as {@link #select(String, MatmulPrecision, JavaTier)}, for
     * running {@code graph}: a named backend without kernels for one of its ops is refused, naming
     * them; {@code auto} passes over such a backend to the next that can run the graph.
     *
     * @throws EfficientFormerException when the named backend cannot run here or cannot run the graph
     */
    public static Backend select(String name, MatmulPrecision precision, JavaTier tier, Graph graph) {
        if (name.equals("auto")) {
            return auto(Platform.current(), precision, tier, graph);
        }
        Backend b = select(name, precision, tier);
        String reason = b.cannotRun(graph);
        if (!reason.isEmpty()) {
            throw new EfficientFormerException("backend " + b.name() + " cannot run this model: " + reason
                    + " (the java backend runs every model; auto picks the fastest that can)");
        }
        return b;
    }

    private static JavaBackend.Tier javaTier(JavaTier tier) {
        return tier == JavaTier.VECTOR ? JavaBackend.Tier.VECTOR : JavaBackend.Tier.SCALAR;
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

    private static Backend auto(Platform platform, MatmulPrecision precision, JavaTier tier) {
        return auto(platform, precision, tier, null);
    }

    /** {@code graph} null: any graph the backends run (the V1 ops, which every backend has). */
    private static Backend auto(Platform platform, MatmulPrecision precision, JavaTier tier, Graph graph) {
        List<String> ladder = autoLadder(platform);
        List<String> reasons = new java.util.ArrayList<>();
        boolean missingKernels = false;
        for (int i = 0; i < ladder.size() - 1; i++) {
            Backend b = create(ladder.get(i), precision).get();
            if (b.isAvailable()) {
                String cannot = graph == null ? "" : b.cannotRun(graph);
                if (cannot.isEmpty()) {
                    if (!reasons.isEmpty() && FALLBACKS_LOGGED.add(b.name() + String.join(";", reasons))) {
                        LOG.log(System.Logger.Level.WARNING, "using {0}: {1}", describe(b.name()), String.join("; ", reasons));
                    }
                    return b;
                }
                missingKernels = true;
                reasons.add(cannot);
            } else {
                reasons.add(describe(b.name()) + " is not available: " + b.unavailableReason());
            }
        }
        JavaBackend java = new JavaBackend(tier == JavaTier.AUTO ? JavaBackend.quietDefaultTier() : javaTier(tier));
        if (FALLBACKS_LOGGED.add(java.name() + String.join(";", reasons))) {
            LOG.log(System.Logger.Level.WARNING, missingKernels ? missingKernelsWarning(java.tier(), reasons)
                    : slowFallbackWarning(platform, java.tier(), reasons));
        }
        return java;
    }

    /** The warning when native backends load but lack kernels for this model's ops. */
    static String missingKernelsWarning(JavaBackend.Tier tier, List<String> reasons) {
        return "the pure-Java backend runs this model (" + (tier == JavaBackend.Tier.VECTOR ? "vector tier" : "scalar tier")
                + ") because " + String.join("; ", reasons)
                + (tier == JavaBackend.Tier.SCALAR ? "; add --add-modules " + JavaBackend.VECTOR_MODULE + " for the faster vector tier" : "");
    }

    /**
     * The one warning of a JVM that runs the pure-Java backend because no native one can run: what
     * is missing and how to get the fast path (far slower otherwise: about 2x on the vector tier,
     * over 100x on the scalar tier).
     */
    static String slowFallbackWarning(Platform platform, JavaBackend.Tier tier, List<String> reasons) {
        StringBuilder m = new StringBuilder("no native backend can run, so the pure-Java backend runs (")
                .append(tier == JavaBackend.Tier.VECTOR ? "vector tier, about half of oneDNN's speed" : "scalar tier, over 100x slower than oneDNN")
                .append("): ").append(String.join("; ", reasons)).append(". To fix: ");
        if (platform.os().equals("linux") && (platform.arch().equals("x86_64") || platform.arch().equals("arm64"))) {
            m.append("put oneDNN's jar on the class path (the dependency dev.efficientformer:efficientformer brings ")
                    .append("org.bytedeco:dnnl:3.13-1.5.14 with classifier ").append(platform.classifier())
                    .append("; do not exclude it), or set -D").append(DnnlLibrary.PATH_PROPERTY).append(" to a libdnnl.so.3");
        } else {
            m.append("oneDNN is bundled for linux-x86_64 and linux-arm64 only; on ").append(platform)
                    .append(" set -D").append(DnnlLibrary.PATH_PROPERTY).append(" to a libdnnl.so.3 built for it");
        }
        if (tier == JavaBackend.Tier.SCALAR) {
            m.append("; and add --add-modules ").append(JavaBackend.VECTOR_MODULE).append(" to the java command line for the vector tier");
        }
        return m.toString();
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
