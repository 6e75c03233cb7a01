package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 1000 ImageNet-1k class names in the order of the published checkpoints' outputs.
 *
 * <p>Thread-safety: immutable, loaded once.
 */
public final class ImageNetLabels {
    private static final List<String> LABELS = load();

    private ImageNetLabels() {
    }

    /** The names, index = class. */
    public static List<String> all() {
        return LABELS;
    }

    /** Labels for a model with {@code classes} outputs: ImageNet's for 1000, {@code class_<i>} otherwise. */
    public static List<String> forClasses(int classes) {
        if (classes == LABELS.size()) {
            return LABELS;
        }
        return java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class_" + i).toList();
    }

    private static List<String> load() {
        try (InputStream in = ImageNetLabels.class.getResourceAsStream("imagenet-1k-labels.txt")) {
            if (in == null) {
                throw new EfficientFormerException("resource imagenet-1k-labels.txt is missing from the jar");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.size() != 1000) {
                throw new EfficientFormerException("imagenet-1k-labels.txt has " + lines.size() + " lines, expected 1000");
            }
            return lines;
        } catch (IOException e) {
            throw new EfficientFormerException("cannot read imagenet-1k-labels.txt", e);
        }
    }
}
