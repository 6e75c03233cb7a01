package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import dev.efficientformer.weights.CheckpointFormat;
import dev.efficientformer.weights.WeightFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Plan#run(MemorySegment, long, MemorySegment, long)}: a plan runs on its images inside a
 * larger batch's segments (the batch split's parts), gives what it gives on views of them, and
 * refuses ranges outside the segments before anything is read or written: the overrides of dnnl
 * and the java backend (scalar tier here), and the interface's default (which acl uses) on a stub.
 */
class PlanRangeRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"dnnl", "java"})
    void aPartOfALargerBatchRunsInPlaceAndBadRangesAreRefused(String name) {
        Backend backend = name.equals("dnnl") ? new DnnlBackend() : new JavaBackend(JavaBackend.Tier.SCALAR);
        Path dir = Fixtures.tiny("tiny_v1");
        ReferenceCase c = new ReferenceCase(dir);
        Graph g;
        try (WeightFile raw = CheckpointFormat.open(dir.resolve("model.safetensors"))) {
            WeightFile f = ModelFamily.withTimmNames(raw);
            ModelFamily family = ModelFamily.of(f);
            g = GraphPasses.optimize(family.build(f, family.derive(f), 224, 224));
        }
        try (Plan p = backend.compile(g, 1, 1); Arena arena = Arena.ofConfined()) {
            long inBytes = (long) c.input().length * Float.BYTES;
            long outBytes = (long) p.outputsPerImage() * Float.BYTES;
            // Three images' room, the fixture's image in the middle; three logits' room.
            MemorySegment in = arena.allocate(3 * inBytes, Float.BYTES);
            MemorySegment.copy(c.input(), 0, in, ValueLayout.JAVA_FLOAT, inBytes, c.input().length);
            MemorySegment out = arena.allocate(3 * outBytes, Float.BYTES);
            p.run(in, inBytes, out, 2 * outBytes);

            MemorySegment whole = arena.allocate(outBytes, Float.BYTES);
            p.run(in.asSlice(inBytes, inBytes), whole);
            assertArrayEquals(whole.toArray(ValueLayout.JAVA_FLOAT), out.asSlice(2 * outBytes, outBytes).toArray(ValueLayout.JAVA_FLOAT));
            ReferenceCase.assertLogitsMatch(name, c.logits(), whole.toArray(ValueLayout.JAVA_FLOAT), 1);

            MemorySegment untouched = arena.allocate(3 * outBytes, Float.BYTES);
            for (long[] bad : new long[][] {{-4, 0}, {2 * inBytes + 4, 0}, {Long.MAX_VALUE, 0}, {0, -4}, {0, 2 * outBytes + 4}, {0, Long.MIN_VALUE}}) {
                EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> p.run(in, bad[0], untouched, bad[1]),
                        name + " offsets " + bad[0] + ", " + bad[1]);
                assertTrue(e.getMessage().contains("from offset"), e.getMessage());
            }
            assertThrows(EfficientFormerException.class, () -> p.run(in, 0, untouched.asReadOnly(), 0));
            for (float v : untouched.toArray(ValueLayout.JAVA_FLOAT)) {
                assertTrue(v == 0, "a refused run wrote into the output");
            }
        }
    }

    @Test
    void theDefaultRunsOnViewsOfTheRanges() {
        MemorySegment[] seen = new MemorySegment[2];
        Plan stub = new Plan() {
            public int batch() {
                return 2;
            }

            public int[] inputShape() {
                return new int[] {3, 2, 2};
            }

            public int outputsPerImage() {
                return 5;
            }

            public void run(MemorySegment input, MemorySegment output) {
                seen[0] = input;
                seen[1] = output;
            }

            public java.util.List<dev.efficientformer.backend.StepTime> profile(MemorySegment input, MemorySegment output) {
                throw new UnsupportedOperationException();
            }

            public float[] tap(String name) {
                throw new UnsupportedOperationException();
            }

            public String describe() {
                return "stub";
            }

            public void close() {
            }
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(100 * Float.BYTES);
            MemorySegment out = arena.allocate(30 * Float.BYTES);
            stub.run(in, 8, out, 12);
            assertEquals(in.address() + 8, seen[0].address());
            assertEquals(24 * Float.BYTES, seen[0].byteSize());
            assertEquals(out.address() + 12, seen[1].address());
            assertEquals(10 * Float.BYTES, seen[1].byteSize());
            seen[0] = null;
            assertThrows(EfficientFormerException.class, () -> stub.run(in, 77 * Float.BYTES, out, 0));
            assertThrows(EfficientFormerException.class, () -> stub.run(in, 0, out, 21 * Float.BYTES));
            assertThrows(EfficientFormerException.class, () -> stub.run(in, 0, out.asReadOnly(), 0));
            assertNull(seen[0], "a refused range never reached run");
        }
    }
}
