package dev.efficientformer.weights;

import dev.efficientformer.json.Json;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only: the key lists in {@code fixtures/keys/<variant>.json}. */
public final class KeyFixtures {
    private KeyFixtures() {
    }

    /** The tensors of {@code naming} ("timm_safetensors" or "original_pth_model") for a variant. */
    @SuppressWarnings("unchecked")
    public static Map<String, TensorInfo> keys(String variant, String naming) throws IOException {
        Map<String, Object> doc = Json.parseObject(Files.readString(Fixtures.path("keys/" + variant + ".json")));
        Map<String, Object> keys = (Map<String, Object>) doc.get(naming);
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            long[] shape = ((List<Object>) t.get("shape")).stream().mapToLong(o -> (Long) o).toArray();
            out.put(e.getKey(), new TensorInfo(e.getKey(), DType.fromSafetensorsName((String) t.get("dtype")),
                    Shape.of(shape)));
        }
        return out;
    }
}
