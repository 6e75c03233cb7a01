package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.testing.Fixtures;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch split ({@link BatchSplit}): parts cover the batch once, failures surface only after
 * every part has ended, and a split prediction gives the unsplit logits bit for bit; it is on by
 * default, for batches that split evenly.
 */
class BatchSplitTest {

    @Test
    void partsCoverTheBatchOnceWithTheLargerPartsFirst() {
        List<String> parts = new CopyOnWriteArrayList<>();
        try (BatchSplit split = new BatchSplit(3, (in, out, first, count) ->
                parts.add(first + "+" + count + (Thread.currentThread().getName().startsWith("efficientformer-batch-part") ? " worker" : " caller")))) {
            assertThrows(IllegalStateException.class, () -> split.run(3, 8, MemorySegment.NULL, MemorySegment.NULL), "not claimed");
            assertTrue(split.tryAcquire());
            assertFalse(split.tryAcquire(), "one split at a time");
            for (int round = 0; round < 3; round++) { // the same workers again and again
                parts.clear();
                split.run(3, 8, MemorySegment.NULL, MemorySegment.NULL);
                assertEquals(3, parts.size(), parts.toString());
                assertTrue(parts.contains("0+3 caller"), parts.toString());
                assertTrue(parts.contains("3+3 worker"), parts.toString());
                assertTrue(parts.contains("6+2 worker"), parts.toString());
            }
            assertThrows(IllegalArgumentException.class, () -> split.run(4, 8, MemorySegment.NULL, MemorySegment.NULL));
            assertThrows(IllegalArgumentException.class, () -> split.run(2, 1, MemorySegment.NULL, MemorySegment.NULL));
            split.release();
            assertTrue(split.tryAcquire());
        }
    }

