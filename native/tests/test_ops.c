/*
 * Tests of libefficientformer_acl: every operator against a straightforward reference loop written
 * here, plus the error paths (bad arguments -> status + message) and thread behaviour.
 *
 * Tolerances (|got - ref| <= atol + rtol * |ref|), inputs mostly uniform in [-1, 1]:
 *   conv2d, linear, matmul (sums of up to ~450 products): atol 1e-4, rtol 1e-4
 *   avgpool, softmax, eltwise (a few roundings):          atol 1e-6, rtol 1e-5
 *   layernorm (ACL: var = E[x^2] - E[x]^2, see README):   atol 1e-4, rtol 1e-4
 *   ReLU / identity: exact; GELU (ACL's erf):            atol 1e-5, rtol 1e-5
 *
 * Usage: efacl_tests [substring]  - runs the cases whose name contains substring (all by default).
 * Prints one line per case and, last, "N passed, M failed"; exits 1 if any failed.
 */
#include "efficientformer_acl.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------ tiny framework */

static int g_passed, g_failed;
static int g_case_failures;      /* failures in the running case */
static const char *g_filter;

static void fail_at(const char *file, int line, const char *fmt, ...) {
    va_list ap;
    fprintf(stdout, "    FAILED at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    g_case_failures++;
}

#define CHECK(cond, ...)                                                                                \
    do {                                                                                                \
        if (!(cond)) fail_at(__FILE__, __LINE__, __VA_ARGS__);                                          \
    } while (0)

/* A call that must succeed. */
#define OK(call)                                                                                        \
    do {                                                                                                \
        int st_ = (call);                                                                               \
        if (st_ != EFACL_OK)                                                                            \
            fail_at(__FILE__, __LINE__, "%s returned %s: %s", #call, efacl_status_name(st_),            \
                    efacl_last_error());                                                                \
    } while (0)

/* A call that must fail with status `want` and a last-error message containing `text`. */
#define FAILS(want, text, call)                                                                         \
    do {                                                                                                \
        int st_ = (call);                                                                               \
        if (st_ != (want))                                                                              \
            fail_at(__FILE__, __LINE__, "%s returned %s, expected %s (%s)", #call, efacl_status_name(st_), \
                    efacl_status_name(want), efacl_last_error());                                       \
        else if (strstr(efacl_last_error(), (text)) == NULL)                                            \
            fail_at(__FILE__, __LINE__, "%s: message \"%s\" lacks \"%s\"", #call, efacl_last_error(), (text)); \
    } while (0)

static void run_case(const char *name, void (*fn)(void)) {
    if (g_filter != NULL && strstr(name, g_filter) == NULL) return;
    g_case_failures = 0;
    fn();
    if (g_case_failures == 0) {
        g_passed++;
        printf("ok    %s\n", name);
    } else {
        g_failed++;
        printf("FAIL  %s (%d check(s) failed)\n", name, g_case_failures);
    }
    fflush(stdout);
}

/* ------------------------------------------------------------------------------ helpers */

static uint32_t g_rng = 12345u;
static float rnd(void) { /* uniform in [-1, 1) */
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 17;
    g_rng ^= g_rng << 5;
    return (float)((g_rng >> 8) * (1.0 / 8388608.0) - 1.0);
}
static float *randoms(size_t n, float scale, float offset) {
    float *p = malloc(n * sizeof(float));
    if (p == NULL) { fprintf(stderr, "out of memory\n"); exit(2); }
    for (size_t i = 0; i < n; ++i) p[i] = offset + scale * rnd();
    return p;
}
static float *zeros(size_t n) {
    float *p = calloc(n ? n : 1, sizeof(float));
    if (p == NULL) { fprintf(stderr, "out of memory\n"); exit(2); }
    return p;
}
static float *filled(size_t n, float v) {
    float *p = zeros(n);
    for (size_t i = 0; i < n; ++i) p[i] = v;
    return p;
}

/* Compares got with ref; reports the worst element and returns the max abs error. */
static double compare_at(const char *file, int line, const char *what, const float *got, const float *ref,
                         size_t n, double atol, double rtol) {
    double max_err = 0;
    size_t worst = 0, bad = 0;
    for (size_t i = 0; i < n; ++i) {
        double e = fabs((double)got[i] - (double)ref[i]);
        if (!(e <= atol + rtol * fabs((double)ref[i]))) { /* also catches NaN */
            if (bad == 0 || e > max_err || isnan(e)) worst = i;
            bad++;
        }
        if (e > max_err || isnan(e)) max_err = isnan(e) ? INFINITY : e;
    }
    if (bad) {
        fail_at(file, line, "%s: %zu of %zu elements off (worst [%zu]: got %.9g, want %.9g)", what, bad, n, worst,
                got[worst], ref[worst]);
    }
    return max_err;
}
#define COMPARE(what, got, ref, n, atol, rtol) compare_at(__FILE__, __LINE__, what, got, ref, n, atol, rtol)

static float gelu_ref(float x) { return (float)(0.5 * x * (1.0 + erf(x / sqrt(2.0)))); }
static float act_ref(int act, float x) {
    if (act == EFACL_ACT_RELU) return x > 0 ? x : 0;
    if (act == EFACL_ACT_GELU) return gelu_ref(x);
    return x;
}

/* ------------------------------------------------------------------------------ library */

static void test_library(void) {
    const char *v = efacl_version();
    CHECK(v != NULL && strstr(v, "efficientformer_acl") != NULL && strstr(v, "Arm Compute Library v") != NULL,
          "efacl_version() = \"%s\"", v ? v : "(null)");
    printf("    %s\n", v);
    CHECK(efacl_abi_version() == EFACL_ABI_VERSION, "abi %d", efacl_abi_version());
    CHECK(strcmp(efacl_status_name(EFACL_OK), "EFACL_OK") == 0, "status name");
    CHECK(strcmp(efacl_status_name(EFACL_ERR_UNSUPPORTED), "EFACL_ERR_UNSUPPORTED") == 0, "status name");
    CHECK(strcmp(efacl_status_name(42), "EFACL_ERR_UNKNOWN_STATUS") == 0, "status name");
    const char *ci = efacl_cpu_info();
    CHECK(ci != NULL && strstr(ci, "cpus=") != NULL, "cpu info \"%s\"", ci ? ci : "(null)");
    printf("    %s\n", ci);
    OK(efacl_set_num_threads(1));
    CHECK(efacl_get_num_threads() == 1, "threads after set 1: %d", efacl_get_num_threads());
    OK(efacl_set_num_threads(0));
    CHECK(efacl_get_num_threads() >= 1, "threads after set 0: %d", efacl_get_num_threads());
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "threads must not be negative", efacl_set_num_threads(-1));
}

/* ------------------------------------------------------------------------------ conv2d */

/* NHWC src, OIHW weights, NHWC dst. */
static void conv_ref(const float *src, const float *w_oihw, const float *bias, float *dst, int n, int h, int w,
                     int ci, int co, int kh, int kw, int sh, int sw, int pt, int pl, int oh, int ow, int act) {
    for (int b = 0; b < n; ++b)
        for (int y = 0; y < oh; ++y)
            for (int x = 0; x < ow; ++x)
                for (int o = 0; o < co; ++o) {
                    double s = bias ? bias[o] : 0.0;
                    for (int i = 0; i < ci; ++i)
                        for (int dy = 0; dy < kh; ++dy)
                            for (int dx = 0; dx < kw; ++dx) {
                                int iy = y * sh - pt + dy, ix = x * sw - pl + dx;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                s += (double)src[((b * h + iy) * w + ix) * ci + i] *
                                     w_oihw[((o * ci + i) * kh + dy) * kw + dx];
                            }
                    dst[((b * oh + y) * ow + x) * co + o] = act_ref(act, (float)s);
                }
}

static void conv_case(int n, int h, int w, int ci, int co, int kh, int kw, int sh, int sw, int pt, int pl, int pb,
                      int pr, int with_bias, int act, int layout) {
    int oh = (h + pt + pb - kh) / sh + 1, ow = (w + pl + pr - kw) / sw + 1;
    size_t ns = (size_t)n * h * w * ci, nd = (size_t)n * oh * ow * co, nw = (size_t)co * ci * kh * kw;
    float *src = randoms(ns, 1, 0), *wt = randoms(nw, 0.5f, 0), *bias = with_bias ? randoms(co, 1, 0) : NULL;
    float *given = wt;
    if (layout == EFACL_WEIGHTS_OHWI) { /* hand the shim OHWI, the reference keeps OIHW */
        given = zeros(nw);
        for (int o = 0; o < co; ++o)
            for (int i = 0; i < ci; ++i)
                for (int y = 0; y < kh; ++y)
                    for (int x = 0; x < kw; ++x)
                        given[((o * kh + y) * kw + x) * ci + i] = wt[((o * ci + i) * kh + y) * kw + x];
    }
    float *dst = filled(nd, NAN), *ref = zeros(nd);
    efacl_conv2d *op = NULL;
    OK(efacl_conv2d_create(&op, n, h, w, ci, co, kh, kw, sh, sw, pt, pl, pb, pr, given, nw, layout, bias,
                           with_bias ? (size_t)co : 0, act));
    if (op != NULL) {
        int dims[4] = {0};
        OK(efacl_conv2d_dst_dims(op, dims));
        CHECK(dims[0] == n && dims[1] == oh && dims[2] == ow && dims[3] == co, "dst dims %dx%dx%dx%d", dims[0],
              dims[1], dims[2], dims[3]);
        conv_ref(src, wt, bias, ref, n, h, w, ci, co, kh, kw, sh, sw, pt, pl, oh, ow, act);
        OK(efacl_conv2d_run(op, src, dst));
        double e = COMPARE("conv2d", dst, ref, nd, 1e-4, 1e-4);
        /* Run again on other buffers: the handle is reusable and imports fresh pointers. */
        float *src2 = randoms(ns, 1, 0), *dst2 = filled(nd, NAN);
        conv_ref(src2, wt, bias, ref, n, h, w, ci, co, kh, kw, sh, sw, pt, pl, oh, ow, act);
        OK(efacl_conv2d_run(op, src2, dst2));
        COMPARE("conv2d second run", dst2, ref, nd, 1e-4, 1e-4);
        printf("    %dx%dx%dx%d -> %dx%dx%dx%d k%dx%d s%dx%d max err %.2g\n", n, h, w, ci, n, oh, ow, co, kh, kw, sh,
               sw, e);
        free(src2);
        free(dst2);
    }
    efacl_conv2d_destroy(op);
    if (given != wt) free(given);
    free(src); free(wt); free(bias); free(dst); free(ref);
}

static void test_conv_stem(void) { /* 3x3 s2 p1, bias, ReLU (the stem) */
    conv_case(2, 9, 9, 3, 8, 3, 3, 2, 2, 1, 1, 1, 1, 1, EFACL_ACT_RELU, EFACL_WEIGHTS_OIHW);
}
static void test_conv_pointwise(void) { /* 1x1, GELU (the Meta4D MLP), OHWI weights */
    conv_case(1, 5, 5, 16, 24, 1, 1, 1, 1, 0, 0, 0, 0, 1, EFACL_ACT_GELU, EFACL_WEIGHTS_OHWI);
}
static void test_conv_asymmetric(void) { /* 3x2 kernel, strides 2x1, asymmetric pads, no bias */
    conv_case(1, 7, 6, 5, 4, 3, 2, 2, 1, 1, 0, 0, 1, 0, EFACL_ACT_NONE, EFACL_WEIGHTS_OIHW);
}
static void test_conv_downsample(void) { /* 3x3 s2 p1 between stages, K = 216 */
    conv_case(1, 8, 8, 24, 40, 3, 3, 2, 2, 1, 1, 1, 1, 1, EFACL_ACT_NONE, EFACL_WEIGHTS_OIHW);
}

/* ------------------------------------------------------------------------------ dwconv2d */

/* NHWC src, [c][kh][kw] weights, NHWC dst. */
static void dwconv_case(int n, int h, int w, int c, int k, int s, int p, int with_bias, int act) {
    int oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
    size_t ns = (size_t)n * h * w * c, nd = (size_t)n * oh * ow * c, nw = (size_t)c * k * k;
    float *src = randoms(ns, 1, 0), *wt = randoms(nw, 0.5f, 0), *bias = with_bias ? randoms(c, 1, 0) : NULL;
    float *dst = filled(nd, NAN), *ref = zeros(nd);
    for (int b = 0; b < n; ++b)
        for (int y = 0; y < oh; ++y)
            for (int x = 0; x < ow; ++x)
                for (int ch = 0; ch < c; ++ch) {
                    double acc = bias ? bias[ch] : 0.0;
                    for (int dy = 0; dy < k; ++dy)
                        for (int dx = 0; dx < k; ++dx) {
                            int iy = y * s - p + dy, ix = x * s - p + dx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            acc += (double)src[((b * h + iy) * w + ix) * c + ch] * wt[(ch * k + dy) * k + dx];
                        }
                    ref[((b * oh + y) * ow + x) * c + ch] = act_ref(act, (float)acc);
                }
    efacl_dwconv2d *op = NULL;
    OK(efacl_dwconv2d_create(&op, n, h, w, c, k, k, s, s, p, p, p, p, wt, nw, bias, with_bias ? (size_t)c : 0, act));
    if (op != NULL) {
        int dims[4] = {0};
        OK(efacl_dwconv2d_dst_dims(op, dims));
        CHECK(dims[0] == n && dims[1] == oh && dims[2] == ow && dims[3] == c, "dst dims %dx%dx%dx%d", dims[0], dims[1],
              dims[2], dims[3]);
        OK(efacl_dwconv2d_run(op, src, dst));
        double e = COMPARE("dwconv2d", dst, ref, nd, 1e-5, 1e-5);
        printf("    %dx%dx%dx%d k%d s%d p%d max err %.2g\n", n, h, w, c, k, s, p, e);
    }
    efacl_dwconv2d_destroy(op);
    free(src); free(wt); free(bias); free(dst); free(ref);
}

static void test_dwconv_mlp(void) { dwconv_case(2, 7, 9, 24, 3, 1, 1, 1, EFACL_ACT_GELU); } /* V2 MLP mid */
static void test_dwconv_strided(void) { dwconv_case(1, 14, 13, 5, 3, 2, 1, 1, EFACL_ACT_NONE); } /* V2 stride conv */

/* ------------------------------------------------------------------------------ avgpool */

static void pool_ref(const float *src, float *dst, int n, int h, int w, int c, int kh, int kw, int sh, int sw,
                     int pt, int pl, int pb, int pr, int oh, int ow, int include_pad) {
    for (int b = 0; b < n; ++b)
        for (int y = 0; y < oh; ++y)
            for (int x = 0; x < ow; ++x)
                for (int ch = 0; ch < c; ++ch) {
                    double s = 0;
                    int cnt = 0, cnt_pad = 0;
                    for (int dy = 0; dy < kh; ++dy)
                        for (int dx = 0; dx < kw; ++dx) {
                            int iy = y * sh - pt + dy, ix = x * sw - pl + dx;
                            if (iy >= -pt && iy < h + pb && ix >= -pl && ix < w + pr) cnt_pad++;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            s += src[((b * h + iy) * w + ix) * c + ch];
                            cnt++;
                        }
                    dst[((b * oh + y) * ow + x) * c + ch] = (float)(s / (include_pad ? cnt_pad : cnt));
                }
}

static void pool_case(int n, int h, int w, int c, int kh, int kw, int sh, int sw, int pt, int pl, int pb, int pr,
                      int include_pad) {
    int oh = (h + pt + pb - kh) / sh + 1, ow = (w + pl + pr - kw) / sw + 1;
    size_t ns = (size_t)n * h * w * c, nd = (size_t)n * oh * ow * c;
    float *src = randoms(ns, 1, 0), *dst = filled(nd, NAN), *ref = zeros(nd);
    efacl_avgpool *op = NULL;
    OK(efacl_avgpool_create(&op, n, h, w, c, kh, kw, sh, sw, pt, pl, pb, pr, include_pad));
    if (op != NULL) {
        int dims[4] = {0};
        OK(efacl_avgpool_dst_dims(op, dims));
        CHECK(dims[0] == n && dims[1] == oh && dims[2] == ow && dims[3] == c, "dst dims");
        pool_ref(src, ref, n, h, w, c, kh, kw, sh, sw, pt, pl, pb, pr, oh, ow, include_pad);
        OK(efacl_avgpool_run(op, src, dst));
        double e = COMPARE("avgpool", dst, ref, nd, 1e-6, 1e-5);
        printf("    %dx%dx%dx%d k%dx%d s%dx%d pad %d,%d,%d,%d include_pad=%d max err %.2g\n", n, h, w, c, kh, kw, sh,
               sw, pt, pl, pb, pr, include_pad, e);
    }
    efacl_avgpool_destroy(op);
    free(src); free(dst); free(ref);
}

static void test_pool_mixer(void) { pool_case(2, 5, 6, 7, 3, 3, 1, 1, 1, 1, 1, 1, 0); } /* PoolFormer mixer */
static void test_pool_include_pad(void) { pool_case(1, 5, 5, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1); }
static void test_pool_strided(void) { pool_case(1, 6, 7, 4, 2, 2, 2, 2, 0, 0, 0, 0, 0); }
static void test_pool_mean_tokens(void) { pool_case(2, 7, 1, 16, 7, 1, 1, 1, 0, 0, 0, 0, 0); } /* mean over N */

/* ------------------------------------------------------------------------------ linear */

static void linear_case(int rows, int in, int out, int with_bias, int act) {
    size_t ns = (size_t)rows * in, nd = (size_t)rows * out, nw = (size_t)out * in;
    float *src = randoms(ns, 1, 0), *w = randoms(nw, 0.3f, 0), *bias = with_bias ? randoms(out, 1, 0) : NULL;
    float *dst = filled(nd, NAN), *ref = zeros(nd);
    for (int r = 0; r < rows; ++r)
        for (int o = 0; o < out; ++o) {
            double s = bias ? bias[o] : 0.0;
            for (int i = 0; i < in; ++i) s += (double)src[(size_t)r * in + i] * w[(size_t)o * in + i];
            ref[(size_t)r * out + o] = act_ref(act, (float)s);
        }
    efacl_linear *op = NULL;
    OK(efacl_linear_create(&op, rows, in, out, w, nw, bias, with_bias ? (size_t)out : 0, act));
    if (op != NULL) {
        OK(efacl_linear_run(op, src, dst));
        double e = COMPARE("linear", dst, ref, nd, 1e-4, 1e-4);
        OK(efacl_linear_run(op, src, dst)); /* again: same result */
        COMPARE("linear second run", dst, ref, nd, 1e-4, 1e-4);
        printf("    [%d,%d] x [%d,%d]^T bias=%d act=%d max err %.2g\n", rows, in, out, in, with_bias, act, e);
    }
    efacl_linear_destroy(op);
    free(src); free(w); free(bias); free(dst); free(ref);
}

static void test_linear_bias(void) { linear_case(13, 20, 12, 1, EFACL_ACT_NONE); }
static void test_linear_gelu(void) { linear_case(49, 64, 96, 1, EFACL_ACT_GELU); } /* Meta3D MLP fc1 */
static void test_linear_relu_nobias(void) { linear_case(5, 7, 3, 0, EFACL_ACT_RELU); }
static void test_linear_head(void) { linear_case(2, 448, 1000, 1, EFACL_ACT_NONE); } /* classifier head */

/* ------------------------------------------------------------------------------ matmul */

/* Reference over the same strided views as the API. */
static void matmul_ref(int b0n, int b1n, int m, int n, int k, const float *a, const int64_t *sa, const float *b,
                       int bt, const int64_t *sb, float *c, const int64_t *sc, float alpha) {
    for (int b0 = 0; b0 < b0n; ++b0)
        for (int b1 = 0; b1 < b1n; ++b1)
            for (int i = 0; i < m; ++i)
                for (int j = 0; j < n; ++j) {
                    double s = 0;
                    for (int p = 0; p < k; ++p) {
                        float av = a[b0 * sa[0] + b1 * sa[1] + i * sa[2] + p];
                        float bv = bt ? b[b0 * sb[0] + b1 * sb[1] + j * sb[2] + p]
                                      : b[b0 * sb[0] + b1 * sb[1] + p * sb[2] + j];
                        s += (double)av * bv;
                    }
                    c[b0 * sc[0] + b1 * sc[1] + i * sc[2] + j] = (float)(alpha * s);
                }
}

static void test_matmul_dense(void) {
    const int B0 = 2, B1 = 3, M = 5, N = 6, K = 4;
    int64_t sa[3] = {B1 * M * K, M * K, K}, sb[3] = {B1 * K * N, K * N, N}, sc[3] = {B1 * M * N, M * N, N};
    size_t na = (size_t)B0 * B1 * M * K, nb = (size_t)B0 * B1 * K * N, nc = (size_t)B0 * B1 * M * N;
    float *a = randoms(na, 1, 0), *b = randoms(nb, 1, 0), *c = filled(nc, NAN), *ref = zeros(nc);
    matmul_ref(B0, B1, M, N, K, a, sa, b, 0, sb, ref, sc, 1.f);
    efacl_matmul *op = NULL;
    OK(efacl_matmul_create(&op, B0, B1, M, N, K, NULL, 0, NULL, NULL, 1.f));
    if (op) {
        OK(efacl_matmul_run(op, a, b, c));
        printf("    dense [%d,%d,%d,%d]x[%d,%d,%d,%d] max err %.2g\n", B0, B1, M, K, B0, B1, K, N,
               COMPARE("matmul dense", c, ref, nc, 1e-4, 1e-4));
    }
    efacl_matmul_destroy(op);
    /* The same with explicit dense strides and a transposed dense B ([n][k] rows). */
    int64_t sbt[3] = {B1 * N * K, N * K, K};
    float *bt = randoms(nb, 1, 0);
    matmul_ref(B0, B1, M, N, K, a, sa, bt, 1, sbt, ref, sc, 2.f);
    OK(efacl_matmul_create(&op, B0, B1, M, N, K, sa, 1, sbt, sc, 2.f));
    if (op) {
        OK(efacl_matmul_run(op, a, bt, c));
        COMPARE("matmul dense, b transposed, alpha 2", c, ref, nc, 1e-4, 1e-4);
    }
    efacl_matmul_destroy(op);
    free(a); free(b); free(bt); free(c); free(ref);
}

/* Attention exactly as EfficientFormer's Meta3D lays it out: qkv = [B, N, heads, 2*kd + vd]. */
static void test_matmul_attention(void) {
    const int B = 2, N = 7, H = 3, KD = 4, VD = 6, W = 2 * KD + VD;
    const float scale = 0.5f; /* kd^-0.5 */
    size_t nqkv = (size_t)B * N * H * W, nscores = (size_t)B * H * N * N, nout = (size_t)B * N * H * VD;
    float *qkv = randoms(nqkv, 1, 0);
    float *scores = filled(nscores, NAN), *ref_scores = zeros(nscores);
    float *outp = filled(nout, NAN), *ref_out = zeros(nout);
    int64_t s_qkv[3] = {(int64_t)N * H * W, W, (int64_t)H * W};     /* (batch, head, token) */
    int64_t s_scores[3] = {(int64_t)H * N * N, (int64_t)N * N, N};   /* dense [B, H, N, N] */
    int64_t s_out[3] = {(int64_t)N * H * VD, VD, (int64_t)H * VD};   /* [B, N, H, VD] */

    /* scores = scale * q . k^T, q and k read in place from qkv (k as B transposed). */
    matmul_ref(B, H, N, N, KD, qkv, s_qkv, qkv + KD, 1, s_qkv, ref_scores, s_scores, scale);
    efacl_matmul *qk = NULL;
    OK(efacl_matmul_create(&qk, B, H, N, N, KD, s_qkv, 1, s_qkv, s_scores, scale));
    if (qk) {
        OK(efacl_matmul_run(qk, qkv, qkv + KD, scores));
        printf("    q.k^T from qkv [%d,%d,%d,%d] max err %.2g\n", B, N, H, W,
               COMPARE("attention scores", scores, ref_scores, nscores, 1e-4, 1e-4));
    }
    /* out = scores . v, v read in place, written head-interleaved [B, N, H, VD]. */
    matmul_ref(B, H, N, VD, N, ref_scores, s_scores, qkv + 2 * KD, 0, s_qkv, ref_out, s_out, 1.f);
    efacl_matmul *av = NULL;
    OK(efacl_matmul_create(&av, B, H, N, VD, N, NULL, 0, s_qkv, s_out, 1.f));
    if (av) {
        OK(efacl_matmul_run(av, ref_scores, qkv + 2 * KD, outp));
        printf("    a.v into [%d,%d,%d,%d] max err %.2g\n", B, N, H, VD,
               COMPARE("attention output", outp, ref_out, nout, 1e-4, 1e-4));
        /* Run again with other values: gathered buffers are refreshed. */
        for (size_t i = 0; i < nqkv; ++i) qkv[i] = rnd();
        matmul_ref(B, H, N, VD, N, ref_scores, s_scores, qkv + 2 * KD, 0, s_qkv, ref_out, s_out, 1.f);
        OK(efacl_matmul_run(av, ref_scores, qkv + 2 * KD, outp));
        COMPARE("attention output, second run", outp, ref_out, nout, 1e-4, 1e-4);
    }
    efacl_matmul_destroy(qk);
    efacl_matmul_destroy(av);
    free(qkv); free(scores); free(ref_scores); free(outp); free(ref_out);
}

/* ------------------------------------------------------------------------------ layernorm */

static void layernorm_ref(const float *src, float *dst, int rows, int cols, float eps, const float *g,
                          const float *b) {
    for (int r = 0; r < rows; ++r) {
        const float *x = src + (size_t)r * cols;
        double mean = 0, var = 0;
        for (int i = 0; i < cols; ++i) mean += x[i];
        mean /= cols;
        for (int i = 0; i < cols; ++i) var += (x[i] - mean) * (x[i] - mean);
        var /= cols;
        for (int i = 0; i < cols; ++i) {
            double y = (x[i] - mean) / sqrt(var + eps);
            dst[(size_t)r * cols + i] = (float)(g ? y * g[i] + b[i] : y);
        }
    }
}

static void layernorm_case(int rows, int cols, float spread, float offset, int affine, int in_place) {
    size_t n = (size_t)rows * cols;
    float *src = randoms(n, spread, offset), *g = affine ? randoms(cols, 1, 1) : NULL;
    float *b = affine ? randoms(cols, 1, 0) : NULL, *dst = filled(n, NAN), *ref = zeros(n);
    layernorm_ref(src, ref, rows, cols, 1e-5f, g, b);
    efacl_layernorm *op = NULL;
    OK(efacl_layernorm_create(&op, rows, cols, 1e-5f, g, affine ? (size_t)cols : 0, b, affine ? (size_t)cols : 0));
    if (op) {
        float *out = dst;
        if (in_place) {
            memcpy(dst, src, n * sizeof(float));
            OK(efacl_layernorm_run(op, dst, dst));
        } else {
            OK(efacl_layernorm_run(op, src, dst));
        }
        printf("    [%d,%d] values %g+-%g affine=%d in_place=%d max err %.2g\n", rows, cols, offset, spread, affine,
               in_place, COMPARE("layernorm", out, ref, n, 1e-4, 1e-4));
    }
    efacl_layernorm_destroy(op);
    free(src); free(g); free(b); free(dst); free(ref);
}

static void test_layernorm(void) { layernorm_case(10, 48, 1.f, 0.f, 1, 0); }
static void test_layernorm_offset(void) { layernorm_case(49, 448, 2.f, 5.f, 1, 0); } /* mean far from 0 */
static void test_layernorm_plain_in_place(void) { layernorm_case(7, 32, 3.f, -1.f, 0, 1); }

/* ------------------------------------------------------------------------------ softmax */

static void softmax_case(int rows, int cols, float scale, int in_place) {
    size_t n = (size_t)rows * cols;
    float *src = randoms(n, scale, 0), *dst = filled(n, NAN), *ref = zeros(n);
    for (int r = 0; r < rows; ++r) {
        const float *x = src + (size_t)r * cols;
        double mx = x[0], s = 0;
        for (int i = 1; i < cols; ++i) mx = x[i] > mx ? x[i] : mx;
        for (int i = 0; i < cols; ++i) s += exp(x[i] - mx);
        for (int i = 0; i < cols; ++i) ref[(size_t)r * cols + i] = (float)(exp(x[i] - mx) / s);
    }
    efacl_softmax *op = NULL;
    OK(efacl_softmax_create(&op, rows, cols));
    if (op) {
        if (in_place) {
            memcpy(dst, src, n * sizeof(float));
            OK(efacl_softmax_run(op, dst, dst));
        } else {
            OK(efacl_softmax_run(op, src, dst));
        }
        printf("    [%d,%d] logits +-%g in_place=%d max err %.2g\n", rows, cols, scale, in_place,
               COMPARE("softmax", dst, ref, n, 1e-6, 1e-5));
    }
    efacl_softmax_destroy(op);
    free(src); free(dst); free(ref);
}

static void test_softmax(void) { softmax_case(2 * 8 * 49, 49, 5.f, 0); } /* L1 attention rows */
static void test_softmax_in_place(void) { softmax_case(3, 1000, 20.f, 1); }

/* ------------------------------------------------------------------------------ activation */

static void activation_case(int fn, int64_t count, float range, double tol, int in_place) {
    float *src = randoms((size_t)count, range, 0), *dst = filled((size_t)count, NAN), *ref = zeros((size_t)count);
    src[0] = 0.f;
    if (count > 2) { src[1] = -range; src[2] = range; }
    for (int64_t i = 0; i < count; ++i) ref[i] = act_ref(fn, src[i]);
    efacl_activation *op = NULL;
    OK(efacl_activation_create(&op, count, fn));
    if (op) {
        if (in_place) {
            memcpy(dst, src, (size_t)count * sizeof(float));
            OK(efacl_activation_run(op, dst, dst));
        } else {
            OK(efacl_activation_run(op, src, dst));
        }
        printf("    fn=%d count=%lld range +-%g max err %.2g\n", fn, (long long)count, range,
               COMPARE("activation", dst, ref, (size_t)count, tol, tol));
    }
    efacl_activation_destroy(op);
    free(src); free(dst); free(ref);
}

static void test_gelu(void) { activation_case(EFACL_ACT_GELU, 4099, 6.f, 1e-5, 0); }
static void test_relu(void) { activation_case(EFACL_ACT_RELU, 1001, 3.f, 0, 1); }
static void test_identity(void) { activation_case(EFACL_ACT_NONE, 17, 3.f, 0, 0); }

/* ------------------------------------------------------------------------------ eltwise */

/* numpy-style broadcasting reference over rank <= 6. */
static void eltwise_case(int kind, int rank, const int *ad, const int *bd, int in_place) {
    int dd[EFACL_MAX_RANK];
    size_t na = 1, nb = 1, nd = 1;
    for (int i = 0; i < rank; ++i) {
        dd[i] = ad[i] == 1 ? bd[i] : ad[i];
        na *= ad[i]; nb *= bd[i]; nd *= dd[i];
    }
    float *a = randoms(na, 1, 0), *b = randoms(nb, 1, 0), *dst = filled(nd, NAN), *ref = zeros(nd);
    for (size_t flat = 0; flat < nd; ++flat) {
        size_t rem = flat, ia = 0, ib = 0, sa = 1, sb = 1;
        for (int d = rank - 1; d >= 0; --d) {
            size_t idx = rem % dd[d];
            rem /= dd[d];
            ia += (ad[d] == 1 ? 0 : idx) * sa;
            ib += (bd[d] == 1 ? 0 : idx) * sb;
            sa *= ad[d];
            sb *= bd[d];
        }
        ref[flat] = kind == EFACL_ELTWISE_ADD ? a[ia] + b[ib] : kind == EFACL_ELTWISE_SUB ? a[ia] - b[ib] : a[ia] * b[ib];
    }
    efacl_eltwise *op = NULL;
    OK(efacl_eltwise_create(&op, kind, rank, ad, bd));
    if (op) {
        int got[EFACL_MAX_RANK] = {0};
        OK(efacl_eltwise_dst_dims(op, got));
        CHECK(memcmp(got, dd, sizeof(int) * rank) == 0, "dst dims");
        float *out = dst;
        if (in_place) { /* dst is a's buffer */
            OK(efacl_eltwise_run(op, a, b, a));
            out = a;
        } else {
            OK(efacl_eltwise_run(op, a, b, dst));
        }
        COMPARE("eltwise", out, ref, nd, 1e-6, 1e-6);
    }
    efacl_eltwise_destroy(op);
    free(a); free(b); free(dst); free(ref);
}

static void test_eltwise_same(void) {
    int a[4] = {2, 3, 4, 5};
    eltwise_case(EFACL_ELTWISE_ADD, 4, a, a, 0);
    eltwise_case(EFACL_ELTWISE_SUB, 4, a, a, 0);
    eltwise_case(EFACL_ELTWISE_MUL, 4, a, a, 0);
}
static void test_eltwise_channel(void) { /* NHWC channel broadcast: layer scale, BN-like shift */
    int a[4] = {2, 3, 4, 5}, c[4] = {1, 1, 1, 5};
    eltwise_case(EFACL_ELTWISE_MUL, 4, a, c, 0);
    eltwise_case(EFACL_ELTWISE_ADD, 4, a, c, 0);
    eltwise_case(EFACL_ELTWISE_SUB, 4, a, c, 0);
    eltwise_case(EFACL_ELTWISE_SUB, 4, c, a, 0); /* broadcast on the left operand */
}
static void test_eltwise_attention_bias(void) { /* scores [B, heads, N, N] + bias [1, heads, N, N] */
    int a[4] = {2, 3, 7, 7}, b[4] = {1, 3, 7, 7};
    eltwise_case(EFACL_ELTWISE_ADD, 4, a, b, 1);
}
static void test_eltwise_mixed(void) { /* both sides broadcast, rank 5 and 1 */
    int a[4] = {1, 3, 1, 5}, b[4] = {2, 1, 4, 1};
    eltwise_case(EFACL_ELTWISE_MUL, 4, a, b, 0);
    int a5[5] = {2, 1, 3, 4, 2}, b5[5] = {2, 2, 1, 4, 1};
    eltwise_case(EFACL_ELTWISE_ADD, 5, a5, b5, 0);
    int a1[1] = {1000}, b1[1] = {1};
    eltwise_case(EFACL_ELTWISE_SUB, 1, a1, b1, 1);
}

/* ------------------------------------------------------------------------------ errors */

static float g_w[3 * 3 * 3 * 8];

static void test_errors_create(void) {
    efacl_conv2d *c = (efacl_conv2d *)&g_w; /* garbage: must be reset to NULL on failure */
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "out", efacl_conv2d_create(NULL, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "weights is NULL", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, NULL, 216, 0, NULL, 0, 0));
    CHECK(c == NULL, "*out not reset to NULL on failure");
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "expected 216", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 215, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "n must be positive", efacl_conv2d_create(&c, 0, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "stride_w must be positive", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, -2, 1, 1, 1, 1, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "pad_left must not be negative", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, -1, 1, 1, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "larger than the padded input", efacl_conv2d_create(&c, 1, 2, 2, 3, 8, 3, 3, 1, 1, 0, 0, 0, 0, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "bias is NULL but its length is 8", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, NULL, 8, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "bias has 3 elements, expected 8", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, g_w, 3, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "unknown activation 7", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, NULL, 0, 7));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "unknown weights_layout", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 5, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "too many elements", efacl_conv2d_create(&c, 65536, 65536, 65536, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, g_w, 216, 0, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "not aligned", efacl_conv2d_create(&c, 1, 8, 8, 3, 8, 3, 3, 1, 1, 1, 1, 1, 1, (const float *)((const char *)g_w + 1), 216, 0, NULL, 0, 0));
    CHECK(c == NULL, "*out not NULL after failures");

    efacl_avgpool *p = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "smaller than the kernel", efacl_avgpool_create(&p, 1, 8, 8, 4, 3, 3, 1, 1, 3, 1, 1, 1, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "count_include_pad must be 0 or 1", efacl_avgpool_create(&p, 1, 8, 8, 4, 3, 3, 1, 1, 1, 1, 1, 1, 2));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "channels must be positive", efacl_avgpool_create(&p, 1, 8, 8, 0, 3, 3, 1, 1, 1, 1, 1, 1, 0));

    efacl_linear *l = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "weight is NULL", efacl_linear_create(&l, 4, 3, 2, NULL, 6, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "weight has 5 elements, expected 6", efacl_linear_create(&l, 4, 3, 2, g_w, 5, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "rows must be positive", efacl_linear_create(&l, -4, 3, 2, g_w, 6, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "too many elements", efacl_linear_create(&l, 100000, 100000, 2, g_w, 6, NULL, 0, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "unknown activation", efacl_linear_create(&l, 4, 3, 2, g_w, 6, NULL, 0, -1));

    efacl_matmul *m = NULL;
    int64_t neg[3] = {0, 0, -1}, shortrow[3] = {100, 100, 3};
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "negative", efacl_matmul_create(&m, 1, 1, 4, 4, 4, neg, 0, NULL, NULL, 1.f));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "smaller than the row length", efacl_matmul_create(&m, 1, 1, 4, 4, 4, shortrow, 0, NULL, NULL, 1.f));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "b_transposed must be 0 or 1", efacl_matmul_create(&m, 1, 1, 4, 4, 4, NULL, 2, NULL, NULL, 1.f));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "alpha must be finite", efacl_matmul_create(&m, 1, 1, 4, 4, 4, NULL, 0, NULL, NULL, NAN));
    int64_t huge[3] = {INT64_MAX / 2, 0, 4};
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "overflow", efacl_matmul_create(&m, 3, 1, 4, 4, 4, huge, 0, NULL, NULL, 1.f));

    efacl_layernorm *ln = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "both given or both NULL", efacl_layernorm_create(&ln, 2, 3, 1e-5f, g_w, 3, NULL, 0));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "eps must be finite", efacl_layernorm_create(&ln, 2, 3, -1.f, NULL, 0, NULL, 0));
    efacl_softmax *sm = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "cols must be positive", efacl_softmax_create(&sm, 2, 0));
    efacl_activation *ac = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "unknown activation 3", efacl_activation_create(&ac, 10, 3));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "count is too large", efacl_activation_create(&ac, (int64_t)1 << 40, EFACL_ACT_RELU));

    efacl_eltwise *e = NULL;
    int d4[4] = {2, 3, 4, 5}, bad[4] = {2, 3, 2, 5}, zero[4] = {2, 0, 4, 5};
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "does not broadcast", efacl_eltwise_create(&e, EFACL_ELTWISE_ADD, 4, d4, bad));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "rank must be 1..6", efacl_eltwise_create(&e, EFACL_ELTWISE_ADD, 7, d4, d4));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "rank must be 1..6", efacl_eltwise_create(&e, EFACL_ELTWISE_ADD, 0, d4, d4));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "b_dims is NULL", efacl_eltwise_create(&e, EFACL_ELTWISE_ADD, 4, d4, NULL));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "b_dims[1] must be positive", efacl_eltwise_create(&e, EFACL_ELTWISE_ADD, 4, d4, zero));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "unknown op 9", efacl_eltwise_create(&e, 9, 4, d4, d4));
    CHECK(p == NULL && l == NULL && m == NULL && ln == NULL && sm == NULL && ac == NULL && e == NULL,
          "a handle was set by a failing create");
}

