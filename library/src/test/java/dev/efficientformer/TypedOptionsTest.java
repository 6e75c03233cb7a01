package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The backend and the Java tier as typed options: chosen by enum, visible in the model's description. */
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
}
