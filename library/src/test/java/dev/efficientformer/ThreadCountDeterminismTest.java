package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thread count does not change a result, bit for bit, on every backend: what makes
 * {@link ThreadPolicy#ADAPTIVE} (which may run a prediction on fewer threads) invisible in the
 * logits. Full-size L1 (when ../shared is there) and the tiny model, batch 1 and 4, 1 to 3 threads.
 */
class ThreadCountDeterminismTest {
    private static void check(Path dir, String backend) {
        float[] image = Fixtures.readF32(dir.resolve("input.f32"));
        ModelOptions fixed = ModelOptions.defaults().withBackend(backend).withThreadPolicy(ThreadPolicy.FIXED);
        float[][] oneThread = new float[5][];
        try (EfficientFormerModel m = EfficientFormerModel.load(dir.resolve("model.safetensors"), fixed)) {
            int per = m.inputFloatsPerImage();
            for (int batch : new int[] {1, 4}) {
                oneThread[batch] = m.predict(batchOf(image, per, batch), batch);
            }
        }
        for (int threads = 2; threads <= 3; threads++) {
            try (EfficientFormerModel m = EfficientFormerModel.load(dir.resolve("model.safetensors"), fixed.withThreads(threads))) {
                int per = m.inputFloatsPerImage();
                for (int batch : new int[] {1, 4}) {
                    assertArrayEquals(oneThread[batch], m.predict(batchOf(image, per, batch), batch),
                            backend + " " + dir.getFileName() + ", batch " + batch + ": " + threads + " threads vs 1");
                }
            }
        }
    }

    /** {@code batch} images cycling through the fixture's. */
    private static float[] batchOf(float[] images, int per, int batch) {
        float[] out = new float[batch * per];
        int available = images.length / per;
        for (int n = 0; n < batch; n++) {
            System.arraycopy(images, (n % available) * per, out, n * per, per);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void tinyModel(String backend) {
        check(Fixtures.tiny("tiny_v1"), backend);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void fullSizeL1(String backend) {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), "the shared full-size L1 fixture (../shared/fixtures/efficientformer_l1) is absent");
        check(l1.get(), backend);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void fullSizeV2S0(String backend) {
        Optional<Path> s0 = Fixtures.shared("efficientformerv2_s0");
        assumeTrue(s0.isPresent(), "the shared full-size V2-S0 fixture (../shared/fixtures/efficientformerv2_s0) is absent");
        check(s0.get(), backend);
    }
}
