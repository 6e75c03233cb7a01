package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.weights.Fixtures;
import dev.efficientformer.weights.KeyFixtures;
import dev.efficientformer.weights.SafetensorsTestReader;
import dev.efficientformer.weights.StateDictCheck;
import dev.efficientformer.weights.TensorInfo;
import dev.efficientformer.weights.TorchCheckpoint;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EfficientFormerV1KeyMappingTest {

    @ParameterizedTest
    @ValueSource(strings = {"efficientformer_l1", "efficientformer_l3", "efficientformer_l7"})
    void mapsEveryOriginalKeyOfTheReleasedModelsOntoTimmsKeys(String variant) throws IOException {
        Map<String, TensorInfo> original = KeyFixtures.keys(variant, "original_pth_model");
        Map<String, TensorInfo> timm = KeyFixtures.keys(variant, "timm_safetensors");
        assertTrue(original.size() > 280, "fixture too small: " + original.size());
        Map<String, TensorInfo> mapped = new LinkedHashMap<>();
        for (TensorInfo info : original.values()) {
            String key = EfficientFormerV1KeyMapping.toTimm(info.name());
            assertNull(mapped.put(key, new TensorInfo(key, info.dtype(), info.shape())), "two keys map to " + key);
        }
        assertEquals(new TreeSet<>(timm.keySet()), new TreeSet<>(mapped.keySet()));
        // Same dtype and shape per key, and the check class agrees.
        StateDictCheck.requireMatch(timm, mapped, variant);
    }

    @Test
    void mapsTheTinyCheckpointOntoItsSafetensorsTwin() throws IOException {
        Set<String> expected = new SafetensorsTestReader(Fixtures.tinyV1Safetensors()).infos().keySet();
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            assertTrue(EfficientFormerV1KeyMapping.isOriginalNaming(ckpt.names()));
            Set<String> mapped = new TreeSet<>();
            ckpt.names().forEach(k -> mapped.add(EfficientFormerV1KeyMapping.toTimm(k)));
            assertEquals(121, mapped.size());
            assertEquals(new TreeSet<>(expected), mapped);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "patch_embed.0.weight, stem.conv1.weight",
            "patch_embed.1.running_var, stem.norm1.running_var",
            "patch_embed.3.bias, stem.conv2.bias",
            "patch_embed.4.num_batches_tracked, stem.norm2.num_batches_tracked",
            "network.0.2.mlp.fc1.weight, stages.0.blocks.2.mlp.fc1.weight",
            "network.0.0.layer_scale_1, stages.0.blocks.0.ls1.gamma",
            "network.6.4.layer_scale_2, stages.3.blocks.4.ls2.gamma",
            "network.6.4.token_mixer.attention_biases, stages.3.blocks.4.token_mixer.attention_biases",
            "network.1.proj.weight, stages.1.downsample.conv.weight",
            "network.5.norm.running_mean, stages.3.downsample.norm.running_mean",
            "dist_head.bias, head_dist.bias",
            "head.weight, head.weight",
            "norm.bias, norm.bias"})
    void mapsEachRule(String original, String timm) {
        assertEquals(timm, EfficientFormerV1KeyMapping.toTimm(original));
    }

    @ParameterizedTest
    @ValueSource(strings = {"patch_embed.2.weight", "patch_embed.7.weight", "network.1.0.mlp.fc1.weight",
            "network.2.proj.weight", "network.01.proj.weight", "network.99999.0.x", "stem.conv1.weight",
            "module.network.0.0.layer_scale_1", "something_else"})
    void passesKeysOutsideThePatternThroughUnchanged(String key) {
        assertEquals(key, EfficientFormerV1KeyMapping.toTimm(key));
    }

    @Test
    void detectsTheOriginalNaming() {
        assertTrue(EfficientFormerV1KeyMapping.isOriginalNaming(List.of("head.weight", "network.0.0.layer_scale_1")));
        assertTrue(EfficientFormerV1KeyMapping.isOriginalNaming(List.of("patch_embed.0.weight")));
        assertFalse(EfficientFormerV1KeyMapping.isOriginalNaming(List.of("stem.conv1.weight", "stages.0.blocks.0.ls1.gamma")));
    }
}
