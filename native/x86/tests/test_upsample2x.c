/*
 * efk_upsample2x_f32 against PyTorch's formula for bilinear, align_corners=False (source
 * coordinate (o + 0.5) / 2 - 0.5, clamped at 0; the upper neighbour clamped at the edge), in
 * double: with and without GELU, 1x1 maps up, channel counts with a partial last vector, a batch;
 * and its argument errors. Prints a speed line for V2's 1024-channel 7x7 map (informative).
 */
#define _ISOC11_SOURCE
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "efficientformer_kernels.h"

static int failures = 0;

static double source(long o, long n, long *i0, long *i1) {
    double s = (o + 0.5) / 2 - 0.5;
    if (s < 0) s = 0;
    *i0 = (long)s;
    *i1 = *i0 + (*i0 < n - 1 ? 1 : 0);
    return s - *i0;
}

static void check(long B, long C, long H, long W, int gelu) {
    size_t n = (size_t)(B * C * H * W);
    float *src = malloc(n * sizeof(float)), *dst = malloc(4 * n * sizeof(float));
    unsigned s = (unsigned)(B * 31 + C * 7 + H * 3 + W + gelu);
    for (size_t i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        src[i] = -3.0f + 6.0f * (float)(s >> 8) / (float)(1u << 24);
    }
    int rc = efk_upsample2x_f32(src, dst, B, C, H, W, gelu);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long oy = 0; oy < 2 * H; oy++)
            for (long ox = 0; ox < 2 * W; ox++)
                for (long c = 0; c < C; c++) {
                    long y0, y1, x0, x1;
                    double ly = source(oy, H, &y0, &y1), lx = source(ox, W, &x0, &x1);
#define AT(y, x) (double)src[((b * H + (y)) * W + (x)) * C + c]
                    double v = (1 - ly) * ((1 - lx) * AT(y0, x0) + lx * AT(y0, x1)) + ly * ((1 - lx) * AT(y1, x0) + lx * AT(y1, x1));
                    if (gelu) v = 0.5 * v * (1 + erf(v / sqrt(2.0)));
                    double got = dst[((b * 2 * H + oy) * 2 * W + ox) * C + c];
                    double err = fabs(got - v) / fmax(1.0, fabs(v));
                    if (err > worst) worst = err;
                }
    if (rc != EFK_OK || !(worst < 1e-6)) {
        printf("FAIL B=%ld C=%ld %ldx%ld gelu=%d: status %d, largest error %.3g\n", B, C, H, W, gelu, rc, worst);
        failures++;
    }
    free(src);
    free(dst);
}

static void expect_status(const char *what, int got, int want) {
    if (got != want) {
        printf("FAIL %s: status %d, expected %d\n", what, got, want);
        failures++;
    }
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[16] = {0};
        expect_status("no AVX-512", efk_upsample2x_f32(x, x, 1, 1, 1, 1, 0), EFK_ERR_CPU);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return failures ? 1 : 0;
    }
    for (int gelu = 0; gelu <= 1; gelu++) {
        check(1, 16, 1, 1, gelu);
        check(2, 32, 7, 7, gelu);
        check(1, 40, 3, 5, gelu);
        check(1, 5, 4, 2, gelu);
        check(2, 1024, 7, 7, gelu);
    }
    float x[64] = {0};
    expect_status("NULL dst", efk_upsample2x_f32(x, NULL, 1, 1, 1, 1, 0), EFK_ERR_ARGUMENT);
    expect_status("width 0", efk_upsample2x_f32(x, x, 1, 1, 1, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("gelu 3", efk_upsample2x_f32(x, x, 1, 1, 1, 1, 3), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_upsample2x_f32(x, x, 1L << 42, 1L << 20, 1, 1, 0), EFK_ERR_ARGUMENT);
    {
        long C = 1024, H = 7;
        size_t n = (size_t)(C * H * H);
        float *src = aligned_alloc(64, n * 4), *dst = aligned_alloc(64, 4 * n * 4);
        for (size_t i = 0; i < n; i++) src[i] = (float)(i % 13) * 0.1f - 0.6f;
        double best = 1e9;
        for (int round = 0; round < 15; round++) {
            struct timespec t0, t1;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            for (int i = 0; i < 20; i++) efk_upsample2x_f32(src, dst, 1, C, H, H, 1);
            clock_gettime(CLOCK_MONOTONIC, &t1);
            double t = ((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9) / 20;
            if (t < best) best = t;
        }
        printf("speed: 1024 channels 7x7 -> 14x14 NHWC + GELU: %.1f us, %.3f ns per output value\n", best * 1e6, best * 1e9 / (4.0 * n));
        free(src);
        free(dst);
    }
    printf(failures ? "%d FAILED\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}
