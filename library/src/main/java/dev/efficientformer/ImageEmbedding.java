package dev.efficientformer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedding of one image of a list ({@link EfficientFormerModel#embedEach}), or why it could
 * not be computed (an unreadable or corrupt file). One bad image never hides the others' results.
 *
 * <p>Thread-safety: immutable (the array is copied in and out).
 *
 * @param image the image file
 * @param embedding the pooled features before the classifier ({@code pre_logits}); {@code null}
 *     when {@code failure} is set
 * @param failure why the image could not be embedded, or {@code null}
 */
public record ImageEmbedding(Path image, float[] embedding, EfficientFormerException failure) {
    /** A result; {@code embedding} is copied. */
    public ImageEmbedding {
        Objects.requireNonNull(image, "image");
        if ((failure == null) == (embedding == null)) {
            throw new IllegalArgumentException("exactly one of embedding and failure");
        }
        embedding = embedding == null ? null : embedding.clone();
    }

    /** The embedding (a copy), or {@code null} when the image failed. */
    @Override
    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }

    /** Whether the image was embedded. */
    public boolean ok() {
        return failure == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageEmbedding e && image.equals(e.image) && java.util.Arrays.equals(embedding, e.embedding)
                && Objects.equals(failure, e.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, java.util.Arrays.hashCode(embedding), failure);
    }

    @Override
    public String toString() {
        return "ImageEmbedding[" + image + ", " + (ok() ? embedding.length + " features" : "failed: " + failure.getMessage()) + "]";
    }
}
