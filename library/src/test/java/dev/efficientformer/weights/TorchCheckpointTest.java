package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reading the tiny V1 fixture written by torch.save, checked against the same weights in safetensors. */
class TorchCheckpointTest {

    @Test
    void readsEveryTensorWithItsShapeAndDtype() {
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            assertEquals("pytorch-zip", ckpt.format());
            assertEquals(Fixtures.tinyV1Pth(), ckpt.path());
            assertEquals(121, ckpt.names().size());
            assertEquals("patch_embed.0.weight", ckpt.names().getFirst());
            assertEquals(new TensorInfo("patch_embed.0.weight", DType.F32, Shape.of(4, 3, 3, 3)),
                    ckpt.info("patch_embed.0.weight"));
            assertEquals(new TensorInfo("patch_embed.1.num_batches_tracked", DType.I64, Shape.of(new long[0])),
                    ckpt.info("patch_embed.1.num_batches_tracked"));
            assertEquals(Shape.of(49, 49), ckpt.info("network.6.2.token_mixer.attention_bias_idxs").shape());
            assertEquals(DType.I64, ckpt.info("network.6.2.token_mixer.attention_bias_idxs").dtype());
            assertTrue(ckpt.contains("dist_head.weight"));
            assertFalse(ckpt.contains("head_dist.weight"));
        }
    }

    @Test
    void valuesEqualTheSafetensorsFixtureBitForBit() throws Exception {
        SafetensorsTestReader expected = new SafetensorsTestReader(Fixtures.tinyV1Safetensors());
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            WeightFile timm = ModelFamily.withTimmNames(ckpt);
            assertEquals(expected.infos().keySet(), new java.util.HashSet<>(timm.names()));
            int compared = 0;
            for (String name : timm.names()) {
                TensorInfo info = timm.info(name);
                assertEquals(expected.infos().get(name), info, name);
                Tensor t = timm.tensor(name);
                assertEquals(info.shape(), t.shape());
                assertTrue(t.segment().isMapped(), name + " should be a view of the mapped file");
                if (info.dtype() == DType.I64) {
                    long[] actual = new long[(int) t.elementCount()];
                    for (int i = 0; i < actual.length; i++) {
                        actual[i] = t.getLong(i);
                    }
                    assertArrayEquals(expected.longs(name), actual, name);
                } else {
                    assertArrayEquals(expected.floats(name), t.toFloatArray(), 0f, name);
                }
                compared++;
            }
            assertEquals(121, compared);
        }
    }

    @Test
    void spotValuesMatchWhatPythonReads() {
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            Tensor idx = ckpt.tensor("network.6.2.token_mixer.attention_bias_idxs");
            assertEquals(0L, idx.getLong(0));
            // Query 0 vs key 1 on the 7x7 grid: |dy| = 0, |dx| = 1.
            assertEquals(1L, idx.getLong(1));
            float[] gamma = ckpt.tensor("network.0.0.layer_scale_1").toFloatArray();
            assertEquals(8, gamma.length);
            assertTrue(java.util.stream.IntStream.range(0, 8).anyMatch(i -> gamma[i] != gamma[0]));
            assertEquals(95823L, ckpt.tensor("patch_embed.1.num_batches_tracked").getLong(0));
            assertEquals(-0.0016162103f, ckpt.tensor("head.bias").getFloat(0));
            assertEquals(0.12542932f, ckpt.tensor("head.bias").getFloat(9));
        }
    }

    @Test
    void readsTheV2CheckpointToo() {
        // Another architecture, same writer: the reader must not depend on V1's keys.
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.path("tiny/tiny_v2/model_orig.pth"))) {
            assertEquals(306, ckpt.names().size());
            assertTrue(ckpt.contains("network.5.attn.attention_bias_idxs"));
            for (String name : ckpt.names()) {
                assertEquals(ckpt.info(name).shape(), ckpt.tensor(name).shape(), name);
            }
        }
    }

    @Test
    void closeIsIdempotentAndEndsTensors() {
        TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth());
        Tensor before = ckpt.tensor("head.weight");
        float first = before.getFloat(0);
        assertEquals(first, ckpt.tensor("head.weight").getFloat(0));
        ckpt.close();
        ckpt.close();
        assertThrows(IllegalStateException.class, () -> before.getFloat(0));
        assertThrows(IllegalStateException.class, () -> ckpt.tensor("head.weight"));
        CheckpointException absent = assertThrows(CheckpointException.class, () -> ckpt.info("nope"));
        assertTrue(absent.getMessage().contains("no tensor 'nope'"), absent.getMessage());
    }

    @Test
    void concurrentReadersSeeTheSameValues() throws Exception {
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth());
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            double reference = sumOfFloats(ckpt);
            List<Future<Double>> sums = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sums.add(pool.submit(() -> sumOfFloats(ckpt)));
            }
            for (Future<Double> f : sums) {
                assertEquals(reference, f.get());
            }
            assertNotEquals(0.0, reference);
        }
    }

    private static double sumOfFloats(WeightFile file) {
        double sum = 0;
        for (String name : file.names()) {
            if (file.info(name).dtype() == DType.F32) {
                for (float v : file.tensor(name).toFloatArray()) {
                    sum += v;
                }
            }
        }
        return sum;
    }
}
