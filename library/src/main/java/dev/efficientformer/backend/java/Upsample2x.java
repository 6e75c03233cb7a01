package dev.efficientformer.backend.java;

/**
 * Bilinear x2 upsampling with half-pixel centres for the vector tier: the scalar control's
 * arithmetic ({@link ScalarKernels#upsample2x}) in the same order, so the results are bit for bit
 * the control's, with the work rearranged. The control computes both horizontal blends for every
 * output pixel and its source indices on the way; here each input row is blended horizontally once
 * into a row of the output's width (each feeds up to four output rows), and each output row is
 * then one vertical blend of two such rows, a loop the JIT vectorises.
 *
 * <p>Thread-safety: stateless; each caller passes its own scratch.
 */
final class Upsample2x {
    private Upsample2x() {
    }

    /** Floats of scratch one call needs for an {@code h x w} input: the blended rows. */
    static int scratchSize(int h, int w) {
        return h * 2 * w;
    }

    /** {@code x [c, h, w]} from {@code xo} into {@code y [c, 2h, 2w]} from {@code yo}. */
    static void image(float[] x, int xo, int c, int h, int w, float[] y, int yo, float[] rows) {
        int oh = 2 * h;
        int ow = 2 * w;
        for (int ch = 0; ch < c; ch++) {
            int base = xo + ch * h * w;
            for (int r = 0; r < h; r++) {
                int in = base + r * w;
                int out = r * ow;
                // The control's source column sx = max(0, j / 2 - 1/4): column 0 is input 0 (weight 0
                // on input min(1, w - 1)); even j = 2m > 0 blends m - 1 and m by 1/4 and 3/4, odd
                // j = 2m + 1 blends m and min(m + 1, w - 1) by 3/4 and 1/4 (1 - lx is exact in float).
                rows[out] = 1f * x[in] + 0f * x[in + Math.min(1, w - 1)];
                for (int m = 1; m < w; m++) {
                    rows[out + 2 * m] = 0.25f * x[in + m - 1] + 0.75f * x[in + m];
                }
                for (int m = 0; m < w - 1; m++) {
                    rows[out + 2 * m + 1] = 0.75f * x[in + m] + 0.25f * x[in + m + 1];
                }
                rows[out + ow - 1] = 0.75f * x[in + w - 1] + 0.25f * x[in + w - 1];
            }
            for (int i = 0; i < oh; i++) {
                float sy = Math.max(0f, (i + 0.5f) * 0.5f - 0.5f);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, h - 1);
                float ly = sy - y0;
                float ky = 1 - ly;
                int top = y0 * ow;
                int bottom = y1 * ow;
                int o = yo + (ch * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    y[o + j] = ky * rows[top + j] + ly * rows[bottom + j];
                }
            }
        }
    }
}
