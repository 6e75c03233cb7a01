/*
 * 1x1 convolution (a matrix product per pixel) with bias, optional GELU and optional accumulation
 * into the output (a residual sum), AVX-512, on 16-channel blocks or NHWC (any channel count), in
 * and out independently.
 *
 * Why not oneDNN's: on one Zen 5 core its jit_1x1 kernels (16-channel blocks) ran 138-204 GFLOPS on
 * EfficientFormer V1's shapes in a run and its brgconv_1x1 kernels (NHWC) 143-196 on V2's, the
 * slowest with a fused GELU (its erf costs about 0.25 ns per output value); this kernel's plain
 * register tiling runs faster with the weights in cache. In a model's run the weights come from
 * memory, which cost this kernel 10-25% until each group of output channels prefetched the next
 * group's weights while it computes (native/x86/README.md has the figures).
 *
 * A tile is up to 32 output channels (two vectors) by up to 12 pixels: 24 accumulators. For each
 * input channel the tile loads its two weight vectors once and broadcasts one input value per
 * pixel from memory into the multiply-adds. Weights are packed so that a tile reads them in order:
 * [out_channels / 32][in_channels][32], out_channels rounded up to 16 with zero weights (the last
 * group 16 wide when that rounded count % 32 == 16).
 */
#include "kernels_avx512.h"

#include "gelu_avx512.h"

/* Pixels per tile: 2 x 12 accumulators + 2 weight vectors + the broadcast fit the 32 registers. */
#define PIXELS 12
/* Pixels per unit of work split across threads: a few tiles, so two threads share even small maps. */
#define CHUNK (4 * PIXELS)

/* Where a map's values are, in floats: channel c of pixel p of one image is at
 * (c / 16) * block_stride + p * pixel_stride + c % 16 (blocks: pixels * 16 and 16; NHWC: 16 and
 * the channel count). */
typedef struct {
    int64_t block_stride, pixel_stride;
} map_strides;

typedef struct {
    const float *src;    /* this image's input */
    float *dst;          /* this image's output, at the group's first channel */
    const float *packed; /* this group's packed weights: [in_channels][16 * vectors] */
    const float *bias;   /* this group's bias (16 * vectors values, the last vector's lanes masked) */
    int64_t in_channels;
    map_strides in, out;
    __mmask16 last_lanes; /* the lanes of the group's last vector that are output channels */
    int gelu, accumulate;
    const char *prefetch;   /* the region to prefetch meanwhile (cache lines), or NULL */
    int64_t prefetch_bytes; /* its size, 0 with NULL */
} group_t;

/* The multiply-adds of `count` input channels of one 16-channel block (inputs from s, n pixels
 * pixel_stride floats apart; weights from w) into the n x vectors accumulators; pixel_stride is the
 * constant 16 for blocked input, so that the broadcasts address the input at fixed offsets. */
static inline __attribute__((always_inline)) void accumulate_block(__m512 acc[2][PIXELS], const float *s, const float *w,
                                                                   int64_t pixel_stride, int count, const int n, const int vectors) {
    const int64_t stride = 16 * vectors;
    for (int l = 0; l < count; l++) {
        __m512 wv[2];
        for (int o = 0; o < vectors; o++) {
            wv[o] = _mm512_loadu_ps(w + l * stride + o * 16);
        }
        for (int r = 0; r < n; r++) {
            __m512 x = _mm512_set1_ps(s[r * pixel_stride + l]);
            for (int o = 0; o < vectors; o++) {
                acc[o][r] = _mm512_fmadd_ps(wv[o], x, acc[o][r]);
            }
        }
    }
}

/* The lines of [*from, end) up to `bytes` further; *from moves past them. Into L1 (T0): on Zen 5
 * the cold 49-pixel layers ran 5-10% faster than with T1 (L2) and level with NTA. */
static inline __attribute__((always_inline)) void prefetch_lines(const char **from, const char *end, int64_t bytes) {
    if (*from >= end) {
        return;
    }
    const char *stop = *from + bytes < end ? *from + bytes : end;
    for (; *from < stop; *from += 64) {
        _mm_prefetch(*from, _MM_HINT_T0);
    }
}

/* Outputs of pixels p0 .. p0 + n - 1 for the group's 16 * vectors output channels; n, vectors and
 * blocked_in are compile-time constants at each call. Meanwhile the lines [pf, pf_end) are
 * prefetched, pf_per_block bytes per block of 16 input channels, so that memory streams
 * them while the multiply-adds run. */
