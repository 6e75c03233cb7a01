package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The backend and the Java tier as typed options (chosen by enum, visible in the model's description), the image size as text. */
class TypedOptionsTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1").resolve("model.safetensors");

    @Test
    void theJavaTierIsAnOption() {
        ModelOptions scalar = ModelOptions.defaults().withBackend(BackendKind.JAVA).withJavaTier(JavaTier.SCALAR);
        assertEquals("java", scalar.backend());
        assertEquals(BackendKind.JAVA, scalar.backendKind());
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY, scalar)) {
            assertEquals("java (scalar tier)", m.backendDescription());
        }
        // The surefire JVM has the Vector API module.
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY, scalar.withJavaTier(JavaTier.VECTOR))) {
            assertTrue(m.backendDescription().startsWith("java (vector, "), m.backendDescription());
        }
    }

    @Test
    void backendKindsParseInAnyCaseAndRefuseOthers() {
        assertEquals(BackendKind.DNNL, BackendKind.of("DNNL"));
        assertEquals("acl", BackendKind.ACL.id());
        EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> BackendKind.of("cuda"));
        assertEquals("unknown backend \"cuda\" (choose auto, dnnl, java or acl)", e.getMessage());
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withJavaTier(null));
    }

    @Test
    void imageSizesParseAsASideOrHeightByWidth() {
        ModelOptions square = ModelOptions.defaults().withImageSize("208");
        assertEquals(208, square.imageHeight());
        assertEquals(208, square.imageWidth());
        ModelOptions rect = ModelOptions.defaults().withImageSize(" 211X224 ");
        assertEquals(211, rect.imageHeight());
        assertEquals(224, rect.imageWidth());
        for (String bad : new String[] {"211x", "x224", "211x224x3", "big", "0x224", "-5"}) {
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withImageSize(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
        assertThrows(EfficientFormerException.class, () -> ModelOptions.defaults().withImageSize((String) null));
    }
}
