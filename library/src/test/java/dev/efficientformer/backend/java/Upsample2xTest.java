package dev.efficientformer.backend.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vector tier's upsampling gives the scalar control's floats bit for bit, borders and one-pixel sides included. */
class Upsample2xTest {
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"64, 7, 7", "3, 5, 1", "2, 1, 1", "5, 3, 4", "1, 4, 9"})
    void sameFloatsAsTheControl(int c, int h, int w) {
        SplittableRandom r = new SplittableRandom(c * 31L + h * 7L + w);
        int offset = 5;
        float[] x = new float[offset + c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] expected = new float[offset + c * h * w * 4];
        float[] actual = new float[expected.length];
        ScalarKernels.upsample2x(x, offset, c, h, w, expected, offset);
        Upsample2x.image(x, offset, c, h, w, actual, offset, new float[Upsample2x.scratchSize(h, w)]);
        assertArrayEquals(expected, actual);
    }
}