static void test_errors_run(void) {
    float w[4] = {1, 2, 3, 4}, src[8] = {0}, dst[8] = {0};
    efacl_linear *l = NULL;
    OK(efacl_linear_create(&l, 2, 2, 2, w, 4, NULL, 0, EFACL_ACT_NONE));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "handle is NULL", efacl_linear_run(NULL, src, dst));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "src is NULL", efacl_linear_run(l, NULL, dst));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "dst is not aligned", efacl_linear_run(l, src, (float *)((char *)dst + 2)));
    OK(efacl_linear_run(l, src, dst)); /* still usable after the failures */
    efacl_linear_destroy(l);
    int dims[4];
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "handle is NULL", efacl_conv2d_dst_dims(NULL, dims));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "handle is NULL", efacl_softmax_run(NULL, src, dst));
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "c is NULL", efacl_matmul_run((efacl_matmul *)w, src, src, NULL));
    /* destroy(NULL) is a no-op */
    efacl_conv2d_destroy(NULL); efacl_avgpool_destroy(NULL); efacl_linear_destroy(NULL);
    efacl_matmul_destroy(NULL); efacl_layernorm_destroy(NULL); efacl_softmax_destroy(NULL);
    efacl_activation_destroy(NULL); efacl_eltwise_destroy(NULL);
}

