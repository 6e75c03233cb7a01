package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.EfficientFormerV2Spec;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An EfficientFormerV2 checkpoint through the public API: recognised from its tensors, run by
 * {@code auto} on a backend that has its ops, refused with the missing ops named by one that has
 * not, and refused with the learned grid named for an input size it was not trained for.
 */
class V2ModelTest {
    private static final Path TINY = Fixtures.tiny("tiny_v2");

    @Test
    void autoRunsTheTinyV2CheckpointAndMatchesTimm() {
        ReferenceCase c = new ReferenceCase(TINY);
        for (String file : new String[] {"model.safetensors", "model_orig.pth"}) {
            try (EfficientFormerModel m = EfficientFormerModel.load(TINY.resolve(file), new ModelOptions("auto", 1, 96))) {
                EfficientFormerV2Spec spec = assertInstanceOf(EfficientFormerV2Spec.class, m.spec());
                assertEquals("EfficientFormerV2", spec.family());
                assertEquals(10, m.numClasses());
                assertEquals(32, m.embeddingSize());
                float[] logits = m.predict(c.input(), 1);
                ReferenceCase.assertLogitsMatch("tiny_v2 " + file + " on " + m.backendDescription(), c.logits(), logits, 1);
            }
        }
    }

    @Test
    void aBackendWithoutTheV2OpsIsRefusedNamingThem() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY.resolve("model.safetensors"), new ModelOptions("dnnl", 1, 96)).close());
        assertTrue(e.getMessage().contains("cannot run this model") && e.getMessage().contains("attention2d"), e.getMessage());
    }

    @Test
    void anInputSizeTheBiasesWereNotLearnedForIsRefused() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY.resolve("model.safetensors"), new ModelOptions("java", 1, 224)).close());
        assertTrue(e.getMessage().contains("input 224x224 gives a 14x14 stage-2 grid"), e.getMessage());
    }
}
