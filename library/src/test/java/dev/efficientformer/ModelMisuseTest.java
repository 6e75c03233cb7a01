package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way of calling the model wrongly ends in the documented exception with a message naming
 * the mistake, on every backend: wrong lengths and shapes, batch mismatches, bad k, non-finite
 * inputs (accepted by default, refused with {@link ModelOptions#rejectNonFinite()}), use after
 * close, double close, and close racing predictions on other threads.
 */
class ModelMisuseTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1");
    private static final ReferenceCase CASE = new ReferenceCase(TINY);
    private static final int PER = 3 * 224 * 224;

    private static EfficientFormerModel load(String backend) {
        return EfficientFormerModel.load(TINY.resolve("model.safetensors"), ModelOptions.defaults().withBackend(backend));
    }

    private static void assertMessage(Throwable e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f), () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void wrongLengthsAndBatchMismatchesAreNamed(String backend) {
        try (EfficientFormerModel m = load(backend); Arena arena = Arena.ofConfined()) {
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(new float[PER - 1])),
                    "input has 150527 floats, a batch of 1 needs 150528 (1 x 3 x 224 x 224)");
            // The shape of another image size: 3 x 208 x 208.
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(new float[3 * 208 * 208])),
                    "input has 129792 floats", "(1 x 3 x 224 x 224)");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(new float[2 * PER], 3)),
                    "input has 301056 floats, a batch of 3 needs 451584");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(new float[PER], 0)),
                    "batch must be at least 1, got 0");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(new float[PER], -4)),
                    "batch must be at least 1, got -4");

            MemorySegment two = arena.allocate(2L * PER * Float.BYTES);
            MemorySegment logits2 = arena.allocate(2 * 10 * Float.BYTES);
            // Checked before a plan is compiled: a batch of 100000 would need tens of GB of activations.
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(two, 100_000, logits2)),
                    "input segment holds 1204224 bytes, a batch of 100000 needs 15052800000 floats");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(two, 2, arena.allocate(10 * Float.BYTES))),
                    "logits segment holds 40 bytes, a batch of 2 writes 20 floats (2 x 10 classes, 80 bytes)");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(two, 2, logits2.asReadOnly())),
                    "logits segment is read-only");
            m.predict(two, 2, logits2); // the right sizes still work after all that
            // Unaligned caller memory is refused by every backend with our exception, not a raw IllegalArgumentException.
            MemorySegment unaligned = arena.allocate(2L * PER * Float.BYTES + 1).asSlice(1, 2L * PER * Float.BYTES);
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(unaligned, 2, logits2)),
                    "input segment is not 4-byte aligned (address 0x");
            MemorySegment bytes = MemorySegment.ofArray(new byte[2 * PER * Float.BYTES]);
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(bytes, 2, logits2)),
                    "input segment is not 4-byte aligned (a heap segment over a byte array)");
            MemorySegment unalignedOut = arena.allocate(20L * Float.BYTES + 2).asSlice(2, 20L * Float.BYTES);
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(two, 2, unalignedOut)),
                    "logits segment is not 4-byte aligned");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.topK(new float[9], 3)), "expected 10 logits, got 9");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.topK(new float[10], 0)), "k must be at least 1, got 0");
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.topK(new float[10], -1)), "k must be at least 1, got -1");
            assertEquals(10, m.topK(new float[10], 50).size(), "k above the class count gives every class");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void nonFiniteInputsRunByDefaultAndLeaveNoTrace(String backend) {
        try (EfficientFormerModel m = load(backend)) {
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                float[] in = CASE.input();
                in[1000] = bad;
                float[] logits = m.predict(in);
                // Documented: no exception and ten logits, whose values are unspecified (NaN on the
                // Java backend; oneDNN's max-based operations can turn NaN into finite numbers).
                assertEquals(10, logits.length);
                // The plan keeps no trace of it: the next finite input gives the reference logits.
                ReferenceCase.assertLogitsMatch(backend + " after " + bad, CASE.logits(), m.predict(CASE.input()), 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void rejectNonFiniteNamesTheFirstBadValue(String backend) {
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model.safetensors"),
                ModelOptions.defaults().withBackend(backend).withRejectNonFinite(true));
             Arena arena = Arena.ofConfined()) {
            assertTrue(m.options().rejectNonFinite());
            float[] in = CASE.input();
            int at = 224 * 224 + 5 * 224 + 7; // channel 1, row 5, column 7
            in[at] = Float.NaN;
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(in)),
                    "input value 51303 (image 0, channel 1, row 5, column 7) is NaN", "ModelOptions.rejectNonFinite");
            float[] batch = new float[2 * PER];
            batch[PER + 3] = Float.NEGATIVE_INFINITY;
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(batch, 2)),
                    "(image 1, channel 0, row 0, column 3) is -Infinity");
            MemorySegment seg = arena.allocateFrom(ValueLayout.JAVA_FLOAT, CASE.input());
            seg.setAtIndex(ValueLayout.JAVA_FLOAT, PER - 1, Float.POSITIVE_INFINITY);
            assertMessage(assertThrows(EfficientFormerException.class, () -> m.predict(seg, 1, arena.allocate(40))),
                    "(image 0, channel 2, row 223, column 223) is Infinity");
            ReferenceCase.assertLogitsMatch(backend + " finite input", CASE.logits(), m.predict(CASE.input()), 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void useAfterCloseThrowsAndCloseIsIdempotent(String backend) throws Exception {
        EfficientFormerModel m = load(backend);
        m.predict(CASE.input());
        m.close();
        m.close();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, CASE.input());
            MemorySegment out = arena.allocate(40);
            assertMessage(assertThrows(IllegalStateException.class, () -> m.predict(CASE.input())), "model is closed");
            assertMessage(assertThrows(IllegalStateException.class, () -> m.predict(in, 1, out)), "model is closed");
            assertMessage(assertThrows(IllegalStateException.class, () -> m.profile(in, 1, out)), "model is closed");
            assertMessage(assertThrows(IllegalStateException.class, () -> m.predict(new float[2 * PER], 2)), "model is closed");
        }
        m.close();
    }

    /**
     * Close from one thread while four others predict in a loop: each prediction either returns
     * the reference logits or throws "model is closed"; nothing else, and nothing after close
     * succeeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closeDuringPredictionsOnOtherThreads(String backend) throws Exception {
        EfficientFormerModel m = load(backend);
        float[] expected = m.predict(CASE.input());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        AtomicInteger completed = new AtomicInteger();
        List<Future<String>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                started.countDown();
                while (true) {
                    float[] got;
                    try {
                        got = m.predict(CASE.input());
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                    assertArrayEquals(expected, got);
                    completed.incrementAndGet();
                }
            }));
        }
        started.await();
        while (completed.get() < 8) {
            Thread.sleep(1);
        }
        m.close();
        for (Future<String> w : workers) {
            assertEquals("model is closed", w.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertMessage(assertThrows(IllegalStateException.class, () -> m.predict(CASE.input())), "model is closed");
    }

    @Test
    void microBatcherOverAClosedModelFailsEachRequestWithTheReason() throws Exception {
        EfficientFormerModel m = load("dnnl");
        try (MicroBatcher b = new MicroBatcher(m, 4, java.time.Duration.ofMillis(1))) {
            assertArrayEquals(m.predict(CASE.input()), b.predict(CASE.input()));
            m.close();
            assertMessage(assertThrows(IllegalStateException.class, () -> b.predict(CASE.input())), "model is closed");
            assertMessage(assertThrows(EfficientFormerException.class, () -> b.predict(new float[3])),
                    "image has 3 floats, the model needs 150528");
        }
    }
}
