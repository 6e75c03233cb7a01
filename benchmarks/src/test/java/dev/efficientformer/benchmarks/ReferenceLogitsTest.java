package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate benchmarks apply before timing: relative 1e-4, NaN never passing, files of the right length. */
class ReferenceLogitsTest {

    @Test
    void gateIsRelativeToTheLargestExpectedLogit() {
        float[] expected = {20f, -3f};
        assertEquals(2e-3, ReferenceLogits.tolerance(expected), 1e-12);
        assertEquals(1e-4, ReferenceLogits.tolerance(new float[] {0.5f}), 1e-12);
        assertTrue(ReferenceLogits.within(ReferenceLogits.maxDiff(expected, new float[] {20.001f, -3f}), 2e-3));
        assertFalse(ReferenceLogits.within(ReferenceLogits.maxDiff(expected, new float[] {20.01f, -3f}), 2e-3));
    }

    @Test
    void nanFailsTheGate() {
        double diff = ReferenceLogits.maxDiff(new float[] {1f, 2f, 3f}, new float[] {Float.NaN, 2f, 3f});
        assertTrue(Double.isNaN(diff));
        assertFalse(ReferenceLogits.within(diff, 1));
        assertThrows(IllegalArgumentException.class, () -> ReferenceLogits.maxDiff(new float[2], new float[3]));
    }

    @Test
    void readsLittleEndianFloatsAndChecksTheCount(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.f32");
        Files.write(f, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
        float[] read = ReferenceLogits.readF32(f, 2);
        assertEquals(1.5f, read[0]);
        assertEquals(-2f, read[1]);
        assertThrows(IllegalStateException.class, () -> ReferenceLogits.readF32(f, 3));
    }
}
