package dev.efficientformer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of classifying one image of a list: its top classes, or why it could not be
 * classified (an unreadable or corrupt file). One bad image never hides the others' results.
 *
 * <p>Thread-safety: immutable.
 *
 * @param image the image file
 * @param predictions the most probable classes, most probable first; empty when {@code failure} is set
 * @param failure why the image could not be classified, or {@code null}
 */
public record ImageClassification(Path image, List<Prediction> predictions, EfficientFormerException failure) {
    /** A result; {@code predictions} is copied. */
    public ImageClassification {
        Objects.requireNonNull(image, "image");
        predictions = List.copyOf(predictions);
        if ((failure == null) == predictions.isEmpty()) {
            throw new IllegalArgumentException("exactly one of predictions and failure");
        }
    }

    /** Whether the image was classified. */
    public boolean ok() {
        return failure == null;
    }
}
