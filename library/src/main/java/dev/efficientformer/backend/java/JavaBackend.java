package dev.efficientformer.backend.java;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.runtime.ThreadLimit;
import java.util.Locale;

/**
 * The pure-Java backend: runs anywhere a JDK runs, with no native library, in one of two tiers:
 * <ul>
 *   <li>{@link Tier#SCALAR}: the plain loops of {@link ScalarKernels}, one image and one thread at
 *       a time: the control every other backend is tested against;</li>
 *   <li>{@link Tier#VECTOR}: blocked, register-tiled kernels on the Vector API
 *       ({@code jdk.incubator.vector}), split across the plan's threads (see {@link VectorPlan}).</li>
 * </ul>
 * The default is the vector tier when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else the scalar tier (logged once, saying how to get
 * the fast one). The system property {@value #TIER_PROPERTY} ({@code scalar} or {@code vector})
 * forces a tier.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
public final class JavaBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "java";
    /** The system property that forces a tier: {@code scalar} or {@code vector}. */
    public static final String TIER_PROPERTY = "efficientformer.java.tier";
    /** The module of the Vector API. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final System.Logger LOG = System.getLogger(JavaBackend.class.getName());
    private static volatile boolean scalarFallbackLogged;

    /** The kernels a plan runs. */
    public enum Tier {
        /** Plain loops: the control. */
        SCALAR,
        /** Vector API kernels, multi-threaded. */
        VECTOR
    }

    private final Tier tier;

    /** The tier chosen by {@value #TIER_PROPERTY}, else the best one available. */
    public JavaBackend() {
        this(defaultTier());
    }

    /**
     * A backend with this tier.
     *
     * @throws EfficientFormerException for {@link Tier#VECTOR} when {@code jdk.incubator.vector}
     *     is not in the boot layer
     */
    public JavaBackend(Tier tier) {
        if (tier == Tier.VECTOR && !vectorModulePresent()) {
            throw new EfficientFormerException("the vector tier of the java backend needs the Vector API: start the JVM with "
                    + "--add-modules " + VECTOR_MODULE);
        }
        this.tier = tier;
    }

    /** Whether the Vector API module is in the boot layer (checked without loading any vector class). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The tier {@code new JavaBackend()} uses: {@value #TIER_PROPERTY} when set, else vector when
     * the module is present, else scalar (logging once how to enable the vector tier).
     *
     * @throws EfficientFormerException when the property has another value
     */
    public static Tier defaultTier() {
        Tier tier = quietDefaultTier();
        String forced = System.getProperty(TIER_PROPERTY);
        if (tier == Tier.SCALAR && (forced == null || forced.isBlank()) && !scalarFallbackLogged) {
            scalarFallbackLogged = true;
            LOG.log(System.Logger.Level.WARNING, "java backend: using the slow scalar tier because the Vector API is not enabled; "
                    + "add --add-modules " + VECTOR_MODULE + " to the java command line for the vector tier");
        }
        return tier;
    }

    /** {@link #defaultTier()} without its warning, for callers that say it themselves. */
    public static Tier quietDefaultTier() {
        String forced = System.getProperty(TIER_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return switch (forced.trim().toLowerCase(Locale.ROOT)) {
                case "scalar" -> Tier.SCALAR;
                case "vector" -> Tier.VECTOR;
                default -> throw new EfficientFormerException("-D" + TIER_PROPERTY + "=" + forced + " is not a tier: use scalar or vector");
            };
        }
        return vectorModulePresent() ? Tier.VECTOR : Tier.SCALAR;
    }

    /** The tier this backend compiles for. */
    public Tier tier() {
        return tier;
    }

    /** Bits per vector the vector tier uses here (0 for the scalar tier). */
    public int vectorBits() {
        return tier == Tier.VECTOR ? VectorTier.bits() : 0;
    }

    /** Float lanes per vector the vector tier uses here (1 for the scalar tier). */
    public int vectorLanes() {
        return tier == Tier.VECTOR ? VectorTier.lanes() : 1;
    }

    /** The tier and vector width, e.g. {@code vector, 512-bit (16 float lanes)} or {@code scalar}. */
    public String describeTier() {
        return tier == Tier.VECTOR ? "vector, " + vectorBits() + "-bit (" + vectorLanes() + " float lanes)" : "scalar";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    /**
     * Compiles for this backend's tier. The scalar tier is single-threaded by design (it is the
     * control); the vector tier uses exactly {@code threads} threads.
     */
    @Override
    public Plan compile(Graph graph, int batch, int threads) {
        ThreadLimit.check(threads);
        if (threads < 1) {
            throw new EfficientFormerException("threads must be at least 1, got " + threads);
        }
        return tier == Tier.VECTOR ? VectorTier.compile(graph, batch, threads) : new ScalarPlan(graph, batch);
    }

    @Override
    public String toString() {
        return NAME + " (" + describeTier() + ")";
    }

    /** {@code java (vector, 256-bit (8 float lanes) tier)} or {@code java (scalar tier)}. */
    @Override
    public String describe() {
        return NAME + " (" + describeTier() + " tier)";
    }
}
