package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.model.EfficientFormerGraphBuilder;
import dev.efficientformer.model.SpecDerivation;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Plans of one model share one copy of each prepared weight layout. */
class DnnlWeightCacheTest {

    @Test
    void plansOfOneBatchSizeShareTheirWeights() {
        Graph g;
        try (WeightFile f = CheckpointFormat.open(Fixtures.tiny("tiny_v1").resolve("model.safetensors"))) {
            g = GraphPasses.optimize(EfficientFormerGraphBuilder.build(f, SpecDerivation.derive(f), 224, 224));
        }
        DnnlBackend backend = new DnnlBackend();
        ReferenceCase c = new ReferenceCase(Fixtures.tiny("tiny_v1"));
        try (DnnlWeightCache cache = (DnnlWeightCache) backend.newWeightCache(); Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, c.input());
            MemorySegment a = arena.allocate(40);
            MemorySegment b = arena.allocate(40);
            try (Plan first = backend.compile(g, 1, 1, cache)) {
                long afterFirst = cache.bytes();
                assertTrue(afterFirst > 100_000, "the tiny model's weights are prepared once: " + afterFirst);
                try (Plan second = backend.compile(g, 1, 1, cache)) {
                    assertEquals(afterFirst, cache.bytes(), "the second plan reuses every weight");
                    first.run(in, a);
                    second.run(in, b);
                    assertArrayEquals(a.toArray(ValueLayout.JAVA_FLOAT), b.toArray(ValueLayout.JAVA_FLOAT));
                    ReferenceCase.assertLogitsMatch("shared weights", c.logits(), b.toArray(ValueLayout.JAVA_FLOAT), 1);
                }
                // Closing one plan leaves the shared weights to the others.
                first.run(in, a);
                ReferenceCase.assertLogitsMatch("after the other plan closed", c.logits(), a.toArray(ValueLayout.JAVA_FLOAT), 1);
            }
        }
    }

    @Test
    void aClosedCacheIsRefused() {
        DnnlWeightCache cache = new DnnlWeightCache();
        cache.close();
        cache.close();
        assertThrows(IllegalStateException.class, () -> cache.get(new float[1], MemorySegment.NULL, t -> { }));
    }
}
