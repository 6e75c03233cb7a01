package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MicroBatcherTest {

    private static float[] image(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyCallerGetsTheLogitsOfItsOwnImage() throws Exception {
        try (EfficientFormerModel model = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            int per = model.inputFloatsPerImage();
            List<float[]> images = new ArrayList<>();
            List<float[]> expected = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                images.add(image(i, per));
                expected.add(model.predict(images.get(i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try (MicroBatcher batcher = new MicroBatcher(model, 4, Duration.ofMillis(50))) {
                List<Future<float[]>> results = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < images.size(); i++) {
                        float[] img = images.get(i);
                        results.add(pool.submit(() -> batcher.predict(img)));
                    }
                }
                for (int k = 0; k < results.size(); k++) {
                    assertArrayEquals(expected.get(k % images.size()), results.get(k).get(), 1e-5f, "request " + k);
                }
                assertEquals(36, batcher.imagesRun());
                assertTrue(batcher.batchesRun() < 36, "requests were batched: " + batcher.batchesRun() + " batches");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeServesQueuedRequestsThenRefusesNewOnes() {
        try (EfficientFormerModel model = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            MicroBatcher batcher = new MicroBatcher(model, 8, Duration.ofSeconds(10));
            List<CompletableFuture<float[]>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(batcher.submit(image(i, model.inputFloatsPerImage())));
            }
            batcher.close();
            batcher.close();
            for (CompletableFuture<float[]> f : queued) {
                assertEquals(10, f.join().length, "queued request served at close");
            }
            assertThrows(IllegalStateException.class, () -> batcher.submit(image(9, model.inputFloatsPerImage())));
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> new MicroBatcher(model, 0, Duration.ZERO));
            assertTrue(e.getMessage().contains("maxBatch"));
        }
    }

    @Test
    void wrongImageSizeIsRefusedAtSubmit() {
        try (EfficientFormerModel model = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"));
             MicroBatcher batcher = new MicroBatcher(model, 2, Duration.ofMillis(1))) {
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> batcher.submit(new float[3]));
            assertTrue(e.getMessage().contains("image has 3 floats"), e.getMessage());
        }
    }
}
