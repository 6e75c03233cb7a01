package dev.efficientformer.model;

/**
 * The architecture of a loaded model, whichever family it belongs to: EfficientFormer (V1,
 * {@link EfficientFormerSpec}) or EfficientFormerV2 ({@link EfficientFormerV2Spec}). Both are
 * read off the checkpoint's tensor shapes.
 *
 * <p>Thread-safety: implementations are immutable.
 */
public sealed interface ModelSpec permits EfficientFormerSpec, EfficientFormerV2Spec {
    /** Outputs of the classifier. */
    int numClasses();

    /** Features fed to the classifier (the length of an embedding). */
    int numFeatures();

    /** Whether a distillation head is averaged with the classifier. */
    boolean distilled();

    /** The family: {@code EfficientFormer} or {@code EfficientFormerV2}. */
    String family();
}
