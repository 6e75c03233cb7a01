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
 * {@code auto} on oneDNN where it loads, every backend declaring the V2 ops (a declaration that
 * lacks one names it), and refused with the learned grid named for an input size it was not
 * trained for.
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
                if (new dev.efficientformer.backend.dnnl.DnnlBackend().isAvailable()) {
                    assertEquals("dnnl", m.backendName());
                }
                float[] logits = m.predict(c.input(), 1);
                ReferenceCase.assertLogitsMatch("tiny_v2 " + file + " on " + m.backendDescription(), c.logits(), logits, 1);
            }
        }
    }

    @Test
    void everyBackendDeclaresTheV2OpsAndAMissingOneIsNamed() throws Exception {
        try (var f = dev.efficientformer.weights.CheckpointFormat.open(TINY.resolve("model.safetensors"))) {
            var graph = dev.efficientformer.model.ModelFamily.load(f, 96, 96).graph();
            assertEquals("", new dev.efficientformer.backend.acl.AclBackend().cannotRun(graph));
            assertEquals("", new dev.efficientformer.backend.dnnl.DnnlBackend().cannotRun(graph));
            assertEquals("", new dev.efficientformer.backend.java.JavaBackend(dev.efficientformer.backend.java.JavaBackend.Tier.SCALAR)
                    .cannotRun(graph));
            var onlyConvolutions = new dev.efficientformer.backend.OpSupport("test",
                    java.util.Set.of(dev.efficientformer.graph.Ops.Conv2d.class, dev.efficientformer.graph.Ops.Gelu.class));
            String missing = onlyConvolutions.missingFor(graph);
            assertTrue(missing.startsWith("the test backend has no kernel for add, attention2d, attention2d_th"), missing);
            assertTrue(missing.contains("dwconv3x3") && missing.contains("upsample2x") && !missing.contains("gelu"), missing);
        }
    }

    @Test
    void anInputSizeTheBiasesWereNotLearnedForIsRefused() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY.resolve("model.safetensors"), new ModelOptions("java", 1, 224)).close());
        assertTrue(e.getMessage().contains("input 224x224 gives a 14x14 stage-2 grid"), e.getMessage());
    }
}
