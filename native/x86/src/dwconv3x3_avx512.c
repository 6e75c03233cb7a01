/*
 * Depthwise 3x3 convolution (stride 1, padding 1) with bias and optional GELU, AVX-512.
 *
 * Why not oneDNN's: on one Zen 5 core its depthwise primitives with a fused GELU ran 36-47 GFLOPS
 * (brdgmm_dw / jit_dw, EfficientFormerV2's shapes), this kernel 68-79; most of the difference is the
 * convolution itself (this one keeps a row of seven outputs and the nine weight vectors in
 * registers and loads each input vector once per output row).
 *
 * The kernel walks one plane (efk_plane) at a time; the last plane of an NHWC map whose channels
 * are not a multiple of 16 is read and written through a lane mask.
 */
#include "kernels_avx512.h"

#include "gelu_avx512.h"

/* Outputs per register block along a row: 7 accumulators + 9 input vectors + 9 weights + the GELU
 * table (6) fit the 32 zmm registers. */
#define ROW_BLOCK 7

/*
 * Outputs x0 .. x0 + n - 1 of row y. n, gelu and masked are compile-time constants at each call
 * (masked loads and stores cost about a tenth of the speed, so only a partial plane uses them), and the
 * weights, bias and GELU table arrive as values: kept in registers (through a pointer the compiler
 * would reload them after every store, as __m512 may alias the float output).
 */
static inline __attribute__((always_inline)) void row_block(efk_plane p, const __m512 *w, __m512 bias, const efk_gelu_table *table,
                                                            int64_t y, int64_t x0, const int n, const int gelu, const int masked) {
    __m512 acc[ROW_BLOCK];
    for (int j = 0; j < n; j++) {
        acc[j] = bias;
    }
    for (int dy = 0; dy < 3; dy++) {
        int64_t yy = y + dy - 1;
        if (yy < 0 || yy >= p.height) {
            continue;
        }
        const float *row = p.src + yy * p.width * p.pixel_stride;
        __m512 v[ROW_BLOCK + 2];
        for (int j = 0; j < n + 2; j++) {
            int64_t xx = x0 + j - 1;
            v[j] = (xx < 0 || xx >= p.width) ? _mm512_setzero_ps() : masked ? _mm512_maskz_loadu_ps(p.lanes, row + xx * p.pixel_stride) : _mm512_loadu_ps(row + xx * p.pixel_stride);
        }
        for (int j = 0; j < n; j++) {
            acc[j] = _mm512_fmadd_ps(v[j], w[dy * 3], acc[j]);
            acc[j] = _mm512_fmadd_ps(v[j + 1], w[dy * 3 + 1], acc[j]);
            acc[j] = _mm512_fmadd_ps(v[j + 2], w[dy * 3 + 2], acc[j]);
        }
    }
    float *out = p.dst + (y * p.width + x0) * p.pixel_stride;
    for (int j = 0; j < n; j++) {
        __m512 r = gelu ? efk_gelu(acc[j], table) : acc[j];
        if (masked) {
            _mm512_mask_storeu_ps(out + j * p.pixel_stride, p.lanes, r);
        } else {
            _mm512_storeu_ps(out + j * p.pixel_stride, r);
        }
    }
}

static inline __attribute__((always_inline)) void run_plane(efk_plane p, const float *weights, const float *bias, const int gelu,
                                                            const int masked) {
    __m512 w[9];
    for (int q = 0; q < 9; q++) {
        float packed[16] = {0};
        for (int l = 0; l < 16; l++) {
            if (!masked || (p.lanes >> l & 1)) {
                packed[l] = weights[l * 9 + q];
            }
        }
        w[q] = _mm512_loadu_ps(packed);
    }
    __m512 b = _mm512_maskz_loadu_ps(p.lanes, bias);
    efk_gelu_table table = efk_gelu_load();
    for (int64_t y = 0; y < p.height; y++) {
        int64_t x0 = 0;
        for (; x0 + ROW_BLOCK <= p.width; x0 += ROW_BLOCK) {
            row_block(p, w, b, &table, y, x0, ROW_BLOCK, gelu, masked);
        }
        for (; x0 < p.width; x0++) {
            row_block(p, w, b, &table, y, x0, 1, gelu, masked);
        }
    }
}

/* The four variants, each compiled with its constants. */
static void run_plane_gelu(efk_plane p, const float *weights, const float *bias) {
    run_plane(p, weights, bias, 1, 0);
}

static void run_plane_linear(efk_plane p, const float *weights, const float *bias) {
    run_plane(p, weights, bias, 0, 0);
}

static void run_partial_plane_gelu(efk_plane p, const float *weights, const float *bias) {
    run_plane(p, weights, bias, 1, 1);
}

static void run_partial_plane_linear(efk_plane p, const float *weights, const float *bias) {
    run_plane(p, weights, bias, 0, 1);
}

void efk_dwconv3x3_avx512(const float *src, float *dst, const float *weights, const float *bias, int64_t batch, int64_t channels,
                          int64_t height, int64_t width, int64_t channel_block, int gelu) {
    int64_t planes = (channels + 15) / 16;
    /* The planes are independent: split across the caller's OpenMP team (the plan's thread count,
     * set on the calling thread as for oneDNN's own regions). Every output is computed the same
     * way whatever the split, so the results do not depend on the thread count. */
#pragma omp parallel for collapse(2) schedule(static)
    for (int64_t b = 0; b < batch; b++) {
        for (int64_t cb = 0; cb < planes; cb++) {
            efk_plane p = efk_plane_of(src, dst, b, cb, channels, height, width, channel_block);
            const float *w = weights + cb * 16 * 9;
            const float *bi = bias + cb * 16;
            if (p.lanes == 0xFFFF) {
                (gelu ? run_plane_gelu : run_plane_linear)(p, w, bi);
            } else {
                (gelu ? run_partial_plane_gelu : run_partial_plane_linear)(p, w, bi);
            }
        }
    }
}