    @Test
    void aFailingPartIsThrownAfterTheOthersEnded() {
        AtomicBoolean callerPartEnded = new AtomicBoolean();
        IllegalStateException boom = new IllegalStateException("part failed");
        try (BatchSplit split = new BatchSplit(2, (in, out, first, count) -> {
            if (first == 1) {
                throw boom;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callerPartEnded.set(true);
        })) {
            assertTrue(split.tryAcquire());
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> split.run(2, 2, MemorySegment.NULL, MemorySegment.NULL));
            assertSame(boom, thrown);
            assertTrue(callerPartEnded.get(), "the caller's part ended before the failure was thrown");
        }
        try (BatchSplit split = new BatchSplit(2, (in, out, first, count) -> {
            throw new IllegalStateException("part " + first);
        })) {
            assertTrue(split.tryAcquire());
            IllegalStateException both = assertThrows(IllegalStateException.class, () -> split.run(2, 2, MemorySegment.NULL, MemorySegment.NULL));
            assertEquals("part 0", both.getMessage());
            assertEquals(1, both.getSuppressed().length);
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForThePartsAndKeepsItsInterrupt() {
        AtomicBoolean workerEnded = new AtomicBoolean();
        try (BatchSplit split = new BatchSplit(2, (in, out, first, count) -> {
            if (first == 1) {
                long end = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                workerEnded.set(true);
            } else {
                Thread.currentThread().interrupt();
            }
        })) {
            assertTrue(split.tryAcquire());
            split.run(2, 2, MemorySegment.NULL, MemorySegment.NULL);
            assertTrue(workerEnded.get(), "returned before the worker's part ended");
            assertTrue(Thread.interrupted(), "the interrupt is kept");
        }
    }

    @Test
    void workersThatCannotStartLeaveBatchesWhole() throws InterruptedException {
        List<Thread> started = new CopyOnWriteArrayList<>();
        try (BatchSplit split = new BatchSplit(3, (in, out, first, count) -> { }, t -> {
            if (!started.isEmpty()) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
            }
            t.start();
            started.add(t);
        })) {
            try (Arena arena = Arena.ofShared()) {
                assertFalse(split.reachable(arena.allocate(4)), "no workers, no split");
            }
            assertTrue(split.tryAcquire());
            assertThrows(IllegalStateException.class, () -> split.run(2, 2, MemorySegment.NULL, MemorySegment.NULL));
        }
        assertEquals(1, started.size());
        started.get(0).join(5000);
        assertFalse(started.get(0).isAlive(), "the one worker that started has ended");
    }

    /**
     * Runs {@code body} with {@link BatchSplit#PROPERTY} set to {@code value} (read when a model
     * loads; null: unset, the default), then restores it.
     */
    private static <T> T withSplit(Boolean value, java.util.function.Supplier<T> body) {
        String before = System.getProperty(BatchSplit.PROPERTY);
        if (value == null) {
            System.clearProperty(BatchSplit.PROPERTY);
        } else {
            System.setProperty(BatchSplit.PROPERTY, value.toString());
        }
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(BatchSplit.PROPERTY);
            } else {
                System.setProperty(BatchSplit.PROPERTY, before);
            }
        }
    }

    private static float[] predict(Path dir, int size, String backend, int threads, Boolean split, int batch, boolean expectSplit) {
        ModelOptions options = ModelOptions.defaults().withImageSize(size).withBackend(backend).withThreads(threads).withThreadPolicy(ThreadPolicy.FIXED);
        return withSplit(split, () -> {
            try (EfficientFormerModel m = EfficientFormerModel.load(dir.resolve("model.safetensors"), options)) {
                float[] image = Fixtures.readF32(dir.resolve("input.f32"));
                int per = m.inputFloatsPerImage();
                float[] input = new float[batch * per];
                for (int n = 0; n < batch; n++) {
                    System.arraycopy(image, (n % (image.length / per)) * per, input, n * per, per);
                }
                float[] logits = m.predict(input, batch);
                if (threads > 1) {
                    // Parts of batch / threads images: plans for that size exist only if it split.
                    assertEquals(expectSplit, m.hasPlansFor(batch / threads), "batch " + batch + " split into parts");
                }
                return logits;
            }
        });
    }

    private static void splitEqualsUnsplit(Path dir, int size, String backend) {
        for (int batch : new int[] {4, 6}) {
            float[] whole = predict(dir, size, backend, 1, false, batch, false);
            float[] split = predict(dir, size, backend, 2, null, batch, true);
            assertArrayEquals(whole, split, backend + " " + dir.getFileName() + ", batch " + batch + ": split on two threads vs one plan");
        }
        // Batch 5 on two threads would split unevenly: it runs whole. Turned off: never split.
        assertFalse(predict(dir, size, backend, 2, null, 5, false).length == 0);
        assertFalse(predict(dir, size, backend, 2, false, 4, false).length == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void tinyModelsGiveTheUnsplitLogits(String backend) {
        splitEqualsUnsplit(Fixtures.tiny("tiny_v1"), 224, backend);
        splitEqualsUnsplit(Fixtures.tiny("tiny_v2"), 96, backend);
    }

    /** Segments of the caller's confined arena cannot be read by the workers: the batch runs whole. */
    @Test
    void aConfinedSegmentKeepsItsBatchWhole() {
        Path dir = Fixtures.tiny("tiny_v1");
        ModelOptions options = ModelOptions.defaults().withBackend("dnnl").withThreads(2).withThreadPolicy(ThreadPolicy.FIXED);
        withSplit(true, () -> {
            try (EfficientFormerModel m = EfficientFormerModel.load(dir.resolve("model.safetensors"), options);
                    Arena arena = Arena.ofConfined()) {
                float[] image = Fixtures.readF32(dir.resolve("input.f32"));
                MemorySegment input = arena.allocate((long) 4 * image.length * Float.BYTES, Float.BYTES);
                for (int n = 0; n < 4; n++) {
                    MemorySegment.copy(image, 0, input, ValueLayout.JAVA_FLOAT, (long) n * image.length * Float.BYTES, image.length);
                }
                long classBytes = (long) m.numClasses() * Float.BYTES;
                MemorySegment logits = arena.allocate(4 * classBytes, Float.BYTES);
                m.predict(input, 4, logits);
                assertFalse(m.hasPlansFor(2), "no parts for a confined segment");
                assertArrayEquals(logits.asSlice(0, classBytes).toArray(ValueLayout.JAVA_FLOAT),
                        logits.asSlice(3 * classBytes, classBytes).toArray(ValueLayout.JAVA_FLOAT));
                return null;
            }
        });
    }

    @Test
    void fullSizeV2S0GivesTheUnsplitLogits() {
        Optional<Path> s0 = Fixtures.shared("efficientformerv2_s0");
        assumeTrue(s0.isPresent(), "the shared full-size V2-S0 fixture (../shared/fixtures/efficientformerv2_s0) is absent");
        splitEqualsUnsplit(s0.get(), 224, "dnnl");
    }
}
