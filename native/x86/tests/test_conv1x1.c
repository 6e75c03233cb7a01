/*
 * efk_conv1x1_pack_f32 and efk_conv1x1_f32 against a reference loop in double: with and without
 * GELU, with and without accumulation into the output, output channels in groups of 32 and with a
 * last group of 16, pixel counts below, at and above the kernel's 12-pixel tile and 48-pixel chunk,
 * a batch, 16-channel blocks and NHWC in and out in every combination, channel counts that are not
 * multiples of 16 (NHWC); and their argument errors. Prints a speed line per EfficientFormer V1 L1
 * shape (blocks) and per V2-S1/L shape (NHWC) (informative; nothing is asserted on them).
 */
#include "test_support.h"

#include <string.h>

static double gelu(double x) {
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)));
}

static long packed_floats(long O, long I) {
    return (O + 15) / 16 * 16 * I;
}

/* One case with src and dst in the layouts of channel blocks sb and db (16 or the channel count). */
static void check_layouts(long B, long I, long O, long P, long sb, long db, int act, int accumulate) {
    float *src = malloc((size_t)(B * I * P) * sizeof(float)), *dst = malloc((size_t)(B * O * P) * sizeof(float));
    float *before = malloc((size_t)(B * O * P) * sizeof(float)), *w = malloc((size_t)(O * I) * sizeof(float));
    float *packed = malloc((size_t)packed_floats(O, I) * sizeof(float)), *bias = malloc((size_t)O * sizeof(float));
    unsigned s = (unsigned)(B * 7919 + I * 104729 + O * 31 + P + act * 3 + accumulate + sb * 5 + db * 11);
    for (long i = 0; i < B * I * P; i++) src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < O * I; i++) w[i] = uniform(&s, -0.2f, 0.2f);
    for (long i = 0; i < O; i++) bias[i] = uniform(&s, -0.5f, 0.5f);
    for (long i = 0; i < B * O * P; i++) before[i] = dst[i] = uniform(&s, -1.0f, 1.0f);
    int rc = efk_conv1x1_pack_f32(w, packed, O, I);
    int rc2 = efk_conv1x1_f32(src, dst, packed, bias, B, I, O, P, sb, db, act, accumulate);
    double worst = 0;
    for (long b = 0; b < B; b++)
        for (long o = 0; o < O; o++)
            for (long p = 0; p < P; p++) {
                double acc = bias[o], magnitude = fabs(bias[o]);
                for (long i = 0; i < I; i++) {
                    double t = (double)w[o * I + i] * src[at(b, i, p, 0, I, P, 1, sb)];
                    acc += t;
                    magnitude += fabs(t);
                }
                double want = act ? gelu(acc) : acc;
                size_t at_out = at(b, o, p, 0, O, P, 1, db);
                if (accumulate) want += before[at_out];
                /* fp32 sums of I terms: within a few ulps of the terms' magnitude. */
                double err = fabs(dst[at_out] - want) / (1.0 + magnitude);
                if (err > worst) worst = err;
            }
    if (rc != EFK_OK || rc2 != EFK_OK || !(worst < 2e-6)) {
        printf("FAIL B=%ld %ld->%ld P=%ld blocks %ld/%ld gelu=%d accumulate=%d: status %d/%d, largest error %.3g\n", B, I, O, P, sb, db, act,
               accumulate, rc, rc2, worst);
        failures++;
    }
    free(src); free(dst); free(before); free(w); free(packed); free(bias);
}

/* Every combination of the layouts the channel counts allow. */
static void check(long B, long I, long O, long P, int act, int accumulate) {
    long in_blocks[] = {I, 16}, out_blocks[] = {O, 16};
    for (int a = 0; a < (I % 16 == 0 ? 2 : 1); a++)
        for (int c = 0; c < (O % 16 == 0 ? 2 : 1); c++)
            check_layouts(B, I, O, P, in_blocks[a], out_blocks[c], act, accumulate);
}

typedef struct {
    float *src, *dst, *packed, *bias;
    long I, O, P, block_in, block_out;
    int gelu, accumulate;
} speed_case;

static void run_case(void *arg) {
    speed_case *k = arg;
    efk_conv1x1_f32(k->src, k->dst, k->packed, k->bias, 1, k->I, k->O, k->P, k->block_in, k->block_out, k->gelu, k->accumulate);
}

/* Seconds per call with the weights coming from memory, as in a model's run (its weights, tens to
 * hundreds of MB, do not stay in cache between runs): the best of 3 rounds through copies of the
 * packed weights that together exceed 64 MB (at most 256 copies). */
static double cold_seconds(speed_case *k) {
    size_t bytes = (size_t)packed_floats(k->O, k->I) * sizeof(float);
    long copies = (long)((64u << 20) / bytes) + 1;
    copies = copies < 8 ? 8 : copies > 256 ? 256 : copies;
    float **weights = malloc((size_t)copies * sizeof(float *));
    for (long c = 0; c < copies; c++) {
        weights[c] = aligned_floats(bytes / sizeof(float));
        memcpy(weights[c], k->packed, bytes);
    }
    double best = 1e9;
    for (int round = 0; round < 3; round++) {
        double t0 = seconds();
        for (long c = 0; c < copies; c++) {
            efk_conv1x1_f32(k->src, k->dst, weights[c], k->bias, 1, k->I, k->O, k->P, k->block_in, k->block_out, k->gelu, k->accumulate);
        }
        double t = (seconds() - t0) / copies;
        if (t < best) best = t;
    }
    for (long c = 0; c < copies; c++) free(weights[c]);
    free(weights);
    return best;
}

