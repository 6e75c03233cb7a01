package dev.efficientformer.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One reference case (a folder of the shared fixtures) and the correctness gate:
 * {@code max|diff| <= 1e-4 * max(1, max|reference|)} and identical top-5 per image.
 */
public record ReferenceCase(Path dir) {
    /** The gate's relative tolerance. */
    public static final double TOLERANCE = 1e-4;

    /** The input tensor, NCHW. */
    public float[] input() {
        return Fixtures.readF32(dir.resolve("input.f32"));
    }

    /** The input's shape {@code [N, 3, H, W]}. */
    public long[] inputShape() {
        return Fixtures.shapeOf(dir.resolve("input.json"));
    }

    /** Images in the case. */
    public int batch() {
        return (int) inputShape()[0];
    }

    /** The expected logits {@code [N, classes]}. */
    public float[] logits() {
        return Fixtures.readF32(dir.resolve("logits.f32"));
    }

    /** Whether the case has a reference for this tap ({@code stem} is stored as {@code stage_stem}). */
    public boolean hasTap(String tap) {
        return Files.isRegularFile(tapFile(tap));
    }

    /** The expected value of a tap. */
    public float[] tap(String tap) {
        return Fixtures.readF32(tapFile(tap));
    }

    private Path tapFile(String tap) {
        return dir.resolve((tap.equals("stem") ? "stage_stem" : tap) + ".f32");
    }

    /** Checks {@code actual} against {@code expected} within the gate, naming {@code what} on failure. */
    public static void assertWithinGate(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": element count");
        double maxRef = 0;
        double maxDiff = 0;
        int worst = -1;
        for (int i = 0; i < expected.length; i++) {
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
            double d = Math.abs((double) expected[i] - actual[i]);
            if (d > maxDiff || Double.isNaN(d)) {
                maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        double bound = TOLERANCE * Math.max(1.0, maxRef);
        if (!(maxDiff <= bound)) {
            fail(String.format("%s differs from the reference: max|diff| %.3g at element %d (expected %.6g, got %.6g) > bound %.3g",
                    what, maxDiff, worst, expected[worst], actual[worst], bound));
        }
    }

    /** Checks logits within the gate and identical top-5 for each image. */
    public static void assertLogitsMatch(String what, float[] expected, float[] actual, int batch) {
        assertWithinGate(what + " logits", expected, actual);
        int classes = expected.length / batch;
        for (int b = 0; b < batch; b++) {
            float[] e = Arrays.copyOfRange(expected, b * classes, (b + 1) * classes);
            float[] a = Arrays.copyOfRange(actual, b * classes, (b + 1) * classes);
            assertArrayEquals(top(e, Math.min(5, classes)), top(a, Math.min(5, classes)), what + ": top-5 of image " + b);
        }
    }

    /** Indices of the {@code k} largest values, largest first. */
    public static int[] top(float[] v, int k) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -v[i])).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }
}
