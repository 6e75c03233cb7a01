/*
 * efk_stem3x3s2_f32 against a reference loop in double: 3x3, stride 2, padding 1 from NCHW, with
 * each activation, both output layouts, output channel counts of one to three vectors (with a
 * partial last one), even and odd image sizes from 1x1 up, a batch; and its argument errors.
 * Prints a speed line per stem of the model zoo (informative; nothing is asserted on it).
 */
#include "test_support.h"

static double activate(double x, int activation) {
    return activation == EFK_ACTIVATION_RELU ? fmax(x, 0.0) : activation == EFK_ACTIVATION_GELU ? 0.5 * x * (1.0 + erf(x / sqrt(2.0))) : x;
}

static void check(long B, long I, long O, long H, long W, long block, int activation) {
    long OH = (H - 1) / 2 + 1, OW = (W - 1) / 2 + 1;
    float *src = malloc((size_t)(B * I * H * W) * sizeof(float)), *dst = malloc((size_t)(B * O * OH * OW) * sizeof(float));
    float *w = malloc((size_t)(O * I * 9) * sizeof(float)), *bias = malloc((size_t)O * sizeof(float));
    unsigned s = (unsigned)(B * 7919 + I * 104729 + O * 31 + H * 7 + W + block + activation);
    for (long i = 0; i < B * I * H * W; i++) src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < O * I * 9; i++) w[i] = uniform(&s, -0.5f, 0.5f);
    for (long i = 0; i < O; i++) bias[i] = uniform(&s, -0.5f, 0.5f);
    int rc = efk_stem3x3s2_f32(src, dst, w, bias, B, I, O, H, W, block, activation);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long o = 0; o < O; o++)
            for (long y = 0; y < OH; y++)
                for (long x = 0; x < OW; x++) {
                    double acc = bias[o], magnitude = fabs(bias[o]);
                    for (long c = 0; c < I; c++)
                        for (int ky = 0; ky < 3; ky++)
                            for (int kx = 0; kx < 3; kx++) {
                                long iy = 2 * y + ky - 1, ix = 2 * x + kx - 1;
                                if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
                                    double t = (double)w[((o * I + c) * 3 + ky) * 3 + kx] * src[((b * I + c) * H + iy) * W + ix];
                                    acc += t;
                                    magnitude += fabs(t);
                                }
                            }
                    double want = activate(acc, activation);
                    /* fp32 sums of up to 37 terms: within a few ulps of the terms' magnitude */
                    double err = fabs(dst[at(b, o, y, x, O, OH, OW, block)] - want) / (1.0 + magnitude);
                    if (err > worst) worst = err;
                }
    if (rc != EFK_OK || !(worst < 1e-6)) {
        printf("FAIL B=%ld %ld->%ld %ldx%ld block=%ld activation=%d: status %d, largest error %.3g\n", B, I, O, H, W, block, activation, rc,
               worst);
        failures++;
    }
    free(src); free(dst); free(w); free(bias);
}

typedef struct {
    float *src, *dst, *w, *bias;
    long O, block;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_stem3x3s2_f32(k->src, k->dst, k->w, k->bias, 1, 3, k->O, 224, 224, k->block, EFK_ACTIVATION_GELU);
}

static void speed(long O, long block) {
    speed_case k = {aligned_floats(3 * 224 * 224), aligned_floats((size_t)(O * 112 * 112)), aligned_floats((size_t)(O * 27)),
                    aligned_floats((size_t)O), O, block};
    unsigned s = 1;
    for (long i = 0; i < 3 * 224 * 224; i++) k.src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < O * 27; i++) k.w[i] = uniform(&s, -0.5f, 0.5f);
    for (long i = 0; i < O; i++) k.bias[i] = 0;
    double t = best_seconds(run_case, &k);
    printf("speed: 3 -> %2ld channels, 224x224 -> 112x112 %-7s + GELU: %6.1f us, %5.1f GFLOPS\n", O, block == 16 ? "nChw16c" : "NHWC", t * 1e6,
           2.0 * 27 * O * 112 * 112 / t * 1e-9);
    free(k.src); free(k.dst); free(k.w); free(k.bias);
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[64] = {0};
        expect_status("no AVX-512", efk_stem3x3s2_f32(x, x + 32, x, x, 1, 3, 16, 1, 1, 16, 0), EFK_ERR_CPU);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return finish();
    }
    const long sizes[][2] = {{1, 1}, {2, 2}, {3, 5}, {7, 7}, {8, 9}, {17, 16}, {33, 35}, {224, 211}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (int activation = 0; activation <= 2; activation++) {
            check(1, 3, 24, sizes[i][0], sizes[i][1], 24, activation);
            check(2, 3, 32, sizes[i][0], sizes[i][1], 16, activation);
            check(1, 3, 48, sizes[i][0], sizes[i][1], 48, activation);
            check(1, 1, 5, sizes[i][0], sizes[i][1], 5, activation);
        }
    check(1, 4, 20, 15, 15, 20, 2);
    check(2, 3, 16, 224, 224, 16, 1);
    float x[64] = {0};
    expect_status("5 input channels", efk_stem3x3s2_f32(x, x + 32, x, x, 1, 5, 16, 1, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("49 output channels", efk_stem3x3s2_f32(x, x + 32, x, x, 1, 3, 49, 1, 1, 49, 0), EFK_ERR_ARGUMENT);
    expect_status("24 channels in blocks of 16", efk_stem3x3s2_f32(x, x + 32, x, x, 1, 3, 24, 1, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("activation 3", efk_stem3x3s2_f32(x, x + 32, x, x, 1, 3, 16, 1, 1, 16, 3), EFK_ERR_ARGUMENT);
    expect_status("NULL weights", efk_stem3x3s2_f32(x, x + 32, NULL, x, 1, 3, 16, 1, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_stem3x3s2_f32(x, x + 32, x, x, 1L << 40, 3, 16, 1L << 20, 1, 16, 0), EFK_ERR_ARGUMENT);
    speed(16, 16);
    speed(20, 20);
    speed(24, 24);
    speed(32, 16);
    speed(48, 16);
    return finish();
}
