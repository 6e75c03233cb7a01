package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenamedWeightFileTest {

    @Test
    void presentsTheTinyCheckpointUnderTimmNames() throws Exception {
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            WeightFile timm = ModelFamily.withTimmNames(ckpt);
            RenamedWeightFile renamed = (RenamedWeightFile) timm;
            assertSame(ckpt, renamed.source());
            assertEquals("pytorch-zip", timm.format());
            assertEquals(ckpt.path(), timm.path());
            assertEquals(121, timm.names().size());
            assertEquals("stem.conv1.weight", timm.names().getFirst());
            assertEquals("dist_head.weight", renamed.sourceName("head_dist.weight"));
            assertTrue(timm.contains("stages.3.blocks.2.ls1.gamma"));
            assertFalse(timm.contains("network.6.2.layer_scale_1"));
            assertEquals(new TensorInfo("stages.3.blocks.2.ls1.gamma", DType.F32, Shape.of(24)),
                    timm.info("stages.3.blocks.2.ls1.gamma"));
            assertArrayEquals(ckpt.tensor("network.6.2.layer_scale_1").toFloatArray(),
                    timm.tensor("stages.3.blocks.2.ls1.gamma").toFloatArray());
            StateDictCheck.requireMatch(new SafetensorsTestReader(Fixtures.tinyV1Safetensors()).infos(), timm);
            CheckpointException e = assertThrows(CheckpointException.class, () -> timm.tensor("network.0.0.layer_scale_1"));
            assertTrue(e.getMessage().contains("no tensor 'network.0.0.layer_scale_1'"), e.getMessage());
        }
    }

    @Test
    void leavesTimmNamedFilesAlone() {
        WeightFile timmNamed = new FakeWeightFile(List.of("stem.conv1.weight", "head.weight"));
        assertSame(timmNamed, ModelFamily.withTimmNames(timmNamed));
    }

    @Test
    void refusesRenamingsThatMergeKeys() {
        WeightFile clash = new FakeWeightFile(List.of("patch_embed.0.weight", "stem.conv1.weight"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelFamily.withTimmNames(clash));
        assertTrue(e.getMessage().contains(
                "keys 'patch_embed.0.weight' and 'stem.conv1.weight' of fake.pth both become 'stem.conv1.weight'"),
                e.getMessage());
    }

    @Test
    void closesTheUnderlyingFile() {
        FakeWeightFile fake = new FakeWeightFile(List.of("network.0.0.layer_scale_1"));
        ModelFamily.withTimmNames(fake).close();
        assertTrue(fake.closed);
    }

    /** Names only: enough to exercise renaming. */
    private static final class FakeWeightFile implements WeightFile {
        private final List<String> names;
        boolean closed;

        FakeWeightFile(List<String> names) {
            this.names = names;
        }

        @Override
        public Path path() {
            return Path.of("fake.pth");
        }

        @Override
        public String format() {
            return "fake";
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public TensorInfo info(String name) {
            return new TensorInfo(name, DType.F32, Shape.of(1));
        }

        @Override
        public Tensor tensor(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