/* ------------------------------------------------------------------------------ threads */

static void *fail_in_thread(void *arg) {
    (void)arg;
    efacl_softmax_create(NULL, 1, 1);
    return strstr(efacl_last_error(), "out") != NULL ? (void *)1 : NULL;
}

static void test_last_error_thread_local(void) {
    efacl_softmax *s = NULL;
    FAILS(EFACL_ERR_INVALID_ARGUMENT, "rows must be positive", efacl_softmax_create(&s, 0, 4));
    pthread_t t;
    void *other_ok = NULL;
    CHECK(pthread_create(&t, NULL, fail_in_thread, NULL) == 0, "pthread_create");
    pthread_join(t, &other_ok);
    CHECK(other_ok != NULL, "the other thread did not see its own error");
    CHECK(strstr(efacl_last_error(), "rows must be positive") != NULL, "main thread's message changed: \"%s\"",
          efacl_last_error());
}

/* Two threads running their own handles at once: runs are serialised inside the shim. */
struct worker {
    efacl_conv2d *op;
    float *src, *dst;
    int runs, status;
};
static void *conv_worker(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < w->runs && w->status == EFACL_OK; ++i) w->status = efacl_conv2d_run(w->op, w->src, w->dst);
    return NULL;
}

static void test_concurrent_handles(void) {
    enum { N = 1, H = 8, W = 8, C = 8, CO = 8 };
    struct worker wk[2];
    float *ref[2];
    size_t ns = (size_t)N * H * W * C, nd = (size_t)N * H * W * CO, nw = (size_t)CO * C * 9;
    for (int i = 0; i < 2; ++i) {
        float *wt = randoms(nw, 0.5f, 0);
        wk[i].src = randoms(ns, 1, 0);
        wk[i].dst = filled(nd, NAN);
        wk[i].runs = 20;
        wk[i].status = EFACL_OK;
        wk[i].op = NULL;
        ref[i] = zeros(nd);
        conv_ref(wk[i].src, wt, NULL, ref[i], N, H, W, C, CO, 3, 3, 1, 1, 1, 1, H, W, EFACL_ACT_NONE);
        OK(efacl_conv2d_create(&wk[i].op, N, H, W, C, CO, 3, 3, 1, 1, 1, 1, 1, 1, wt, nw, EFACL_WEIGHTS_OIHW, NULL, 0,
                               EFACL_ACT_NONE));
        free(wt);
    }
    if (wk[0].op && wk[1].op) {
        pthread_t t[2];
        for (int i = 0; i < 2; ++i) CHECK(pthread_create(&t[i], NULL, conv_worker, &wk[i]) == 0, "pthread_create");
        for (int i = 0; i < 2; ++i) pthread_join(t[i], NULL);
        for (int i = 0; i < 2; ++i) {
            CHECK(wk[i].status == EFACL_OK, "worker %d: %s", i, efacl_status_name(wk[i].status));
            COMPARE("concurrent conv2d", wk[i].dst, ref[i], nd, 1e-4, 1e-4);
        }
    }
    for (int i = 0; i < 2; ++i) {
        efacl_conv2d_destroy(wk[i].op);
        free(wk[i].src); free(wk[i].dst); free(ref[i]);
    }
}

