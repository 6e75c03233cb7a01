package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom class names for checkpoints with other classes than ImageNet's: from a list or a file, counted against the model. */
class ClassLabelsTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
    private static final Path CAT = Fixtures.resource("preprocess/images/chelsea.png");

    @TempDir
    Path dir;

    @Test
    void labelsFromAFileNameTheClasses() throws IOException {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "kind-" + i + " ü").toList();
        Path file = Files.writeString(dir.resolve("labels.txt"), String.join("\n", names) + "\n");
        assertEquals(names, ClassLabels.read(file));
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY, ModelOptions.defaults(), ClassLabels.read(file))) {
            Prediction top = m.classify(CAT, 1).get(0);
            assertEquals(names.get(top.classIndex()), top.label());
        }
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY)) {
            assertTrue(m.classify(CAT, 1).get(0).label().startsWith("class_"), "without labels: class_<i>");
        }
    }

    @Test
    void theWrongCountOrABadFileIsRefused() throws IOException {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY, ModelOptions.defaults(), List.of("a", "b")));
        assertEquals("2 labels were given for a model with 10 classes", e.getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        assertTrue(assertThrows(EfficientFormerException.class, () -> ClassLabels.read(latin1)).getMessage().contains("is not UTF-8"));
        assertTrue(assertThrows(EfficientFormerException.class, () -> ClassLabels.read(dir.resolve("missing.txt"))).getMessage()
                .contains("no such file"));
        assertTrue(assertThrows(EfficientFormerException.class, () -> ClassLabels.read(dir)).getMessage().contains("not a regular file"));
    }
}
