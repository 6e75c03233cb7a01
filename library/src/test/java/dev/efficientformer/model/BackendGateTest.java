package dev.efficientformer.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.Backend;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.acl.AclBackend;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The correctness gate on every backend: the unfolded reference graph on the scalar Java kernels,
 * and the optimised graph on the scalar kernels, on the Java vector tier (one and two threads), on
 * oneDNN and on the Arm Compute Library, reproduce timm stage by stage at batch 1 and 2, for the
 * tiny case (safetensors and .pth) and the full-size L1. A backend that cannot run here (acl off
 * linux-arm64) is skipped with its reason. The tests tagged {@code aarch64-emulated} are the
 * subset native/test-aarch64.sh runs in an arm64 JVM under qemu: the tiny cases (not the vector
 * tier, whose Vector API needs C2, which the emulated JVM runs without), and one full-size L1
 * forward on acl.
 */
class BackendGateTest {

    /** How to run a case: which backend, and whether the graph is rewritten first. */
    enum Variant {
        JAVA_REFERENCE(() -> new JavaBackend(JavaBackend.Tier.SCALAR), false, 1),
        JAVA_OPTIMIZED(() -> new JavaBackend(JavaBackend.Tier.SCALAR), true, 1),
        JAVA_VECTOR(() -> new JavaBackend(JavaBackend.Tier.VECTOR), true, 1),
        JAVA_VECTOR_2_THREADS(() -> new JavaBackend(JavaBackend.Tier.VECTOR), true, 2),
        DNNL(DnnlBackend::new, true, 1),
        DNNL_BF16X3(() -> new DnnlBackend(MatmulPrecision.HIGH), true, 1),
        ACL(AclBackend::new, true, 1);

        // Built on first use, not when the enum loads: a backend this JVM cannot build (the vector
        // tier without the Vector API module, as in the emulated arm64 run) skips its own cases
        // instead of failing every variant.
        private final Supplier<Backend> factory;
        final boolean optimize;
        final int threads;

        Variant(Supplier<Backend> factory, boolean optimize, int threads) {
            this.factory = factory;
            this.optimize = optimize;
            this.threads = threads;
        }

        /** The backend, or a skipped test saying why it cannot run here. */
        Backend backend() {
            Backend b;
            try {
                b = factory.get();
            } catch (EfficientFormerException e) {
                assumeTrue(false, () -> this + ": " + e.getMessage());
                throw e;
            }
            assumeTrue(b.isAvailable(), () -> this + ": backend " + b.name() + " is not available here: " + b.unavailableReason());
            return b;
        }
    }

    static void checkCase(Variant v, Path weights, ReferenceCase c, int batch) {
        Backend backend = v.backend();
        long[] shape = c.inputShape();
        try (WeightFile raw = CheckpointFormat.open(weights)) {
            WeightFile f = ModelFamily.withTimmNames(raw);
            ModelFamily family = ModelFamily.of(f);
            Graph g = family.build(f, family.derive(f), (int) shape[2], (int) shape[3]);
            if (v.optimize) {
                g = GraphPasses.optimize(g);
            }
            String what = v + " " + weights.getFileName() + " batch " + batch;
            try (Plan p = backend.compile(g, batch, v.threads); Arena arena = Arena.ofConfined()) {
                float[] input = Arrays.copyOf(c.input(), (int) (batch * shape[1] * shape[2] * shape[3]));
                // A batch larger than the fixture's repeats its images, so that every slot is checked.
                int perImage = (int) (shape[1] * shape[2] * shape[3]);
                for (int i = c.batch(); i < batch; i++) {
                    System.arraycopy(c.input(), (i % c.batch()) * perImage, input, i * perImage, perImage);
                }
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
                MemorySegment out = arena.allocate((long) batch * p.outputsPerImage() * 4);
                p.run(in, out);
                for (String tap : g.taps().keySet()) {
                    if (c.hasTap(tap)) {
                        ReferenceCase.assertWithinGate(what + " " + tap, repeat(c.tap(tap), c.batch(), batch), p.tap(tap));
                    }
                }
                ReferenceCase.assertLogitsMatch(what, repeat(c.logits(), c.batch(), batch), out.toArray(ValueLayout.JAVA_FLOAT), batch);
            }
        }
    }

    /** A per-image array of {@code have} images extended to {@code want} by repeating them. */
    static float[] repeat(float[] v, int have, int want) {
        int per = v.length / have;
        float[] out = new float[per * want];
        for (int i = 0; i < want; i++) {
            System.arraycopy(v, (i % have) * per, out, i * per, per);
        }
        return out;
    }

    @Tag("aarch64-emulated")
    @ParameterizedTest(name = "{0} {1} batch {2}")
    @CsvSource({
        "JAVA_REFERENCE, model.safetensors, 1", "JAVA_REFERENCE, model_orig.pth, 1",
        "JAVA_OPTIMIZED, model.safetensors, 2",
        "DNNL, model.safetensors, 1", "DNNL, model_orig.pth, 1", "DNNL, model.safetensors, 2", "DNNL, model_orig.pth, 2",
        "ACL, model.safetensors, 1", "ACL, model_orig.pth, 1", "ACL, model.safetensors, 2", "ACL, model_orig.pth, 2",
    })
    void tinyV1MatchesTimm(Variant v, String file, int batch) {
        Path dir = Fixtures.tiny("tiny_v1");
        checkCase(v, dir.resolve(file), new ReferenceCase(dir), batch);
    }

