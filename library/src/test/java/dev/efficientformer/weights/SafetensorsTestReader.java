package dev.efficientformer.weights;

import dev.efficientformer.json.Json;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only, deliberately minimal reader of a trusted safetensors fixture: just enough to compare
 * the .pth reader against the same weights. Not the library's safetensors reader.
 */
public final class SafetensorsTestReader {
    private final ByteBuffer data;
    private final Map<String, TensorInfo> infos = new LinkedHashMap<>();
    private final Map<String, long[]> offsets = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public SafetensorsTestReader(Path file) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) all.getLong(0);
        String header = new String(all.array(), 8, headerLength, StandardCharsets.UTF_8);
        data = all.slice(8 + headerLength, all.capacity() - 8 - headerLength).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Object> e : Json.parseObject(header).entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            long[] shape = ((List<Object>) t.get("shape")).stream().mapToLong(o -> (Long) o).toArray();
            DType dtype = DType.fromSafetensorsName((String) t.get("dtype"));
            infos.put(e.getKey(), new TensorInfo(e.getKey(), dtype, Shape.of(shape)));
            offsets.put(e.getKey(), ((List<Object>) t.get("data_offsets")).stream().mapToLong(o -> (Long) o).toArray());
        }
    }

    public Map<String, TensorInfo> infos() {
        return infos;
    }

    public float[] floats(String name) {
        long[] o = offsets.get(name);
        float[] out = new float[(int) ((o[1] - o[0]) / 4)];
        data.slice((int) o[0], (int) (o[1] - o[0])).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public long[] longs(String name) {
        long[] o = offsets.get(name);
        long[] out = new long[(int) ((o[1] - o[0]) / 8)];
        data.slice((int) o[0], (int) (o[1] - o[0])).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
