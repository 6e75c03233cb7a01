package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The V2 renaming against the published key lists: every original key of S0, S1, S2 and L maps to
 * a timm key of the same model with the same shape (layer scales aside, {@code [C,1,1]} against
 * {@code [C]}), every timm key is reached, and only the index buffers timm does not save are left.
 */
class EfficientFormerV2KeyMappingTest {

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"efficientformerv2_s0", "efficientformerv2_s1", "efficientformerv2_s2", "efficientformerv2_l"})
    void everyOriginalKeyBecomesItsTimmKey(String variant) throws Exception {
        Path keys = Fixtures.resource("keys/" + variant + ".json");
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(keys));
        Map<String, Object> timm = (Map<String, Object>) json.get("timm_safetensors");
        Map<String, Object> original = (Map<String, Object>) json.get("original_pth_model");
        assertTrue(EfficientFormerV2KeyMapping.isOriginalNaming(original.keySet()));
        assertFalse(EfficientFormerV2KeyMapping.isOriginalNaming(timm.keySet()));
        assertFalse(EfficientFormerV1KeyMapping.isOriginalNaming(timm.keySet()));
        Map<String, Object> mapped = new TreeMap<>();
        for (Map.Entry<String, Object> e : original.entrySet()) {
            String name = EfficientFormerV2KeyMapping.toTimm(e.getKey());
            if (name.endsWith(".attention_bias_idxs")) {
                continue;
            }
            assertTrue(timm.containsKey(name), e.getKey() + " became " + name + ", which " + variant + " does not have");
            List<Object> shape = (List<Object>) ((Map<String, Object>) e.getValue()).get("shape");
            List<Object> expected = (List<Object>) ((Map<String, Object>) timm.get(name)).get("shape");
            if (name.endsWith(".gamma")) {
                shape = shape.subList(0, 1);
            }
            assertEquals(expected, shape, e.getKey() + " -> " + name);
            mapped.put(name, e.getValue());
        }
        assertEquals(new TreeMap<>(timm).keySet(), mapped.keySet());
    }
}
