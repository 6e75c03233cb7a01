package dev.efficientformer.testing;

import dev.efficientformer.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Locates reference fixtures: the tiny cases in test resources, the full-size L1 in ../shared. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A file or folder under {@code src/test/resources/fixtures}. */
    public static Path resource(String relative) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + relative);
        if (url == null) {
            throw new IllegalStateException("test resource fixtures/" + relative + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny case folder, e.g. {@code tiny_v1}. */
    public static Path tiny(String name) {
        return resource("tiny/" + name);
    }

    /**
     * The full-size L1 case folder in the shared fixtures, when present (too large for the repo).
     * The location comes from the system property {@code efficientformer.shared.fixtures}.
     */
    public static Optional<Path> sharedL1() {
        return shared("efficientformer_l1");
    }

    /** Why a full-size test is skipped, for assumption messages. */
    public static String sharedL1Absent() {
        return sharedAbsent("efficientformer_l1");
    }

    /** A full-size case folder of the shared fixtures ({@code efficientformerv2_s0}), when present. */
    public static Optional<Path> shared(String name) {
        String root = System.getProperty("efficientformer.shared.fixtures");
        if (root == null) {
            return Optional.empty();
        }
        Path p = Path.of(root, name);
        return Files.isRegularFile(p.resolve("model.safetensors")) ? Optional.of(p) : Optional.empty();
    }

    /** Why a test of the shared case {@code name} is skipped, for assumption messages. */
    public static String sharedAbsent(String name) {
        return "full-size " + name + " fixture not found under "
                + System.getProperty("efficientformer.shared.fixtures", "(efficientformer.shared.fixtures unset)")
                + ": skipping the full-size check";
    }

    /** Reads a raw little-endian float32 file. */
    public static float[] readF32(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code shape} of a fixture's {@code .json} description. */
    public static long[] shapeOf(Path json) {
        try {
            List<?> shape = (List<?>) Json.parseObject(Files.readString(json)).get("shape");
            return shape.stream().mapToLong(o -> (Long) o).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture key list ({@code keys/<variant>.json}) section, e.g. {@code timm_safetensors}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> keys(String variant, String section) {
        try {
            return (Map<String, Object>) Json.parseObject(Files.readString(resource("keys/" + variant + ".json"))).get(section);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
