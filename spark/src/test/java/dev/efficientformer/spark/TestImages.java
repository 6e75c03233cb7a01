package dev.efficientformer.spark;

import dev.efficientformer.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A folder of test images: the four fixture photos as PNG and JPEG and mirrored, in two
 * sub-folders, plus a corrupt JPEG, a truncated PNG and a text file the image reader must skip.
 */
final class TestImages {
    static final String CORRUPT = "broken.jpg";
    static final String TRUNCATED = "cut.png";

    private TestImages() {
    }

    /** Writes the folder under {@code root}; returns every image file in it (good and bad). */
    static List<Path> write(Path root) {
        try {
            List<Path> files = new ArrayList<>();
            Path a = Files.createDirectories(root.resolve("a"));
            Path b = Files.createDirectories(root.resolve("b/nested"));
            for (String name : List.of("astronaut", "camera", "chelsea", "coffee")) {
                Path png = Fixtures.resource("preprocess/images/" + name + ".png");
                files.add(Files.copy(png, a.resolve(name + ".png")));
                BufferedImage image = ImageIO.read(png.toFile());
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                BufferedImage mirrored = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        rgb.setRGB(x, y, image.getRGB(x, y));
                        mirrored.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
                    }
                }
                Path jpg = b.resolve(name + ".jpg");
                ImageIO.write(rgb, "jpg", jpg.toFile());
                files.add(jpg);
                Path flipped = b.resolve(name + "_mirrored.png");
                ImageIO.write(mirrored, "png", flipped.toFile());
                files.add(flipped);
            }
            files.add(Files.write(a.resolve(CORRUPT), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5}));
            byte[] png = Files.readAllBytes(files.get(0));
            files.add(Files.write(b.resolve(TRUNCATED), java.util.Arrays.copyOf(png, png.length / 3)));
            Files.writeString(a.resolve("notes.txt"), "not an image");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} is one of the images that cannot be decoded. */
    static boolean bad(Path file) {
        String name = file.getFileName().toString();
        return name.equals(CORRUPT) || name.equals(TRUNCATED);
    }
}
