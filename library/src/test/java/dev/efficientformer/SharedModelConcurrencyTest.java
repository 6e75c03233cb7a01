package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.BackendSelector;
import dev.efficientformer.backend.java.JavaBackend;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 8 threads share one model and each runs its predictions on 8 different images (through the
 * array API and through caller memory, alternately): every result must be bit-identical to the
 * same image's result computed sequentially before the threads started. Run on every backend
 * this machine has.
 *
 * <p>Predictions per thread: 500, as the reliability requirement asks, for oneDNN and the java
 * backend's vector tier (its default). The scalar tier (the slow control) takes about 85 ms per
 * prediction here, so 8 x 500 would take about 3 minutes of a 2-core CI machine: it runs
 * {@value #JAVA_SCALAR_PREDICTIONS_PER_THREAD} per thread unless
 * {@code -Defficientformer.test.predictionsPerThread=500} asks for the full count (which applies
 * to every backend).
 */
class SharedModelConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PREDICTIONS_PER_THREAD = 500;
    private static final int JAVA_SCALAR_PREDICTIONS_PER_THREAD = 25;
    private static final Path TINY = Fixtures.tiny("tiny_v1");

    private static int predictionsPerThread(String backend) {
        String forced = System.getProperty("efficientformer.test.predictionsPerThread");
        if (forced != null) {
            return Integer.parseInt(forced);
        }
        return backend.equals("java:scalar") ? JAVA_SCALAR_PREDICTIONS_PER_THREAD : PREDICTIONS_PER_THREAD;
    }

    private static boolean available(String backend) {
        try {
            BackendSelector.select(backend);
            return true;
        } catch (EfficientFormerException e) {
            return false;
        }
    }

    /** Eight different inputs: the reference image shifted and scaled differently. */
    private static float[][] inputs() {
        float[] base = new ReferenceCase(TINY).input();
        float[][] out = new float[THREADS][];
        for (int k = 0; k < THREADS; k++) {
            float[] x = new float[base.length];
            for (int i = 0; i < base.length; i++) {
                x[i] = base[(i + k * 7919) % base.length] * (1 + 0.1f * k);
            }
            out[k] = x;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java:vector", "java:scalar", "acl"})
    void eightThreadsGiveTheSequentialResults(String variant) throws Exception {
        // "java:<tier>" forces the java backend's tier for this model (read when the model is built).
        String backend = variant.startsWith("java:") ? "java" : variant;
        assumeTrue(available(backend), "backend " + backend + " is not available on this machine");
        float[][] inputs = inputs();
        int perThread = predictionsPerThread(variant);
        String previousTier = System.getProperty(JavaBackend.TIER_PROPERTY);
        if (variant.startsWith("java:")) {
            System.setProperty(JavaBackend.TIER_PROPERTY, variant.substring(5));
        }
        EfficientFormerModel loaded;
        try {
            loaded = EfficientFormerModel.load(TINY.resolve("model.safetensors"), ModelOptions.defaults().withBackend(backend));
        } finally {
            if (previousTier == null) {
                System.clearProperty(JavaBackend.TIER_PROPERTY);
            } else {
                System.setProperty(JavaBackend.TIER_PROPERTY, previousTier);
            }
        }
        try (EfficientFormerModel model = loaded) {
            float[][] expected = new float[THREADS][];
            for (int k = 0; k < THREADS; k++) {
                expected[k] = model.predict(inputs[k]);
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment[] segments = new MemorySegment[THREADS];
                        for (int k = 0; k < THREADS; k++) {
                            segments[k] = arena.allocateFrom(ValueLayout.JAVA_FLOAT, inputs[k]);
                        }
                        MemorySegment logits = arena.allocate((long) model.numClasses() * Float.BYTES);
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            int k = (thread + i) % THREADS;
                            float[] got;
                            if (i % 2 == 0) {
                                got = model.predict(inputs[k]);
                            } else {
                                model.predict(segments[k], 1, logits);
                                got = logits.toArray(ValueLayout.JAVA_FLOAT);
                            }
                            assertArrayEquals(expected[k], got, backend + " thread " + thread + " prediction " + i + " (image " + k + ")");
                        }
                    }
                    return perThread;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(280, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(THREADS * perThread, total);
        }
    }
}
