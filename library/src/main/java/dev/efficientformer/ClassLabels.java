package dev.efficientformer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Class names for a model's outputs, for checkpoints fine-tuned on other classes than ImageNet's:
 * a list (index = class), or a UTF-8 text file with one name per line.
 *
 * <p>Thread-safety: stateless.
 */
public final class ClassLabels {
    /** Largest labels file read (16 MiB: a million names of 16 bytes). */
    public static final long MAX_FILE_BYTES = 16L << 20;

    private ClassLabels() {
    }

    /**
     * The names in {@code file}, one per line (a final line break is optional; a blank line is a
     * class named "").
     *
     * @throws EfficientFormerException when the file cannot be read, is larger than
     *     {@link #MAX_FILE_BYTES} or is not UTF-8, naming the file
     */
    public static List<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new EfficientFormerException("labels file " + file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new EfficientFormerException("labels file " + file + " has " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " a labels file may have");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new EfficientFormerException("labels file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new EfficientFormerException("cannot read labels file " + file + ": " + e, e);
        }
    }

    /**
     * Checks that {@code labels} names exactly {@code classes} classes.
     *
     * @throws EfficientFormerException naming both counts, otherwise
     */
    static List<String> requireCount(List<String> labels, int classes) {
        if (labels.size() != classes) {
            throw new EfficientFormerException(labels.size() + " labels were given for a model with " + classes + " classes");
        }
        return List.copyOf(labels);
    }
}
