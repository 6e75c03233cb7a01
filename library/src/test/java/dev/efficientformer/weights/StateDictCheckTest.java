package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDictCheckTest {

    private static Map<String, TensorInfo> infos(Object... nameDtypeShape) {
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (int i = 0; i < nameDtypeShape.length; i += 3) {
            String name = (String) nameDtypeShape[i];
            out.put(name, new TensorInfo(name, (DType) nameDtypeShape[i + 1], (Shape) nameDtypeShape[i + 2]));
        }
        return out;
    }

    @Test
    void listsEveryDifferenceByName() {
        Map<String, TensorInfo> expected = infos("a", DType.F32, Shape.of(2, 3), "b", DType.F32, Shape.of(4),
                "c", DType.I64, Shape.of(new long[0]), "d", DType.F32, Shape.of(5));
        Map<String, TensorInfo> actual = infos("a", DType.F32, Shape.of(3, 2), "c", DType.F32, Shape.of(new long[0]),
                "d", DType.F32, Shape.of(5), "zzz", DType.F32, Shape.of(1));
        StateDictMismatchException e = assertThrows(StateDictMismatchException.class,
                () -> StateDictCheck.requireMatch(expected, actual, "model.pth"));
        assertEquals(List.of("b"), e.missing());
        assertEquals(List.of("zzz"), e.unexpected());
        assertEquals(List.of("a", "c"), e.misshaped().stream().map(StateDictMismatchException.Misshaped::name).toList());
        assertEquals(Shape.of(2, 3), e.misshaped().getFirst().expected().shape());
        assertEquals(Shape.of(3, 2), e.misshaped().getFirst().actual().shape());
        String m = e.getMessage();
        assertTrue(m.startsWith("state dict of model.pth does not match the model: 1 missing, 1 unexpected, 2 with"), m);
        assertTrue(m.contains("missing: b"), m);
        assertTrue(m.contains("unexpected: zzz"), m);
        assertTrue(m.contains("a: expected F32 [2, 3], found F32 [3, 2]"), m);
        assertTrue(m.contains("c: expected I64 [], found F32 []"), m);
        assertTrue(e instanceof CheckpointException);
    }

    @Test
    void boundsTheMessage() {
        Map<String, TensorInfo> expected = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            expected.put("k" + i, new TensorInfo("k" + i, DType.F32, Shape.of(1)));
        }
        StateDictMismatchException e = assertThrows(StateDictMismatchException.class,
                () -> StateDictCheck.requireMatch(expected, Map.of(), "empty.pth"));
        assertEquals(500, e.missing().size());
        assertTrue(e.getMessage().contains("k19, and 480 more"), e.getMessage());
        assertFalse(e.getMessage().contains("k20"), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "message too long: " + e.getMessage().length());
    }

    @Test
    void acceptsAnExactMatch() {
        Map<String, TensorInfo> same = infos("a", DType.F32, Shape.of(2, 3), "n", DType.I64, Shape.of(new long[0]));
        assertDoesNotThrow(() -> StateDictCheck.requireMatch(same, new LinkedHashMap<>(same), "ok.pth"));
    }

    @Test
    void checksAWeightFileAgainstTheModelsKeys() throws Exception {
        Map<String, TensorInfo> l1 = KeyFixtures.keys("efficientformer_l1", "timm_safetensors");
        try (TorchCheckpoint tiny = TorchCheckpoint.open(Fixtures.tinyV1Pth())) {
            StateDictMismatchException e = assertThrows(StateDictMismatchException.class,
                    () -> StateDictCheck.requireMatch(l1, ModelFamily.withTimmNames(tiny)));
            // The tiny model is L1's shape family but smaller: every shared key differs in shape.
            assertTrue(e.getMessage().contains(Fixtures.tinyV1Pth().toString()), e.getMessage());
            assertTrue(e.misshaped().stream().anyMatch(m -> m.name().equals("stem.conv1.weight")));
            assertTrue(e.missing().contains("stages.0.blocks.1.ls1.gamma"));
            assertTrue(e.unexpected().contains("stages.3.blocks.2.token_mixer.qkv.weight"), e.unexpected().toString());
        }
    }
}
