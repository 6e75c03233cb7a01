/*
 * efk_dwconv3x3_f32 against reference loops in double: both layouts, with and without GELU, maps
 * from 1x1 up (widths below, at and above the kernel's seven-output row block), and its argument
 * errors. Prints a speed line per EfficientFormerV2 shape (informative; nothing is asserted on it).
 * Exit status 0 when every check passed.
 */
#include "test_support.h"

static double gelu(double x) {
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)));
}

static void check(long B, long C, long H, long W, long block, int act) {
    size_t n = (size_t)(B * C * H * W);
    float *src = malloc(n * sizeof(float)), *dst = malloc(n * sizeof(float));
    float *w = malloc((size_t)C * 9 * sizeof(float)), *bias = malloc((size_t)C * sizeof(float));
    unsigned s = (unsigned)(B * 7919 + C * 104729 + H * 31 + W + block + act);
    for (size_t i = 0; i < n; i++) src[i] = uniform(&s, -3.0f, 3.0f);
    for (long i = 0; i < C * 9; i++) w[i] = uniform(&s, -1.0f, 1.0f);
    for (long i = 0; i < C; i++) bias[i] = uniform(&s, -0.5f, 0.5f);
    int rc = efk_dwconv3x3_f32(src, dst, w, bias, B, C, H, W, block, act);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long c = 0; c < C; c++)
            for (long y = 0; y < H; y++)
                for (long x = 0; x < W; x++) {
                    double acc = bias[c];
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++) {
                            long yy = y + dy, xx = x + dx;
                            if (yy >= 0 && yy < H && xx >= 0 && xx < W)
                                acc += (double)w[c * 9 + (dy + 1) * 3 + dx + 1] * src[at(b, c, yy, xx, C, H, W, block)];
                        }
                    double want = act ? gelu(acc) : acc;
                    double err = fabs(dst[at(b, c, y, x, C, H, W, block)] - want) / fmax(1.0, fabs(want));
                    if (err > worst) worst = err;
                }
    if (rc != EFK_OK || !(worst < 1e-6)) {
        printf("FAIL B=%ld C=%ld %ldx%ld block=%ld gelu=%d: status %d, largest error %.3g\n", B, C, H, W, block, act, rc, worst);
        failures++;
    }
    free(src); free(dst); free(w); free(bias);
}

typedef struct {
    float *src, *dst, *w, *bias;
    long C, H, block;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_dwconv3x3_f32(k->src, k->dst, k->w, k->bias, 1, k->C, k->H, k->H, k->block, 1);
}

static void speed(long C, long H, long block) {
    size_t n = (size_t)(C * H * H);
    speed_case k = {aligned_floats(n), aligned_floats(n), calloc((size_t)C * 9, sizeof(float)), calloc((size_t)C, sizeof(float)), C, H, block};
    unsigned s = 1;
    for (size_t i = 0; i < n; i++) k.src[i] = uniform(&s, -3.0f, 3.0f);
    for (long i = 0; i < C * 9; i++) k.w[i] = uniform(&s, -1.0f, 1.0f);
    double best = best_seconds(run_case, &k);
    printf("speed: %4ld channels %3ldx%-3ld %-7s + GELU: %7.1f us, %5.1f GFLOPS\n", C, H, H, block == 16 ? "nChw16c" : "NHWC",
           best * 1e6, 18.0 * (double)n / best * 1e-9);
    free(k.src); free(k.dst); free(k.w); free(k.bias);
}

int main(void) {
    if (efk_abi_version() != EFK_ABI_VERSION) {
        printf("FAIL abi version %d\n", efk_abi_version());
        return 1;
    }
    if (!efk_cpu_supported()) {
        printf("skipped: this CPU has no AVX-512F, so the kernels refuse to run (checking that)\n");
        float x[16] = {0};
        expect_status("no AVX-512", efk_dwconv3x3_f32(x, x, x, x, 1, 16, 1, 1, 16, 0), EFK_ERR_CPU);
        return finish();
    }
    const long sizes[][2] = {{1, 1}, {1, 9}, {2, 7}, {3, 8}, {7, 7}, {5, 13}, {14, 14}, {9, 15}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (int act = 0; act <= 1; act++) {
            check(2, 32, sizes[i][0], sizes[i][1], 16, act);
            check(2, 48, sizes[i][0], sizes[i][1], 48, act);
            check(1, 16, sizes[i][0], sizes[i][1], 16, act);
            check(2, 40, sizes[i][0], sizes[i][1], 40, act); /* NHWC with an 8-lane last plane */
            check(1, 5, sizes[i][0], sizes[i][1], 5, act);
        }
    check(1, 160, 28, 28, 160, 1);
    /* GELU across its whole range, including beyond the polynomial's [0, 6) and large values. */
    {
        float src[16 * 5], dst[16 * 5], w[16 * 9] = {0}, bias[16] = {0};
        for (int c = 0; c < 16; c++) w[c * 9 + 4] = 1.0f;
        double worst = 0;
        for (float x = -12.0f; x < 12.0f; x += 0.37f * 16 * 5 / 1000.0f * 16) {
            for (int i = 0; i < 80; i++) src[i] = x + (float)i * 0.0061f;
            efk_dwconv3x3_f32(src, dst, w, bias, 1, 16, 1, 5, 16, 1);
            for (int i = 0; i < 80; i++) {
                double want = gelu(src[i]);
                double err = fabs(dst[i] - want) / fmax(1.0, fabs(want));
                if (err > worst) worst = err;
            }
        }
        if (!(worst < 2e-7)) {
            printf("FAIL GELU range: largest error %.3g\n", worst);
            failures++;
        }
        src[0] = NAN;
        efk_dwconv3x3_f32(src, dst, w, bias, 1, 16, 1, 1, 16, 1);
        if (!isnan(dst[0])) {
            printf("FAIL GELU(NaN) = %g\n", dst[0]);
            failures++;
        }
    }
    float x[64] = {0};
    expect_status("NULL src", efk_dwconv3x3_f32(NULL, x, x, x, 1, 16, 1, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("channels 0", efk_dwconv3x3_f32(x, x, x, x, 1, 0, 1, 1, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("24 channels in blocks of 16", efk_dwconv3x3_f32(x, x, x, x, 1, 24, 1, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("block 8", efk_dwconv3x3_f32(x, x, x, x, 1, 32, 1, 1, 8, 0), EFK_ERR_ARGUMENT);
    expect_status("height 0", efk_dwconv3x3_f32(x, x, x, x, 1, 16, 0, 1, 16, 0), EFK_ERR_ARGUMENT);
    expect_status("gelu 2", efk_dwconv3x3_f32(x, x, x, x, 1, 16, 1, 1, 16, 2), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_dwconv3x3_f32(x, x, x, x, 1L << 40, 16, 1L << 20, 1, 16, 0), EFK_ERR_ARGUMENT);
    speed(480, 14, 16);
    speed(192, 28, 16);
    speed(896, 7, 16);
    speed(160, 56, 160);
    speed(360, 14, 360);
    return finish();
}
