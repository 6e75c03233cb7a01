package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Embeddings are timm's pooled pre-logits features: the tiny model's and the full-size L1's
 * {@code pre_logits.f32} within the correctness gate, on oneDNN and on the Java backend.
 */
class EmbeddingTest {
    private static void check(Path dir, String backend) {
        float[] input = Fixtures.readF32(dir.resolve("input.f32"));
        float[] expected = Fixtures.readF32(dir.resolve("pre_logits.f32"));
        try (EfficientFormerModel m = EfficientFormerModel.load(dir.resolve("model.safetensors"),
                ModelOptions.defaults().withBackend(backend))) {
            int batch = input.length / m.inputFloatsPerImage();
            assertEquals(expected.length, batch * m.embeddingSize());
            float[] actual = m.embed(input, batch);
            ReferenceCase.assertWithinGate(backend + " " + dir.getFileName() + " pre_logits", expected, actual);
            // One image alone gives the same features as within the batch.
            float[] first = java.util.Arrays.copyOf(input, m.inputFloatsPerImage());
            ReferenceCase.assertWithinGate(backend + " first image alone", java.util.Arrays.copyOf(expected, m.embeddingSize()),
                    m.embed(first));
            // forward gives both outputs of one run, bit for bit what predict and embed give.
            ModelOutputs both = m.forward(input, batch);
            org.junit.jupiter.api.Assertions.assertArrayEquals(m.predict(input, batch), both.logits(), backend + " forward logits");
            org.junit.jupiter.api.Assertions.assertArrayEquals(actual, both.embeddings(), backend + " forward embeddings");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void tinyModelEmbeddingsMatchTimm(String backend) {
        check(Fixtures.tiny("tiny_v1"), backend);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void fullSizeL1EmbeddingsMatchTimm(String backend) {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), "the shared full-size L1 fixture (../shared/fixtures/efficientformer_l1) is absent");
        check(l1.get(), backend);
    }

    /** A list of files: each good image's embedding (batched), the broken one reported alone. */
    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void embedEachBatchesTheGoodImagesAndReportsTheBrokenOne(String backend, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path chelsea = Fixtures.resource("preprocess/images/chelsea.png");
        Path coffee = Fixtures.resource("preprocess/images/coffee.png");
        Path broken = java.nio.file.Files.writeString(tmp.resolve("broken.jpg"), "not a jpeg");
        try (EfficientFormerModel m = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"),
                ModelOptions.defaults().withBackend(backend))) {
            java.util.List<ImageEmbedding> each = m.embedEach(java.util.List.of(chelsea, broken, coffee));
            assertEquals(3, each.size());
            org.junit.jupiter.api.Assertions.assertTrue(!each.get(1).ok() && each.get(1).failure().getMessage().contains("broken.jpg"),
                    each.get(1).toString());
            for (int i : new int[] {0, 2}) {
                ImageEmbedding e = each.get(i);
                ReferenceCase.assertWithinGate(backend + " " + e.image().getFileName(), m.embed(e.image()), e.embedding());
            }
        }
    }

    @Test
    void aWrongSizeIsNamed() {
        try (EfficientFormerModel m = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            assertThrows(EfficientFormerException.class, () -> m.embed(new float[10], 1));
        }
    }
}
