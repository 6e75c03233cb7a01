package dev.efficientformer;

/**
 * How the pure-Java backend computes ({@link ModelOptions#withJavaTier(JavaTier)}).
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum JavaTier {
    /**
     * The Vector API tier where the JVM has {@code jdk.incubator.vector} (else scalar, with one
     * warning); the system property {@code efficientformer.java.tier} may choose instead.
     */
    AUTO,
    /** The plain loops: the reference control, portable and over 100x slower. */
    SCALAR,
    /** Blocked kernels on the Vector API; needs {@code --add-modules jdk.incubator.vector}. */
    VECTOR
}