static inline __attribute__((always_inline)) void tile(const group_t *g, int64_t p0, const int n, const int vectors,
                                                       const int blocked_in, const char *pf, const char *pf_end, int64_t pf_per_block) {
    __m512 acc[2][PIXELS];
    for (int o = 0; o < vectors; o++) {
        __mmask16 lanes = o == vectors - 1 ? g->last_lanes : 0xFFFF;
        __m512 b = _mm512_maskz_loadu_ps(lanes, g->bias + o * 16);
        for (int r = 0; r < n; r++) {
            acc[o][r] = b;
        }
    }
    const int64_t stride = 16 * vectors;
    const int64_t pixel_stride = blocked_in ? 16 : g->in.pixel_stride;
    const float *s = g->src + p0 * pixel_stride;
    int64_t blocks = g->in_channels / 16;
    for (int64_t cb = 0; cb < blocks; cb++) {
        prefetch_lines(&pf, pf_end, pf_per_block);
        accumulate_block(acc, s + cb * g->in.block_stride, g->packed + cb * 16 * stride, pixel_stride, 16, n, vectors);
    }
    int rest = (int)(g->in_channels % 16);
    if (!blocked_in && rest > 0) {
        prefetch_lines(&pf, pf_end, pf_end - pf);
        accumulate_block(acc, s + blocks * 16, g->packed + blocks * 16 * stride, pixel_stride, rest, n, vectors);
    }
    efk_gelu_table table = efk_gelu_load();
    for (int o = 0; o < vectors; o++) {
        __mmask16 lanes = o == vectors - 1 ? g->last_lanes : 0xFFFF;
        for (int r = 0; r < n; r++) {
            float *out = g->dst + o * g->out.block_stride + (p0 + r) * g->out.pixel_stride;
            __m512 v = g->gelu ? efk_gelu(acc[o][r], &table) : acc[o][r];
            if (g->accumulate) {
                v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(lanes, out));
            }
            _mm512_mask_storeu_ps(out, lanes, v);
        }
    }
}

/* A tile of n <= PIXELS pixels, n as a constant in each branch. */
#define TILE_CASE(k) \
    case k: \
        tile(g, p0, k, vectors, blocked_in, pf, pf_end, pf_per_block); \
        break;

static inline __attribute__((always_inline)) void any_tile(const group_t *g, int64_t p0, int n, const int vectors,
                                                           const int blocked_in, const char *pf, const char *pf_end, int64_t pf_per_block) {
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
static inline __attribute__((always_inline)) void run_chunk(const group_t *g, int64_t p0, int64_t p1, const int vectors,
                                                            const int blocked_in) {
    int64_t tiles = (p1 - p0 + PIXELS - 1) / PIXELS;
    int64_t base = (p1 - p0) / tiles, longer = (p1 - p0) % tiles;
    int64_t p = p0;
    /* Each tile prefetches its share of the group's prefetch region, spread over its blocks of
     * input channels. */
    int64_t share = (g->prefetch_bytes / 64 + tiles - 1) / tiles * 64;
    int64_t blocks = g->in_channels / 16 > 0 ? g->in_channels / 16 : 1;
    int64_t per_block = (share / 64 + blocks - 1) / blocks * 64;
    for (int64_t t = 0; t < tiles; t++) {
        int n = (int)(base + (t < longer));
        const char *pf = NULL, *pf_end = NULL;
        if (g->prefetch != NULL) {
            pf = g->prefetch + (t * share < g->prefetch_bytes ? t * share : g->prefetch_bytes);
            pf_end = g->prefetch + (t * share + share < g->prefetch_bytes ? t * share + share : g->prefetch_bytes);
        }
        any_tile(g, p, n, vectors, blocked_in, pf, pf_end, per_block);
        p += n;
    }
}

static void run_chunk_32_blocked(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 2, 1);
}

static void run_chunk_16_blocked(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 1, 1);
}

static void run_chunk_32_nhwc(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 2, 0);
}

static void run_chunk_16_nhwc(const group_t *g, int64_t p0, int64_t p1) {
    run_chunk(g, p0, p1, 1, 0);
}

typedef struct {
    const float *src;
    float *dst;
    const float *packed, *bias;
    int64_t in_channels, out_channels, pixels, chunks;
    map_strides in, out;
    int blocked_in, gelu, accumulate, groups_outer;
} problem_t;

/* Vectors of 16 output channels in group gi: 2, or 1 for a last group of 16 (out_channels rounded
 * up to 16, as the weights are packed). */
static inline int group_vectors(int64_t out_channels, int64_t gi) {
    return gi * 32 + 32 <= (out_channels + 15) / 16 * 16 ? 2 : 1;
}

/* Part `part` of `parts` near-equal parts of `bytes` bytes from `from`, in whole cache lines, as
 * the region group g prefetches. */
