/*
 * EfficientFormer V1's token mixer, x + scale * (avgpool3x3(x) - x), with the average over the
 * valid neighbours only (PyTorch's AvgPool2d(3, 1, 1, count_include_pad=False)), AVX-512.
 *
 * Why not oneDNN's: its average pooling with the three binary post-ops (sub, mul, add) that make
 * the mixer took 0.55-0.65 ns per output value on one Zen 5 core, this kernel 0.15-0.28. The sum
 * of nine inputs is separable, so this kernel adds three rows first and then three columns, and
 * keeps the output row's block in registers through the epilogue.
 */
#include "kernels_avx512.h"

/* Outputs per register block along a row: 10 column sums + 8 centres + the scale fit easily. */
#define ROW_BLOCK 8

/* Outputs x0 .. x0 + n - 1 of row y; n and masked are compile-time constants at each call. */
static inline __attribute__((always_inline)) void row_block(efk_plane p, __m512 scale, int64_t y, int64_t x0, const int n,
                                                            const int masked) {
    __m512 column[ROW_BLOCK + 2];
    __m512 centre[ROW_BLOCK];
    const float *row = p.src + y * p.width * p.pixel_stride;
    for (int j = 0; j < n + 2; j++) {
        int64_t xx = x0 + j - 1;
        column[j] = xx < 0 || xx >= p.width ? _mm512_setzero_ps()
                    : masked                ? _mm512_maskz_loadu_ps(p.lanes, row + xx * p.pixel_stride)
                                            : _mm512_loadu_ps(row + xx * p.pixel_stride);
    }
    for (int j = 0; j < n; j++) {
        centre[j] = column[j + 1];
    }
    int rows = 1;
    for (int dy = -1; dy <= 1; dy += 2) {
        int64_t yy = y + dy;
        if (yy < 0 || yy >= p.height) {
            continue;
        }
        rows++;
        row = p.src + yy * p.width * p.pixel_stride;
        for (int j = 0; j < n + 2; j++) {
            int64_t xx = x0 + j - 1;
            if (xx >= 0 && xx < p.width) {
                column[j] = _mm512_add_ps(column[j], masked ? _mm512_maskz_loadu_ps(p.lanes, row + xx * p.pixel_stride)
                                                            : _mm512_loadu_ps(row + xx * p.pixel_stride));
            }
        }
    }
    float *out = p.dst + (y * p.width + x0) * p.pixel_stride;
    for (int j = 0; j < n; j++) {
        int64_t x = x0 + j;
        int columns = 1 + (x > 0) + (x + 1 < p.width);
        __m512 sum = _mm512_add_ps(_mm512_add_ps(column[j], column[j + 1]), column[j + 2]);
        __m512 mean = _mm512_div_ps(sum, _mm512_set1_ps((float)(rows * columns)));
        __m512 r = _mm512_fmadd_ps(scale, _mm512_sub_ps(mean, centre[j]), centre[j]);
        if (masked) {
            _mm512_mask_storeu_ps(out + j * p.pixel_stride, p.lanes, r);
        } else {
            _mm512_storeu_ps(out + j * p.pixel_stride, r);
        }
    }
}

static inline __attribute__((always_inline)) void run_plane(efk_plane p, const float *scale, const int masked) {
    __m512 s = _mm512_maskz_loadu_ps(p.lanes, scale);
    for (int64_t y = 0; y < p.height; y++) {
        int64_t x0 = 0;
        for (; x0 + ROW_BLOCK <= p.width; x0 += ROW_BLOCK) {
            row_block(p, s, y, x0, ROW_BLOCK, masked);
        }
        for (; x0 < p.width; x0++) {
            row_block(p, s, y, x0, 1, masked);
        }
    }
}

static void run_full_plane(efk_plane p, const float *scale) {
    run_plane(p, scale, 0);
}

static void run_partial_plane(efk_plane p, const float *scale) {
    run_plane(p, scale, 1);
}

void efk_pool_mixer3x3_avx512(const float *src, float *dst, const float *scale, int64_t batch, int64_t channels, int64_t height,
                              int64_t width, int64_t channel_block) {
    int64_t planes = (channels + 15) / 16;
    /* Split across the caller's OpenMP team as efk_dwconv3x3_avx512 is; the result does not depend
     * on the split. */
#pragma omp parallel for collapse(2) schedule(static)
    for (int64_t b = 0; b < batch; b++) {
        for (int64_t cb = 0; cb < planes; cb++) {
            efk_plane p = efk_plane_of(src, dst, b, cb, channels, height, width, channel_block);
            (p.lanes == 0xFFFF ? run_full_plane : run_partial_plane)(p, scale + cb * 16);
        }
    }
}
