package dev.efficientformer.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The correctness gate every benchmark applies before it reports a time, and the raw float32
 * files reference data comes in: logits match when {@code max|actual - expected| <= 1e-4 *
 * max(1, max|expected|)} (the fixtures' documented gate), a NaN anywhere failing it.
 *
 * <p>Thread-safety: stateless.
 */
public final class ReferenceLogits {
    private ReferenceLogits() {
    }

    /** A raw little-endian float32 file, whatever its length. */
    public static float[] readF32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(out);
        return out;
    }

    /**
     * A raw little-endian float32 file of exactly {@code count} values.
     *
     * @throws IllegalStateException when the file has another length
     */
    public static float[] readF32(Path file, int count) throws IOException {
        long bytes = Files.size(file);
        if (bytes != (long) count * Float.BYTES) {
            throw new IllegalStateException(file + " has " + bytes + " bytes, expected " + (long) count * Float.BYTES);
        }
        return readF32(file);
    }

    /**
     * {@code max|actual - expected|}; NaN when any difference is NaN.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double maxDiff(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(actual.length + " values, expected " + expected.length);
        }
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(d)) {
                return d; // compared with later differences, a NaN would be forgotten
            }
            maxDiff = Math.max(maxDiff, d);
        }
        return maxDiff;
    }

    /** The largest difference the gate allows against {@code expected}: {@code 1e-4 * max(1, max|expected|)}. */
    public static double tolerance(float[] expected) {
        double maxAbs = 0;
        for (float e : expected) {
            maxAbs = Math.max(maxAbs, Math.abs(e));
        }
        return 1e-4 * Math.max(1, maxAbs);
    }

    /** Whether {@code maxDiff} (from {@link #maxDiff}) passes the gate; false for NaN. */
    public static boolean within(double maxDiff, double tolerance) {
        return maxDiff <= tolerance;
    }
}