/* ------------------------------------------------------------------------------ main */

int main(int argc, char **argv) {
    g_filter = argc > 1 ? argv[1] : NULL;
    run_case("library: version, status names, threads, cpu info", test_library);
    run_case("conv2d: 3x3 s2 p1 + bias + ReLU (stem)", test_conv_stem);
    run_case("conv2d: 1x1 + bias + GELU, OHWI weights", test_conv_pointwise);
    run_case("conv2d: 3x2 kernel, strides 2x1, asymmetric pads, no bias", test_conv_asymmetric);
    run_case("conv2d: 3x3 s2 p1 downsample, 24 -> 40 channels", test_conv_downsample);
    run_case("dwconv2d: 3x3 s1 p1 + bias + GELU (V2 MLP)", test_dwconv_mlp);
    run_case("dwconv2d: 3x3 s2 p1, odd sizes (V2 strided attention)", test_dwconv_strided);
    run_case("avgpool: 3x3 s1 p1 excluding padding (pool mixer)", test_pool_mixer);
    run_case("avgpool: 3x3 s1 p1 including padding", test_pool_include_pad);
    run_case("avgpool: 2x2 s2", test_pool_strided);
    run_case("avgpool: mean over tokens (kernel N x 1)", test_pool_mean_tokens);
    run_case("linear: bias", test_linear_bias);
    run_case("linear: bias + GELU", test_linear_gelu);
    run_case("linear: ReLU, no bias", test_linear_relu_nobias);
    run_case("linear: classifier head 448 -> 1000", test_linear_head);
    run_case("matmul: dense batches, transposed B, alpha", test_matmul_dense);
    run_case("matmul: attention q.k^T and a.v in place in qkv", test_matmul_attention);
    run_case("layernorm: gamma/beta", test_layernorm);
    run_case("layernorm: values far from zero (mean 5)", test_layernorm_offset);
    run_case("layernorm: no affine, in place", test_layernorm_plain_in_place);
    run_case("softmax: attention rows", test_softmax);
    run_case("softmax: wide rows, in place", test_softmax_in_place);
    run_case("activation: GELU", test_gelu);
    run_case("activation: ReLU in place", test_relu);
    run_case("activation: identity", test_identity);
    run_case("eltwise: same shapes add/sub/mul", test_eltwise_same);
    run_case("eltwise: channel broadcast", test_eltwise_channel);
    run_case("eltwise: attention bias over batch, in place", test_eltwise_attention_bias);
    run_case("eltwise: both sides broadcast, ranks 5 and 1", test_eltwise_mixed);
    run_case("errors: bad create arguments", test_errors_create);
    run_case("errors: bad run arguments", test_errors_run);
    run_case("threads: last error is per thread", test_last_error_thread_local);
    run_case("threads: two handles run concurrently", test_concurrent_handles);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 && g_passed > 0 ? 0 : 1;
}
