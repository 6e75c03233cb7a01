/* The AVX-512 kernels behind the C API: compiled with -mavx512f, called only after library.c has
 * checked the arguments and the CPU (so no AVX-512 instruction runs on a CPU without it). */
#ifndef EFK_KERNELS_AVX512_H
#define EFK_KERNELS_AVX512_H

#include <immintrin.h>
#include <stdint.h>

/*
 * One plane of a map: 16 channels of one image, [height][width][16 lanes] with a pixel stride (16
 * in nChw16c, the channel count in NHWC). The per-channel kernels walk a map one plane at a time;
 * the last plane of an NHWC map whose channels are not a multiple of 16 has fewer lanes set.
 */
typedef struct {
    const float *src;
    float *dst;
    int64_t height, width, pixel_stride;
    __mmask16 lanes;
} efk_plane;

/* Plane cb of image b of a map in either layout (channel_block 16 or channels). */
static inline efk_plane efk_plane_of(const float *src, float *dst, int64_t b, int64_t cb, int64_t channels, int64_t height,
                                     int64_t width, int64_t channel_block) {
    int64_t image = channels * height * width;
    int64_t offset = channel_block == 16 ? b * image + cb * height * width * 16 : b * image + cb * 16;
    int64_t lanes = channels - cb * 16 < 16 ? channels - cb * 16 : 16;
    efk_plane p = {src + offset, dst + offset, height, width, channel_block, (__mmask16)((1u << lanes) - 1)};
    return p;
}

__attribute__((visibility("hidden"))) void efk_dwconv3x3_avx512(const float *src, float *dst, const float *weights,
                                                                const float *bias, int64_t batch, int64_t channels,
                                                                int64_t height, int64_t width, int64_t channel_block, int gelu);

__attribute__((visibility("hidden"))) void efk_upsample2x_avx512(const float *src, float *dst, int64_t batch, int64_t channels,
                                                                 int64_t height, int64_t width, int gelu);

__attribute__((visibility("hidden"))) void efk_pool_mixer3x3_avx512(const float *src, float *dst, const float *scale,
                                                                    int64_t batch, int64_t channels, int64_t height,
                                                                    int64_t width, int64_t channel_block);

__attribute__((visibility("hidden"))) void efk_conv1x1_avx512(const float *src, float *dst, const float *packed, const float *bias,
                                                              int64_t batch, int64_t in_channels, int64_t out_channels,
                                                              int64_t pixels, int64_t src_block, int64_t dst_block, int gelu,
                                                              int accumulate);

__attribute__((visibility("hidden"))) void efk_stem3x3s2_avx512(const float *src, float *dst, const float *weights, const float *bias,
                                                                int64_t batch, int64_t in_channels, int64_t out_channels,
                                                                int64_t height, int64_t width, int64_t channel_block,
                                                                int activation);

#endif
