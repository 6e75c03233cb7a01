package dev.efficientformer.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unfolded reference graph on the scalar Java kernels reproduces timm, stage by stage. */
class JavaBackendGateTest {

    static void checkCase(Path weights, ReferenceCase c) {
        long[] shape = c.inputShape();
        try (WeightFile f = CheckpointFormat.open(weights)) {
            EfficientFormerSpec spec = SpecDerivation.derive(f);
            Graph g = EfficientFormerGraphBuilder.build(f, spec, (int) shape[2], (int) shape[3]);
            try (Plan p = new JavaBackend().compile(g, c.batch(), 1); Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, c.input());
                MemorySegment out = arena.allocate((long) c.batch() * p.outputsPerImage() * 4);
                p.run(in, out);
                for (String tap : g.taps().keySet()) {
                    if (c.hasTap(tap)) {
                        ReferenceCase.assertWithinGate(weights.getFileName() + " " + tap, c.tap(tap), p.tap(tap));
                    }
                }
                ReferenceCase.assertLogitsMatch(weights.getFileName().toString(), c.logits(), out.toArray(ValueLayout.JAVA_FLOAT), c.batch());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "model_orig.pth"})
    void tinyV1MatchesTimm(String file) {
        Path dir = Fixtures.tiny("tiny_v1");
        checkCase(dir.resolve(file), new ReferenceCase(dir));
    }

    @Test
    void fullSizeL1MatchesTimm() {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), Fixtures::sharedL1Absent);
        checkCase(l1.get().resolve("model.safetensors"), new ReferenceCase(l1.get()));
    }
}
