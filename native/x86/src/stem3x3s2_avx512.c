/*
 * The first convolution of EfficientFormer's stem: 3x3, stride 2, padding 1, from the caller's
 * NCHW image (a few input channels) to up to 48 output channels, with bias and an optional ReLU
 * or GELU, AVX-512.
 *
 * Why not oneDNN's: its NCHW-in kernel for this shape is a reference kernel, so the plan used to
 * reorder the image into NHWC first (0.13-0.15 ms for a 224x224 image on one Zen 5 core) and then
 * ran brg_conv_fwd at 55-93 GFLOPS (3 input channels leave its blocking mostly empty). This kernel
 * reads the image as it is and keeps up to 8 output pixels x 48 channels in registers, each
 * weight vector loaded once per 8 pixels.
 */
#include "kernels_avx512.h"

#include "efficientformer_kernels.h"
#include "gelu_avx512.h"

/* Output pixels per register block: 8 x 3 vectors of accumulators + 3 weight vectors + a broadcast. */
#define PIXELS 8
#define MAX_VECTORS 3
#define MAX_IN 4

typedef struct {
    const float *image; /* [in_channels][height][width] of one image */
    float *out;         /* output row y: pixel x's channel c at out[x * pixel_stride + (c / 16) * plane_stride + c % 16] */
    const __m512 *w;    /* [in_channels * 9][vectors] weight vectors, lanes past out_channels zero */
    const __m512 *bias; /* [vectors] */
    __mmask16 last_lanes;
    int64_t in_channels, height, width, y, pixel_stride, plane_stride;
    int activation;
} row_t;

/* Outputs x0 .. x0 + n - 1 of row r.y; checked: some tap may fall outside the image. */
static inline __attribute__((always_inline)) void block(const row_t *r, int64_t x0, const int n, const int vectors, const int checked) {
    __m512 acc[MAX_VECTORS][PIXELS];
    for (int v = 0; v < vectors; v++) {
        for (int j = 0; j < n; j++) {
            acc[v][j] = r->bias[v];
        }
    }
    for (int64_t c = 0; c < r->in_channels; c++) {
        for (int ky = 0; ky < 3; ky++) {
            int64_t iy = 2 * r->y + ky - 1;
            if (iy < 0 || iy >= r->height) {
                continue;
            }
            const float *row = r->image + (c * r->height + iy) * r->width;
            for (int kx = 0; kx < 3; kx++) {
                const __m512 *w = r->w + ((c * 3 + ky) * 3 + kx) * vectors;
                __m512 wv[MAX_VECTORS];
                for (int v = 0; v < vectors; v++) {
                    wv[v] = w[v];
                }
                for (int j = 0; j < n; j++) {
                    int64_t ix = 2 * (x0 + j) + kx - 1;
                    if (checked && (ix < 0 || ix >= r->width)) {
                        continue;
                    }
                    __m512 x = _mm512_set1_ps(row[ix]);
                    for (int v = 0; v < vectors; v++) {
                        acc[v][j] = _mm512_fmadd_ps(wv[v], x, acc[v][j]);
                    }
                }
            }
        }
    }
    efk_gelu_table table = efk_gelu_load();
    for (int j = 0; j < n; j++) {
        float *o = r->out + (x0 + j) * r->pixel_stride;
        for (int v = 0; v < vectors; v++) {
            __m512 a = acc[v][j];
            a = r->activation == EFK_ACTIVATION_RELU   ? _mm512_max_ps(a, _mm512_setzero_ps())
                : r->activation == EFK_ACTIVATION_GELU ? efk_gelu(a, &table)
                                                       : a;
            if (v == vectors - 1 && r->last_lanes != 0xFFFF) {
                _mm512_mask_storeu_ps(o + v * r->plane_stride, r->last_lanes, a);
            } else {
                _mm512_storeu_ps(o + v * r->plane_stride, a);
            }
        }
    }
}

static inline __attribute__((always_inline)) void run_row(const row_t *r, int64_t out_width, const int vectors) {
    /* Pixel 0 reads column -1, and the last pixel column width when width is odd: checked. */
    int64_t first = 1;
    int64_t end = r->width % 2 == 1 ? out_width - 1 : out_width;
    block(r, 0, 1, vectors, 1);
    int64_t x = first;
    for (; x + PIXELS <= end; x += PIXELS) {
        block(r, x, PIXELS, vectors, 0);
    }
    for (; x < out_width; x++) {
        block(r, x, 1, vectors, 1);
    }
}

static void run_row_1(const row_t *r, int64_t out_width) {
    run_row(r, out_width, 1);
}

static void run_row_2(const row_t *r, int64_t out_width) {
    run_row(r, out_width, 2);
}

static void run_row_3(const row_t *r, int64_t out_width) {
    run_row(r, out_width, 3);
}

void efk_stem3x3s2_avx512(const float *src, float *dst, const float *weights, const float *bias, int64_t batch, int64_t in_channels,
                          int64_t out_channels, int64_t height, int64_t width, int64_t channel_block, int activation) {
    int vectors = (int)((out_channels + 15) / 16);
    __m512 w[MAX_IN * 9 * MAX_VECTORS];
    __m512 b[MAX_VECTORS];
    for (int v = 0; v < vectors; v++) {
        float lanes[16] = {0};
        for (int l = 0; l < 16 && v * 16 + l < out_channels; l++) {
            lanes[l] = bias[v * 16 + l];
        }
        b[v] = _mm512_loadu_ps(lanes);
        for (int64_t tap = 0; tap < in_channels * 9; tap++) {
            for (int l = 0; l < 16; l++) {
                int64_t o = v * 16 + l;
                /* weights [out][in][3][3]: tap = in * 9 + ky * 3 + kx */
                lanes[l] = o < out_channels ? weights[o * in_channels * 9 + tap] : 0.0f;
            }
            w[tap * vectors + v] = _mm512_loadu_ps(lanes);
        }
    }
    int64_t out_height = (height - 1) / 2 + 1, out_width = (width - 1) / 2 + 1;
    int64_t pixels = out_height * out_width;
    int64_t pixel_stride = channel_block == 16 ? 16 : out_channels;
    int64_t plane_stride = channel_block == 16 ? pixels * 16 : 16;
    __mmask16 last = (__mmask16)((1u << (out_channels - (vectors - 1) * 16)) - 1);
    void (*run)(const row_t *, int64_t) = vectors == 1 ? run_row_1 : vectors == 2 ? run_row_2 : run_row_3;
#pragma omp parallel for collapse(2) schedule(static)
    for (int64_t n = 0; n < batch; n++) {
        for (int64_t y = 0; y < out_height; y++) {
            row_t r = {src + n * in_channels * height * width, dst + n * out_channels * pixels + y * out_width * pixel_stride, w, b, last,
                       in_channels, height, width, y, pixel_stride, plane_stride, activation};
            run(&r, out_width);
        }
    }
}