/* Speed of one shape, weights in cache and from memory; nhwc chooses NHWC in and out, else
 * 16-channel blocks. */
static void speed(long I, long O, long P, int act, int accumulate, int nhwc) {
    speed_case k = {aligned_floats((size_t)(I * P)), aligned_floats((size_t)(O * P)), aligned_floats((size_t)packed_floats(O, I)),
                    aligned_floats((size_t)O), I, O, P, nhwc ? I : 16, nhwc ? O : 16, act, accumulate};
    float *w = malloc((size_t)(I * O) * sizeof(float));
    unsigned s = 1;
    for (long i = 0; i < I * P; i++) k.src[i] = uniform(&s, -2.0f, 2.0f);
    for (long i = 0; i < I * O; i++) w[i] = uniform(&s, -0.1f, 0.1f);
    for (long i = 0; i < O * P; i++) k.dst[i] = 0;
    for (long i = 0; i < O; i++) k.bias[i] = 0;
    efk_conv1x1_pack_f32(w, k.packed, O, I);
    double t = best_seconds(run_case, &k), cold = cold_seconds(&k);
    printf("speed: %4ld -> %4ld channels, %4ld pixels, %s%s: %7.1f us, %5.1f GFLOPS; weights from memory %7.1f us, %5.1f GFLOPS\n", I, O,
           P, nhwc ? "NHWC  " : "blocks", act ? " + GELU" : accumulate ? " + sum " : "       ", t * 1e6, 2.0 * I * O * P / t * 1e-9,
           cold * 1e6, 2.0 * I * O * P / cold * 1e-9);
    free(k.src); free(k.dst); free(k.packed); free(k.bias); free(w);
}

int main(void) {
    if (!efk_cpu_supported()) {
        float x[256] = {0};
        expect_status("no AVX-512", efk_conv1x1_f32(x, x, x, x, 1, 16, 16, 1, 16, 16, 0, 0), EFK_ERR_CPU);
        expect_status("packing runs anywhere", efk_conv1x1_pack_f32(x, x + 128, 8, 8), EFK_OK);
        printf("skipped: no AVX-512F here (the refusal was checked)\n");
        return finish();
    }
    const long pixels[] = {1, 5, 12, 13, 47, 48, 49, 61, 196};
    for (size_t i = 0; i < sizeof pixels / sizeof pixels[0]; i++)
        for (int act = 0; act <= 1; act++)
            for (int accumulate = 0; accumulate <= 1; accumulate++) {
                check(1, 32, 64, pixels[i], act, accumulate);
                check(2, 48, 48, pixels[i], act, accumulate); /* a last group of 16 */
                check(1, 40, 120, pixels[i], act, accumulate); /* NHWC: a last vector of 8 lanes, a rest of 8 inputs */
            }
    check(1, 16, 16, 7, 1, 0);
    check(2, 224, 96, 49, 1, 1);
    check(1, 448, 1792, 49, 0, 1);
    check(2, 3, 5, 13, 1, 1);     /* fewer than 16 channels in and out */
    check(1, 120, 40, 196, 0, 1);  /* a last group of 16 with 8 lanes */
    check(1, 17, 33, 25, 1, 0);    /* one lane past a block, in and out */
    check(1, 160, 20, 61, 0, 1);   /* blocks in, NHWC out of a group of 32 with 4 lanes in its last vector */
    float x[512] = {0};
    expect_status("24 input channels on blocks", efk_conv1x1_f32(x, x + 256, x, x, 1, 24, 16, 1, 16, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("40 output channels on blocks", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 40, 1, 16, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("a block of 8", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 16, 1, 8, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("NULL bias", efk_conv1x1_f32(x, x + 256, x, NULL, 1, 16, 16, 1, 16, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("pixels 0", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 16, 0, 16, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("accumulate 2", efk_conv1x1_f32(x, x + 256, x, x, 1, 16, 16, 1, 16, 16, 0, 2), EFK_ERR_ARGUMENT);
    expect_status("overflowing sizes", efk_conv1x1_f32(x, x + 256, x, x, 1L << 40, 16, 16, 1L << 30, 16, 16, 0, 0), EFK_ERR_ARGUMENT);
    expect_status("packing 0 channels", efk_conv1x1_pack_f32(x, x + 256, 0, 16), EFK_ERR_ARGUMENT);
    expect_status("packing overflowing sizes", efk_conv1x1_pack_f32(x, x + 256, 1L << 40, 1L << 30), EFK_ERR_ARGUMENT);
    speed(48, 192, 3136, 1, 0, 0);
    speed(192, 48, 3136, 0, 1, 0);
    speed(96, 384, 784, 1, 0, 0);
    speed(384, 96, 784, 0, 1, 0);
    speed(224, 896, 196, 1, 0, 0);
    speed(896, 224, 196, 0, 1, 0);
    speed(448, 1792, 49, 1, 0, 0);
    speed(1792, 448, 49, 0, 1, 0);
    speed(40, 160, 3136, 1, 0, 1);
    speed(160, 40, 3136, 0, 1, 1);
    speed(120, 480, 196, 1, 0, 1);
    speed(480, 120, 196, 0, 1, 1);
    speed(1024, 120, 196, 0, 1, 1);
    speed(224, 896, 49, 1, 0, 1);
    speed(896, 224, 49, 0, 1, 1);
    speed(1024, 192, 196, 0, 1, 1);
    speed(384, 1536, 49, 1, 0, 1);
    return finish();
}
