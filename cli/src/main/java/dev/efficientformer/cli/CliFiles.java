package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files a command was given, made before anything slow (loading a model) starts, so
 * that a typo fails at once and the message says which argument is wrong.
 *
 * <p>Thread-safety: stateless.
 */
final class CliFiles {
    private CliFiles() {
    }

    /**
     * Fails unless {@code file} is a readable regular file.
     *
     * @param what what the file is for, e.g. "weights file", to start the message with
     */
    static void requireReadableFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new EfficientFormerException(what + " not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new EfficientFormerException(what + " is a directory, not a file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new EfficientFormerException(what + " is not readable (permissions): " + file);
        }
    }
}
