package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The images a command was given: files as they are (a missing one becomes that image's failure,
 * not the command's), directories searched recursively for image files in name order, and
 * {@code -} for paths read from standard input, one per line.
 *
 * <p>Thread-safety: stateless.
 */
final class ImageInputs {
    /** File name extensions taken from directories (the formats javax.imageio reads here). */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "wbmp");

    private ImageInputs() {
    }

    /** {@link #expand(List, BufferedReader)} with this process's standard input. */
    static List<Path> expand(List<String> arguments) {
        return expand(arguments, new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)));
    }

    static List<Path> expand(List<String> arguments, BufferedReader stdin) {
        List<Path> out = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-")) {
                try {
                    for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
                        if (!line.isBlank()) {
                            out.add(Path.of(line.strip()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read image paths from standard input", e);
                }
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(f -> Files.isRegularFile(f) && isImageName(f)).sorted().forEach(out::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new EfficientFormerException("cannot list the images in " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
