package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Non-square inputs through the public API ({@link ModelOptions#withImageSize(int, int)}): V1 runs
 * any H and W from 193 to 224, as the reference does (the last stage is 7x7 either way), on oneDNN
 * and the vector tier alike, checked against the scalar control; V2's non-square case is the
 * tiny_v2_rect fixture (see {@code BackendGateTest}).
 */
class NonSquareInputTest {
    private static final Path TINY_V1 = Fixtures.tiny("tiny_v1").resolve("model.safetensors");

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"211, 224", "224, 193", "193, 207"})
    void v1RunsNonSquareInputsLikeTheControl(int height, int width) {
        float[] input = new float[3 * height * width * 2];
        SplittableRandom r = new SplittableRandom(height * 1000L + width);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        ModelOptions control = new ModelOptions("java", 1, 224).withJavaTier(JavaTier.SCALAR).withImageSize(height, width);
        float[] expected;
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY_V1, control)) {
            assertEquals(3 * height * width, m.inputFloatsPerImage());
            expected = m.predict(input, 2);
        }
        assumeTrue(new DnnlBackend().isAvailable(), "oneDNN is not available here");
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY_V1, control.withBackend("dnnl").withThreads(2))) {
            ReferenceCase.assertLogitsMatch("tiny_v1 " + height + "x" + width + " on dnnl", expected, m.predict(input, 2), 2);
        }
    }

    @Test
    void aSideOutsideTheRangeIsRefused() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.load(TINY_V1, ModelOptions.defaults().withBackend("java").withImageSize(224, 192)).close());
        assertTrue(e.getMessage().contains("input 224x192 is not supported"), e.getMessage());
    }

    /** Image files reach a non-square model through the non-square preprocessing, not through a refusal. */
    @Test
    void imagesArePreprocessedToANonSquareInput() throws Exception {
        Path photo = Fixtures.resource("preprocess/images/chelsea.png");
        try (EfficientFormerModel m = EfficientFormerModel.load(TINY_V1, ModelOptions.defaults().withBackend("java").withImageSize(211, 224))) {
            float[] chw = m.preprocessor().toChw(photo);
            assertEquals(3 * 211 * 224, chw.length);
            assertEquals(java.util.List.of(3L, 211L, 224L), java.util.Arrays.stream(m.preprocessor().outputShape().dims()).boxed().toList());
            assertArrayEquals(m.predict(chw), m.predict(javax.imageio.ImageIO.read(photo.toFile())));
            assertEquals(m.classify(photo, 3), m.classifyEach(java.util.List.of(photo), 3).getFirst().predictions());
        }
    }
}
