/*
 * 1x1 convolution (a matrix product per pixel) on 16-channel blocks, with bias, optional GELU and
 * optional accumulation into the output (a residual sum), AVX-512.
 *
 * Why not oneDNN's: on one Zen 5 core its jit_1x1 kernels ran 138-204 GFLOPS on EfficientFormer
 * V1's shapes in a run, the slowest with the fused GELU (its erf costs about 0.25 ns per output
 * value), where this kernel's plain register tiling ran 155-218 with the weights in cache (200-218
 * from 96 input channels up). With the weights coming from memory the difference shrinks to a few
 * percent (native/x86/README.md).
 *
 * A tile is up to 32 output channels (two vectors) by up to 12 pixels: 24 accumulators. For each
 * input channel the tile loads its two weight vectors once and broadcasts one input value per
 * pixel from memory into the multiply-adds. Weights are packed so that a tile reads them in order:
 * [out_channels / 32][in_channels][32] (the last group 16 wide when out_channels % 32 == 16).
 */
#include "kernels_avx512.h"

#include "gelu_avx512.h"

/* Pixels per tile: 2 x 12 accumulators + 2 weight vectors + the broadcast fit the 32 registers. */
#define PIXELS 12
/* Pixels per unit of work split across threads: a few tiles, so two threads share even small maps. */
#define CHUNK (4 * PIXELS)

typedef struct {
    const float *src;    /* [in_channels / 16][pixels][16] of one image */
    float *dst;          /* [out_channels / 16][pixels][16] of one image */
    const float *packed; /* this group's packed weights: [in_channels][16 * vectors] */
    const float *bias;   /* this group's bias */
    int64_t in_channels, pixels;
    int gelu, accumulate;
} group_t;

/* Outputs of pixels p0 .. p0 + n - 1 for the group's 16 * vectors output channels; n and vectors
 * are compile-time constants at each call. (Software prefetching of the weights, of the next group
 * into L2 or of this one ahead, measured no faster or slower with cold weights: not done.) */
static inline __attribute__((always_inline)) void tile(const group_t *g, int64_t p0, const int n, const int vectors) {
    __m512 acc[2][PIXELS];
    for (int o = 0; o < vectors; o++) {
        __m512 b = _mm512_loadu_ps(g->bias + o * 16);
        for (int r = 0; r < n; r++) {
            acc[o][r] = b;
        }
    }
    const int64_t stride = 16 * vectors;
    for (int64_t cb = 0; cb < g->in_channels / 16; cb++) {
        const float *s = g->src + (cb * g->pixels + p0) * 16;
        const float *w = g->packed + cb * 16 * stride;
        for (int l = 0; l < 16; l++) {
            __m512 wv[2];
            for (int o = 0; o < vectors; o++) {
                wv[o] = _mm512_loadu_ps(w + l * stride + o * 16);
            }
            for (int r = 0; r < n; r++) {
                __m512 x = _mm512_set1_ps(s[r * 16 + l]);
                for (int o = 0; o < vectors; o++) {
                    acc[o][r] = _mm512_fmadd_ps(wv[o], x, acc[o][r]);
                }
            }
        }
    }
    efk_gelu_table table = efk_gelu_load();
    for (int o = 0; o < vectors; o++) {
        for (int r = 0; r < n; r++) {
            float *out = g->dst + ((int64_t)o * g->pixels + p0 + r) * 16;
            __m512 v = g->gelu ? efk_gelu(acc[o][r], &table) : acc[o][r];
            if (g->accumulate) {
                v = _mm512_add_ps(v, _mm512_loadu_ps(out));
            }
            _mm512_storeu_ps(out, v);
        }
    }
}

/* A tile of n <= PIXELS pixels, n as a constant in each branch. */
#define TILE_CASE(k) \
    case k: \
        tile(g, p0, k, vectors); \
        break;

static inline __attribute__((always_inline)) void any_tile(const group_t *g, int64_t p0, int n, const int vectors) {
    switch (n) {
        TILE_CASE(1)
        TILE_CASE(2)
        TILE_CASE(3)
        TILE_CASE(4)
        TILE_CASE(5)
        TILE_CASE(6)
        TILE_CASE(7)
        TILE_CASE(8)
        TILE_CASE(9)
        TILE_CASE(10)
        TILE_CASE(11)
        TILE_CASE(12)
        default:
            break;
    }
}

/* Pixels p0 .. p1 - 1 in as few tiles as fit, of near-equal size: a tile of one or two pixels
 * would stream the group's weights for almost no work (49 pixels run as 9 + 8 + 8 + 12 + 12 in two
 * chunks, not 4 x 12 + 1). */
static inline __attribute__((always_inline)) void run_chunk(const group_t *g, int64_t p0, int64_t p1, const int vectors) {
    int64_t tiles = (p1 - p0 + PIXELS - 1) / PIXELS;
    int64_t base = (p1 - p0) / tiles, longer = (p1 - p0) % tiles;
    int64_t p = p0;
    for (int64_t t = 0; t < tiles; t++) {
        int n = (int)(base + (t < longer));
        any_tile(g, p, n, vectors);
        p += n;
    }
}

static void run_chunk_32(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 2);
}

static void run_chunk_16(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 1);
}

/* Chunk c of chunks (of near-equal size, as tiles are) of group gi of image b. */
static inline void run_item(const float *src, float *dst, const float *packed, const float *bias, int64_t b, int64_t gi, int64_t c,
                            int64_t chunks, int64_t in_channels, int64_t out_channels, int64_t pixels, int gelu, int accumulate) {
    group_t g = {src + b * in_channels * pixels, dst + (b * out_channels + gi * 32) * pixels, packed + gi * 32 * in_channels, bias + gi * 32,
                 in_channels, pixels, gelu, accumulate};
    int64_t p0 = c * (pixels / chunks) + (c < pixels % chunks ? c : pixels % chunks);
    int64_t p1 = p0 + pixels / chunks + (c < pixels % chunks);
    (gi * 32 + 32 <= out_channels ? run_chunk_32 : run_chunk_16)(&g, p0, p1);
}

void efk_conv1x1_avx512(const float *src, float *dst, const float *packed, const float *bias, int64_t batch, int64_t in_channels,
                        int64_t out_channels, int64_t pixels, int gelu, int accumulate) {
    int64_t groups = (out_channels + 31) / 32;
    int64_t chunks = (pixels + CHUNK - 1) / CHUNK;
    /* Every output is the same sum in the same order whatever the split or the order, so the
     * result does not depend on the thread count. The inner loop re-reads what the outer one
     * does not change: the weights when chunks are outer, an image's input when groups are; the
     * smaller of the two goes inside, where it stays in cache. */
    if (out_channels <= pixels) {
#pragma omp parallel for collapse(3) schedule(static)
        for (int64_t b = 0; b < batch; b++) {
            for (int64_t c = 0; c < chunks; c++) {
                for (int64_t gi = 0; gi < groups; gi++) {
                    run_item(src, dst, packed, bias, b, gi, c, chunks, in_channels, out_channels, pixels, gelu, accumulate);
                }
            }
        }
    } else {
#pragma omp parallel for collapse(3) schedule(static)
        for (int64_t b = 0; b < batch; b++) {
            for (int64_t gi = 0; gi < groups; gi++) {
                for (int64_t c = 0; c < chunks; c++) {
                    run_item(src, dst, packed, bias, b, gi, c, chunks, in_channels, out_channels, pixels, gelu, accumulate);
                }
            }
        }
    }
}
