package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EfficientFormerModelTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1");

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void predictsTheReferenceLogits(String backend) {
        ReferenceCase c = new ReferenceCase(TINY);
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model_orig.pth"), ModelOptions.defaults().withBackend(backend))) {
            assertEquals(backend, m.backendName());
            assertEquals(10, m.numClasses());
            ReferenceCase.assertLogitsMatch(backend, c.logits(), m.predict(c.input()), 1);
            List<Prediction> top = m.topK(m.predict(c.input()), 3);
            assertEquals(ReferenceCase.top(c.logits(), 3)[0], top.get(0).classIndex());
            assertEquals("class_" + top.get(0).classIndex(), top.get(0).label(), "non-ImageNet models get generic labels");
            float sum = 0;
            for (Prediction p : m.topK(m.predict(c.input()), 10)) {
                sum += p.probability();
            }
            assertEquals(1f, sum, 1e-5f, "probabilities over all classes sum to 1");
        }
    }

    @Test
    void batchesGiveEachImageItsOwnLogits() {
        ReferenceCase c = new ReferenceCase(TINY);
        float[] one = c.input();
        float[] three = new float[one.length * 3];
        float[] dark = new float[one.length];
        System.arraycopy(one, 0, three, 0, one.length);
        System.arraycopy(dark, 0, three, one.length, one.length);
        System.arraycopy(one, 0, three, 2 * one.length, one.length);
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model.safetensors"))) {
            float[] logits = m.predict(three, 3);
            assertEquals(30, logits.length);
            float[] first = java.util.Arrays.copyOfRange(logits, 0, 10);
            assertArrayEquals(first, java.util.Arrays.copyOfRange(logits, 20, 30), 1e-5f);
            assertArrayEquals(m.predict(dark), java.util.Arrays.copyOfRange(logits, 10, 20), 1e-4f);
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> m.predict(new float[5], 1));
            assertTrue(e.getMessage().contains("a batch of 1 needs 150528"), e.getMessage());
        }
    }

    @Test
    void closeIsIdempotentAndLaterUseThrows() {
        EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model.safetensors"));
        float[] in = new ReferenceCase(TINY).input();
        m.predict(in);
        m.close();
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.predict(in));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sharedBetweenThreadsGivesSequentialResults() throws Exception {
        ReferenceCase c = new ReferenceCase(TINY);
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model.safetensors"))) {
            float[] expected = m.predict(c.input());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return m.predict(c.input());
                }));
            }
            start.countDown();
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get(), "identical to the sequential result");
            }
            pool.shutdown();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closeWaitsForPredictionsInFlight() throws Exception {
        ReferenceCase c = new ReferenceCase(TINY);
        EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve("model.safetensors"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        m.predict(c.input());
                    } catch (IllegalStateException closed) {
                        return;
                    }
                }
            }));
        }
        Thread.sleep(50);
        m.close();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        assertThrows(IllegalStateException.class, () -> m.predict(c.input()));
    }

    @Test
    void rejectsUnsupportedOptions() {
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withBackend("cuda"));
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withThreads(0));
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY.resolve("model.safetensors"), ModelOptions.defaults().withImageSize(256)));
        assertTrue(e.getMessage().contains("193 to 224"), e.getMessage());
    }
}
