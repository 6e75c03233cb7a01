/*
 * efk_upsample2x_f32 against PyTorch's formula for bilinear, align_corners=False (source
 * coordinate (o + 0.5) / 2 - 0.5, clamped at 0; the upper neighbour clamped at the edge), in
 * double: with and without GELU, 1x1 maps up, channel counts with a partial last vector, a batch;
 * the GELU alone (a 1x1 map's copies) on a dense grid of [-12, 12] and at NaN and the infinities;
 * and its argument errors. Prints a speed line for V2's 1024-channel 7x7 map (informative).
 */
#include "test_support.h"

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
    for (size_t i = 0; i < n; i++) src[i] = uniform(&s, -3.0f, 3.0f);
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

/* The GELU every kernel shares (gelu_avx512.h), seen through a 1x1 map, whose four outputs are
 * copies of its pixel: within 2e-7 of the exact value relative to max(1, |GELU(x)|) on every
 * 1/1024 of [-12, 12]; NaN for NaN and -inf (as 0.5 x (1 + erf(x / sqrt 2)) gives), inf for inf. */
static void check_gelu(void) {
    long n = 24 * 1024 + 1;
    float *src = malloc((size_t)(n + 3) * sizeof(float)), *dst = malloc((size_t)(4 * (n + 3)) * sizeof(float));
    for (long i = 0; i < n; i++) src[i] = -12.0f + (float)i / 1024.0f;
    src[n] = NAN;
    src[n + 1] = INFINITY;
    src[n + 2] = -INFINITY;
    int rc = efk_upsample2x_f32(src, dst, 1, n + 3, 1, 1, 1);
    double worst = 0, at = 0;
    for (long i = 0; i < n; i++) {
        double x = src[i], want = 0.5 * x * (1 + erf(x / sqrt(2.0)));
        double err = fabs(dst[i] - want) / fmax(1.0, fabs(want));
        if (err > worst) {
            worst = err;
            at = x;
        }
    }
    if (rc != EFK_OK || !(worst <= 2e-7) || !isnan(dst[n]) || !(isinf(dst[n + 1]) && dst[n + 1] > 0) || !isnan(dst[n + 2])) {
        printf("FAIL GELU: status %d, largest error %.3g at %g; NaN -> %g, inf -> %g, -inf -> %g\n", rc, worst, at, dst[n], dst[n + 1],
               dst[n + 2]);
        failures++;
    }
    free(src);
    free(dst);
}

typedef struct {
    float *src, *dst;
    long C, H;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_upsample2x_f32(k->src, k->dst, 1, k->C, k->H, k->H, 1);
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[16] = {0};
        expect_status("no AVX-512", efk_upsample2x_f32(x, x, 1, 1, 1, 1, 0), EFK_ERR_CPU);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return finish();
    }
    check_gelu();
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
        speed_case k = {aligned_floats(n), aligned_floats(4 * n), C, H};
        for (size_t i = 0; i < n; i++) k.src[i] = (float)(i % 13) * 0.1f - 0.6f;
        double best = best_seconds(run_case, &k);
        printf("speed: 1024 channels 7x7 -> 14x14 NHWC + GELU: %.1f us, %.3f ns per output value\n", best * 1e6, best * 1e9 / (4.0 * n));
        free(k.src);
        free(k.dst);
    }
    return finish();
}