    @ParameterizedTest(name = "{0} {1} batch {2}")
    @CsvSource({
        "JAVA_VECTOR, model.safetensors, 1", "JAVA_VECTOR, model_orig.pth, 1", "JAVA_VECTOR, model.safetensors, 2",
        "JAVA_VECTOR, model_orig.pth, 2", "JAVA_VECTOR_2_THREADS, model.safetensors, 2",
    })
    void tinyV1MatchesTimmOnTheVectorTier(Variant v, String file, int batch) {
        tinyV1MatchesTimm(v, file, batch);
    }

    @ParameterizedTest(name = "{0} batch {1}")
    @CsvSource({"JAVA_REFERENCE, 2", "DNNL, 1", "DNNL, 2", "DNNL_BF16X3, 1", "DNNL_BF16X3, 2", "JAVA_VECTOR, 1", "JAVA_VECTOR, 2", "JAVA_VECTOR_2_THREADS, 2"})
    void fullSizeL1MatchesTimm(Variant v, int batch) {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), Fixtures::sharedL1Absent);
        checkCase(v, l1.get().resolve("model.safetensors"), new ReferenceCase(l1.get()), batch);
    }

    @ParameterizedTest(name = "{0} {1} {2} batch {3}")
    @CsvSource({
        "JAVA_REFERENCE, tiny_v2, model.safetensors, 1", "JAVA_REFERENCE, tiny_v2, model_orig.pth, 1",
        "JAVA_REFERENCE, tiny_v2_rect, model.safetensors, 2", "JAVA_OPTIMIZED, tiny_v2, model_orig.pth, 2",
        "JAVA_OPTIMIZED, tiny_v2, model.safetensors, 2", "JAVA_OPTIMIZED, tiny_v2_rect, model.safetensors, 2",
        "JAVA_VECTOR, tiny_v2, model.safetensors, 2", "JAVA_VECTOR, tiny_v2_rect, model.safetensors, 2",
        "JAVA_VECTOR_2_THREADS, tiny_v2, model.safetensors, 2", "JAVA_VECTOR_2_THREADS, tiny_v2_rect, model.safetensors, 2",
        "DNNL, tiny_v2, model.safetensors, 1", "DNNL, tiny_v2, model_orig.pth, 2", "DNNL, tiny_v2_rect, model.safetensors, 1",
        "DNNL, tiny_v2_rect, model.safetensors, 2", "DNNL_BF16X3, tiny_v2, model.safetensors, 2",
    })
    void tinyV2MatchesTimm(Variant v, String tinyCase, String file, int batch) {
        Path dir = Fixtures.tiny(tinyCase);
        checkCase(v, dir.resolve(file), new ReferenceCase(dir), batch);
    }

    /** The V2 cases the emulated arm64 JVM runs: the Arm Compute Library, oneDNN's aarch64 build and the control. */
    @Tag("aarch64-emulated")
    @ParameterizedTest(name = "{0} {1} {2} batch {3}")
    @CsvSource({
        "ACL, tiny_v2, model.safetensors, 1", "ACL, tiny_v2, model_orig.pth, 2", "ACL, tiny_v2_rect, model.safetensors, 2",
        "DNNL, tiny_v2_rect, model.safetensors, 2", "JAVA_REFERENCE, tiny_v2_rect, model.safetensors, 1",
    })
    void tinyV2MatchesTimmOnArm(Variant v, String tinyCase, String file, int batch) {
        tinyV2MatchesTimm(v, tinyCase, file, batch);
    }

    /** One full-size V2-S0 forward on the Arm Compute Library. */
    @Tag("aarch64-emulated")
    @Test
    void fullSizeV2S0MatchesTimmOnAcl() {
        fullSizeV2S0MatchesTimm(Variant.ACL, 1);
    }

    @ParameterizedTest(name = "{0} batch {1}")
    @CsvSource({"JAVA_OPTIMIZED, 2", "JAVA_VECTOR, 2", "JAVA_VECTOR_2_THREADS, 2", "DNNL, 1", "DNNL, 2", "DNNL_BF16X3, 2"})
    void fullSizeV2S0MatchesTimm(Variant v, int batch) {
        Optional<Path> s0 = Fixtures.shared("efficientformerv2_s0");
        assumeTrue(s0.isPresent(), () -> Fixtures.sharedAbsent("efficientformerv2_s0"));
        checkCase(v, s0.get().resolve("model.safetensors"), new ReferenceCase(s0.get()), batch);
    }

    /** One full-size forward on the Arm Compute Library (about 10 s of compute under qemu). */
    @Tag("aarch64-emulated")
    @Test
    void fullSizeL1MatchesTimmOnAcl() {
        Optional<Path> l1 = Fixtures.sharedL1();
        assumeTrue(l1.isPresent(), Fixtures::sharedL1Absent);
        checkCase(Variant.ACL, l1.get().resolve("model.safetensors"), new ReferenceCase(l1.get()), 1);
    }
}
