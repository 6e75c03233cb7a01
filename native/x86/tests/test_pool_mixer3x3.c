/*
 * efk_pool_mixer3x3_f32 against x + s * (mean of the valid 3x3 neighbours - x) in double: both
 * layouts, maps from 1x1 up (widths below, at and above the kernel's eight-output row block),
 * channel counts with a partial last plane, a batch; and its argument errors. Prints a speed line
 * per EfficientFormer V1 stage (informative; nothing is asserted on it).
 */
#include "test_support.h"

static void check(long B, long C, long H, long W, long block) {
    size_t n = (size_t)(B * C * H * W);
    float *src = malloc(n * sizeof(float)), *dst = malloc(n * sizeof(float)), *scale = malloc((size_t)C * sizeof(float));
    unsigned s = (unsigned)(B * 7919 + C * 104729 + H * 31 + W + block);
    for (size_t i = 0; i < n; i++) src[i] = uniform(&s, -3.0f, 3.0f);
    for (long c = 0; c < C; c++) scale[c] = uniform(&s, -1.0f, 1.0f);
    int rc = efk_pool_mixer3x3_f32(src, dst, scale, B, C, H, W, block);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long c = 0; c < C; c++)
            for (long y = 0; y < H; y++)
                for (long x = 0; x < W; x++) {
                    double sum = 0;
                    int count = 0;
                    for (long yy = y - 1; yy <= y + 1; yy++)
                        for (long xx = x - 1; xx <= x + 1; xx++)
                            if (yy >= 0 && yy < H && xx >= 0 && xx < W) {
                                sum += src[at(b, c, yy, xx, C, H, W, block)];
                                count++;
                            }
                    double centre = src[at(b, c, y, x, C, H, W, block)];
                    double want = centre + scale[c] * (sum / count - centre);
                    double err = fabs(dst[at(b, c, y, x, C, H, W, block)] - want) / fmax(1.0, fabs(want));
                    if (err > worst) worst = err;
                }
    if (rc != EFK_OK || !(worst < 1e-6)) {
        printf("FAIL B=%ld C=%ld %ldx%ld block=%ld: status %d, largest error %.3g\n", B, C, H, W, block, rc, worst);
        failures++;
    }
    free(src); free(dst); free(scale);
}

typedef struct {
    float *src, *dst, *scale;
    long C, H;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_pool_mixer3x3_f32(k->src, k->dst, k->scale, 1, k->C, k->H, k->H, 16);
}

static void speed(long C, long H) {
    size_t n = (size_t)(C * H * H);
    speed_case k = {aligned_floats(n), aligned_floats(n), aligned_floats((size_t)C), C, H};
    unsigned s = 1;
    for (size_t i = 0; i < n; i++) k.src[i] = uniform(&s, -3.0f, 3.0f);
    for (long c = 0; c < C; c++) k.scale[c] = uniform(&s, -1.0f, 1.0f);
    double t = best_seconds(run_case, &k);
    printf("speed: %4ld channels %3ldx%-3ld nChw16c: %7.1f us, %.3f ns per output value\n", C, H, H, t * 1e6, t * 1e9 / (double)n);
    free(k.src); free(k.dst); free(k.scale);
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[16] = {0};
        expect_status("no AVX-512", efk_pool_mixer3x3_f32(x, x, x, 1, 16, 1, 1, 16), EFK_ERR_CPU);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return finish();
    }
    const long sizes[][2] = {{1, 1}, {1, 9}, {2, 7}, {3, 8}, {7, 7}, {5, 17}, {14, 14}, {9, 16}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        check(2, 32, sizes[i][0], sizes[i][1], 16);
        check(1, 16, sizes[i][0], sizes[i][1], 16);
        check(2, 48, sizes[i][0], sizes[i][1], 48);
        check(2, 40, sizes[i][0], sizes[i][1], 40); /* NHWC with an 8-lane last plane */
        check(1, 5, sizes[i][0], sizes[i][1], 5);
    }
    check(1, 48, 56, 56, 16);
    float x[64] = {0};
    expect_status("NULL scale", efk_pool_mixer3x3_f32(x, x, NULL, 1, 16, 1, 1, 16), EFK_ERR_ARGUMENT);
    expect_status("channels 0", efk_pool_mixer3x3_f32(x, x, x, 1, 0, 1, 1, 0), EFK_ERR_ARGUMENT);
    expect_status("24 channels in blocks of 16", efk_pool_mixer3x3_f32(x, x, x, 1, 24, 1, 1, 16), EFK_ERR_ARGUMENT);
    expect_status("batch 0", efk_pool_mixer3x3_f32(x, x, x, 0, 16, 1, 1, 16), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_pool_mixer3x3_f32(x, x, x, 1L << 40, 16, 1L << 20, 1, 16), EFK_ERR_ARGUMENT);
    speed(48, 56);
    speed(96, 28);
    speed(224, 14);
    speed(448, 7);
    return finish();
}