static void prefetch_part(group_t *g, const char *from, int64_t bytes, int64_t part, int64_t parts) {
    int64_t slice = ((bytes + 63) / 64 + parts - 1) / parts * 64;
    if (part * slice < bytes) {
        g->prefetch = from + part * slice;
        g->prefetch_bytes = part * slice + slice <= bytes ? slice : bytes - part * slice;
    }
}

/* What item (gi, c) prefetches while it computes: the next group's weights, which the
 * items after it would otherwise wait for from memory (a model's weights are cold every run).
 * Groups outer: each of group gi's chunks prefetches a slice of them. Chunks outer: only the
 * first chunk streams the weights (later chunks find them in cache), so only its items prefetch.
 * (Prefetching the caller's next layer's first group at the end of the last one, through an
 * argument, measured no gain: not done.) */
static void prefetch_after(const problem_t *q, int64_t gi, int64_t c, group_t *g) {
    int64_t groups = (q->out_channels + 31) / 32;
    if (gi + 1 >= groups || (!q->groups_outer && c > 0)) {
        return;
    }
    const char *next_group = (const char *)(q->packed + (gi + 1) * 32 * q->in_channels);
    int64_t next_group_bytes = group_vectors(q->out_channels, gi + 1) * 16 * q->in_channels * (int64_t)sizeof(float);
    prefetch_part(g, next_group, next_group_bytes, q->groups_outer ? c : 0, q->groups_outer ? q->chunks : 1);
}

static map_strides strides_of(int64_t channels, int64_t pixels, int64_t channel_block) {
    map_strides s = {channel_block == 16 ? pixels * 16 : 16, channel_block == 16 ? 16 : channels};
    return s;
}

/* Chunk c (of near-equal chunks, as tiles are) of group gi of image b. */
static inline void run_item(const problem_t *q, int64_t b, int64_t gi, int64_t c) {
    int vectors = group_vectors(q->out_channels, gi);
    int64_t last = q->out_channels - gi * 32 - (vectors - 1) * 16;
    group_t g = {q->src + b * q->in_channels * q->pixels,
                 q->dst + b * q->out_channels * q->pixels + gi * 2 * q->out.block_stride,
                 q->packed + gi * 32 * q->in_channels,
                 q->bias + gi * 32,
                 q->in_channels,
                 q->in,
                 q->out,
                 (__mmask16)(last >= 16 ? 0xFFFF : (1u << last) - 1),
                 q->gelu,
                 q->accumulate,
                 NULL,
                 0};
    prefetch_after(q, gi, c, &g);
    int64_t p0 = c * (q->pixels / q->chunks) + (c < q->pixels % q->chunks ? c : q->pixels % q->chunks);
    int64_t p1 = p0 + q->pixels / q->chunks + (c < q->pixels % q->chunks);
    if (q->blocked_in) {
        (vectors == 2 ? run_chunk_32_blocked : run_chunk_16_blocked)(&g, p0, p1);
    } else {
        (vectors == 2 ? run_chunk_32_nhwc : run_chunk_16_nhwc)(&g, p0, p1);
    }
}

void efk_conv1x1_avx512(const float *src, float *dst, const float *packed, const float *bias, int64_t batch, int64_t in_channels,
                        int64_t out_channels, int64_t pixels, int64_t src_block, int64_t dst_block, int gelu, int accumulate) {
    int64_t groups = (out_channels + 31) / 32;
    problem_t q = {src, dst, packed, bias, in_channels, out_channels, pixels, (pixels + CHUNK - 1) / CHUNK,
                   strides_of(in_channels, pixels, src_block), strides_of(out_channels, pixels, dst_block), src_block == 16, gelu,
                   accumulate, out_channels > pixels};
    /* Every output is the same sum in the same order whatever the split or the order, so the
     * result does not depend on the thread count. The inner loop re-reads what the outer one
     * does not change: the weights when chunks are outer, an image's input when groups are; the
     * smaller of the two goes inside, where it stays in cache. */
    if (!q.groups_outer) {
#pragma omp parallel for collapse(3) schedule(static)
        for (int64_t b = 0; b < batch; b++) {
            for (int64_t c = 0; c < q.chunks; c++) {
                for (int64_t gi = 0; gi < groups; gi++) {
                    run_item(&q, b, gi, c);
                }
            }
        }
    } else {
#pragma omp parallel for collapse(3) schedule(static)
        for (int64_t b = 0; b < batch; b++) {
            for (int64_t gi = 0; gi < groups; gi++) {
                for (int64_t c = 0; c < q.chunks; c++) {
                    run_item(&q, b, gi, c);
                }
            }
        }
    }
}
