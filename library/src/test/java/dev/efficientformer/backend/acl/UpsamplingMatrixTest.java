package dev.efficientformer.backend.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.efficientformer.backend.java.ScalarKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interpolation matrices the Arm Compute Library backend multiplies by for bilinear x2
 * upsampling (it runs anywhere: no native code): one axis at a time, {@code R x} equals the scalar
 * control's upsampling of a one-column map, including the clamped edges and a single row.
 */
class UpsamplingMatrixTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 14})
    void theMatrixIsTheControlsUpsampling(int n) {
        float[] x = new float[n];
        SplittableRandom r = new SplittableRandom(n);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] expected = new float[4 * n];
        ScalarKernels.upsample2x(x, 0, 1, n, 1, expected, 0); // [1, n, 1] -> [1, 2n, 2]: both columns equal
        float[] m = AclPlanCompiler.interpolation(n);
        for (int o = 0; o < 2 * n; o++) {
            double y = 0;
            for (int i = 0; i < n; i++) {
                y += (double) m[o * n + i] * x[i];
            }
            assertEquals(expected[o * 2], y, 1e-6, "row " + o + " of " + 2 * n);
        }
    }
}
