package dev.efficientformer;

import java.util.Locale;

/**
 * Which backend runs a model ({@link ModelOptions#withBackend(BackendKind)}).
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum BackendKind {
    /** The fastest that can run here: on Linux aarch64 acl, then dnnl, then java; elsewhere dnnl, then java. */
    AUTO,
    /** oneDNN (Linux x86_64 and aarch64). */
    DNNL,
    /** The Arm Compute Library (Linux aarch64). */
    ACL,
    /** Pure Java; its tier is {@link ModelOptions#javaTier()}. */
    JAVA;

    /** The name used on the command line and in {@link ModelOptions#backend()}: {@code auto}, {@code dnnl}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code id}, in any case.
     *
     * @throws EfficientFormerException for another name, listing the choices
     */
    public static BackendKind of(String id) {
        if (id != null) {
            for (BackendKind k : values()) {
                if (k.id().equalsIgnoreCase(id.strip())) {
                    return k;
                }
            }
        }
        throw new EfficientFormerException("unknown backend \"" + id + "\" (choose auto, dnnl, java or acl)");
    }
}
