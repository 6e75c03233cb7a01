package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafetensorsFileTest {

    @Test
    void readsTheTinyFixtureWithoutCopying() {
        try (SafetensorsFile f = SafetensorsFile.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            assertEquals("safetensors", f.format());
            assertEquals(121, f.names().size());
            assertEquals(Map.of("format", "pt"), f.metadata());

            Tensor stem = f.tensor("stem.conv1.weight");
            assertEquals(Shape.of(4L, 3L, 3L, 3L), stem.shape());
            assertEquals(DType.F32, stem.dtype());
            assertTrue(stem.segment().isMapped(), "a view of the mapping, not a copy");
            float[] v = stem.toFloatArray();
            // Values and sum read independently with Python's struct module.
            assertEquals(0.16709518432617188f, v[0]);
            assertEquals(-0.034206945449113846f, v[v.length - 1]);
            assertEquals(1.38292814954184, sum(v), 1e-5);
            assertEquals(1.0742834473057883, sum(f.tensor("head.weight").toFloatArray()), 1e-5);
            assertEquals(-17.189348757267, sum(f.tensor("stages.3.blocks.2.token_mixer.attention_biases").toFloatArray()), 1e-4);

            Tensor tracked = f.tensor("stages.0.blocks.0.mlp.norm1.num_batches_tracked");
            assertEquals(DType.I64, tracked.dtype());
            assertEquals(0, tracked.shape().rank(), "I64 scalar of shape []");
            assertEquals(83318L, tracked.getLong(0));

            Tensor idx = f.tensor("stages.3.blocks.2.token_mixer.attention_bias_idxs");
            assertEquals(Shape.of(49L, 49L), idx.shape());
            long total = 0;
            for (int i = 0; i < 49 * 49; i++) {
                total += idx.getLong(i);
            }
            assertEquals(43904L, total);

            CheckpointException e = assertThrows(CheckpointException.class, () -> f.tensor("no.such.key"));
            assertTrue(e.getMessage().contains("no tensor named \"no.such.key\""), e.getMessage());
        }
    }

    @Test
    void viewsFailCleanlyAfterClose() {
        SafetensorsFile f = SafetensorsFile.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"));
        Tensor t = f.tensor("head.weight");
        f.close();
        f.close();
        assertThrows(IllegalStateException.class, t::toFloatArray);
        assertThrows(IllegalStateException.class, () -> f.tensor("head.weight"));
    }

    @Test
    void readsTheFullSizeL1AndMatchesItsKeyList() {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), Fixtures::sharedL1Absent);
        Map<String, Object> expected = Fixtures.keys("efficientformer_l1", "timm_safetensors");
        try (SafetensorsFile f = SafetensorsFile.open(l1.get().resolve("model.safetensors"))) {
            assertEquals(expected.keySet(), Set(f.names()));
            for (String name : f.names()) {
                Map<?, ?> e = (Map<?, ?>) expected.get(name);
                TensorInfo info = f.info(name);
                assertEquals(e.get("dtype"), info.dtype().safetensorsName(), name);
                List<?> shape = (List<?>) e.get("shape");
                assertEquals(Shape.of(shape.stream().mapToLong(o -> (Long) o).toArray()), info.shape(), name);
            }
            assertTrue(f.tensor("head.weight").segment().isMapped());
        }
    }

    private static java.util.Set<String> Set(List<String> names) {
        return new java.util.HashSet<>(names);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
