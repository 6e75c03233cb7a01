package dev.efficientformer.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the reference cases the exporter's tests use: the tiny V1 case in the java module's test
 * resources (always there) and the full-size L1 in the shared fixtures (skipped when absent). The
 * build passes both locations as system properties.
 */
public final class ExportFixtures {
    private ExportFixtures() {
    }

    /** A tiny case folder, e.g. {@code tiny_v1} (property {@code efficientformer.tiny.fixtures}). */
    public static Path tiny(String name) {
        String root = System.getProperty("efficientformer.tiny.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property efficientformer.tiny.fixtures is unset: run the tests through Maven"
                    + " (benchmarks/pom.xml points it at library/src/test/resources/fixtures/tiny)");
        }
        Path dir = Path.of(root, name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("tiny fixture " + dir + " is missing");
        }
        return dir;
    }

    /** The full-size L1 case folder (property {@code efficientformer.shared.fixtures}), when present. */
    public static Optional<Path> sharedL1() {
        return shared("efficientformer_l1");
    }

    /** Why a full-size L1 test is skipped, for assumption messages. */
    public static String sharedL1Absent() {
        return sharedAbsent("efficientformer_l1");
    }

    /**
     * A full-size case folder of the shared fixtures ({@code efficientformer_l1},
     * {@code efficientformerv2_s0}) with its {@code model.safetensors} and {@code model.onnx}, when present.
     */
    public static Optional<Path> shared(String caseName) {
        String root = System.getProperty("efficientformer.shared.fixtures");
        if (root == null) {
            return Optional.empty();
        }
        Path p = Path.of(root, caseName);
        return Files.isRegularFile(p.resolve("model.safetensors")) && Files.isRegularFile(p.resolve("model.onnx")) ? Optional.of(p)
                : Optional.empty();
    }

    /** Why a full-size test of {@code caseName} is skipped, for assumption messages. */
    public static String sharedAbsent(String caseName) {
        return "full-size " + caseName + " fixture (model.safetensors, model.onnx) not found under "
                + System.getProperty("efficientformer.shared.fixtures", "(efficientformer.shared.fixtures unset)")
                + ": skipping the full-size check";
    }

    /** Reads a raw little-endian float32 file. */
    public static float[] readF32(Path file) {
        try {
            return ReferenceLogits.readF32(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code max|actual - expected|}, failing unless it is within {@code 1e-4 * max(1, max|expected|)}. */
    public static double assertWithinGate(String what, float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + actual.length + " values, expected " + expected.length);
        }
        double maxDiff = ReferenceLogits.maxDiff(expected, actual);
        double bound = ReferenceLogits.tolerance(expected);
        if (!ReferenceLogits.within(maxDiff, bound)) {
            throw new AssertionError(String.format("%s: max|diff| %.3g > bound %.3g", what, maxDiff, bound));
        }
        return maxDiff;
    }
}
