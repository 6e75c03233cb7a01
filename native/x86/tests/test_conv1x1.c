/*
 * efk_conv1x1_pack_f32 and efk_conv1x1_f32 against a reference loop in double: with and without
 * GELU, with and without accumulation into the output, output channels in groups of 32 and with a
 * last group of 16, pixel counts below, at and above the kernel's 12-pixel tile and 48-pixel chunk,
 * a batch; and their argument errors. Prints a speed line per EfficientFormer V1 L1 shape
 * (informative; nothing is asserted on it).
 */
#include "test_support.h"

static double gelu(double x) {
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)));
}

/* Channel c of pixel p of image b in [B][C/16][P][16]. */
static size_t blocked(long b, long c, long p, long C, long P) {
    return (size_t)(((b * (C / 16) + c / 16) * P + p) * 16 + c % 16);
}

static void check(long B, long I, long O, long P, int act, int accumulate) {
    float *src = malloc((size_t)(B * I * P) * sizeof(float)), *dst = malloc((size_t)(B * O * P) * sizeof(float));
    float *before = malloc((size_t)(B * O * P) * sizeof(float)), *w = malloc((size_t)(O * I) * sizeof(float));
    float *packed = malloc((size_t)(O * I) * sizeof(float)), *bias = malloc((size_t)O * sizeof(float));
    unsigned s = (unsigned)(B * 7919 + I * 104729 + O * 31 + P + act * 3 + accumulate);
    for (long i = 0; i < B * I * P; i++) src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < O * I; i++) w[i] = uniform(&s, -0.2f, 0.2f);
    for (long i = 0; i < O; i++) bias[i] = uniform(&s, -0.5f, 0.5f);
    for (long i = 0; i < B * O * P; i++) before[i] = dst[i] = uniform(&s, -1.0f, 1.0f);
    int rc = efk_conv1x1_pack_f32(w, packed, O, I);
    int rc2 = efk_conv1x1_f32(src, dst, packed, bias, B, I, O, P, act, accumulate);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long o = 0; o < O; o++)
            for (long p = 0; p < P; p++) {
                double acc = bias[o], magnitude = fabs(bias[o]);
                for (long i = 0; i < I; i++) {
                    double t = (double)w[o * I + i] * src[blocked(b, i, p, I, P)];
                    acc += t;
                    magnitude += fabs(t);
                }
                double want = act ? gelu(acc) : acc;
                size_t at_out = blocked(b, o, p, O, P);
                if (accumulate) want += before[at_out];
                /* fp32 sums of I terms: within a few ulps of the terms' magnitude. */
                double err = fabs(dst[at_out] - want) / (1.0 + magnitude);
                if (err > worst) worst = err;
            }
    if (rc != EFK_OK || rc2 != EFK_OK || !(worst < 2e-6)) {
        printf("FAIL B=%ld %ld->%ld P=%ld gelu=%d accumulate=%d: status %d/%d, largest error %.3g\n", B, I, O, P, act, accumulate, rc, rc2,
               worst);
        failures++;
    }
    free(src); free(dst); free(before); free(w); free(packed); free(bias);
}

typedef struct {
    float *src, *dst, *packed, *bias;
    long I, O, P;
    int gelu, accumulate;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_conv1x1_f32(k->src, k->dst, k->packed, k->bias, 1, k->I, k->O, k->P, k->gelu, k->accumulate);
}

static void speed(long I, long O, long P, int act, int accumulate) {
    speed_case k = {aligned_floats((size_t)(I * P)), aligned_floats((size_t)(O * P)), aligned_floats((size_t)(I * O)),
                    aligned_floats((size_t)O), I, O, P, act, accumulate};
    float *w = malloc((size_t)(I * O) * sizeof(float));
    unsigned s = 1;
    for (long i = 0; i < I * P; i++) k.src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < I * O; i++) w[i] = uniform(&s, -0.1f, 0.1f);
    for (long i = 0; i < O * P; i++) k.dst[i] = 0;
    for (long i = 0; i < O; i++) k.bias[i] = 0;
    efk_conv1x1_pack_f32(w, k.packed, O, I);
    double t = best_seconds(run_case, &k);
    printf("speed: %4ld -> %4ld channels, %4ld pixels%s: %7.1f us, %5.1f GFLOPS\n", I, O, P,
           act ? " + GELU" : accumulate ? " + sum " : "       ", t * 1e6, 2.0 * I * O * P / t * 1e-9);
    free(k.src); free(k.dst); free(k.packed); free(k.bias); free(w);
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[256] = {0};
        expect_status("no AVX-512", efk_conv1x1_f32(x, x, x, x, 1, 16, 16, 1, 0, 0), EFK_ERR_CPU);
        expect_status("packing runs anywhere", efk_conv1x1_pack_f32(x, x + 256, 16, 16), EFK_OK);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return finish();
    }
    const long pixels[] = {1, 5, 12, 13, 47, 48, 49, 61, 196};
    for (size_t i = 0; i < sizeof pixels / sizeof pixels[0]; i++)
        for (int act = 0; act <= 1; act++)
            for (int accumulate = 0; accumulate <= 1; accumulate++) {
                check(1, 32, 64, pixels[i], act, accumulate);
                check(2, 48, 48, pixels[i], act, accumulate); /* a last group of 16 */
            }
    check(1, 16, 16, 7, 1, 0);
    check(2, 224, 96, 49, 1, 1);
    check(1, 448, 1792, 49, 0, 1);
    float x[512] = {0};
    expect_status("24 input channels", efk_conv1x1_f32(x, x + 256, x, x, 1, 24, 16, 1, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("40 output channels", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 40, 1, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("NULL bias", efk_conv1x1_f32(x, x + 256, x, NULL, 1, 16, 16, 1, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("pixels 0", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 16, 0, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("accumulate 2", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 16, 1, 0, 2), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_conv1x1_f32(x, x + 256, x, x, 1L << 40, 16, 16, 1L << 30, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("packing 8 channels", efk_conv1x1_pack_f32(x, x + 256, 8, 16), EFK_ERR_ARGUMENT);
    speed(48, 192, 3136, 1, 0);
    speed(192, 48, 3136, 0, 1);
    speed(96, 384, 784, 1, 0);
    speed(384, 96, 784, 0, 1);
    speed(224, 896, 196, 1, 0);
    speed(896, 224, 196, 0, 1);
    speed(448, 1792, 49, 1, 0);
    speed(1792, 448, 49, 0, 1);
    return finish();
}
