/*
 * The C API of efficientformer_kernels: versions, the CPU check, and each kernel's argument checks
 * before it is called. Compiled without AVX-512 flags so that everything here runs on any x86_64.
 */
#include "efficientformer_kernels.h"

#include <stddef.h>

#include "kernels_avx512.h"

int efk_abi_version(void) {
    return EFK_ABI_VERSION;
}

int efk_cpu_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
}

/* Whether a * b stays below 2^62 for positive a and b, so that no element offset overflows. */
static int product_fits(int64_t a, int64_t b) {
    return a <= ((int64_t)1 << 62) / b;
}

/* Sizes of a map in one of the per-channel kernels' layouts: all positive, the element count
 * representable, the channel block 16 (channels a multiple of it) or the channel count. */
static int map_fits(int64_t batch, int64_t channels, int64_t height, int64_t width, int64_t channel_block) {
    return batch >= 1 && channels >= 1 && height >= 1 && width >= 1
           && (channel_block == channels || (channel_block == 16 && channels % 16 == 0)) && product_fits(batch, channels)
           && product_fits(batch * channels, height) && product_fits(batch * channels * height, width);
}

int efk_dwconv3x3_f32(const float *src, float *dst, const float *weights, const float *bias, int64_t batch, int64_t channels,
                      int64_t height, int64_t width, int64_t channel_block, int gelu) {
    if (src == NULL || dst == NULL || weights == NULL || bias == NULL || (gelu != 0 && gelu != 1)
        || !map_fits(batch, channels, height, width, channel_block)) {
        return EFK_ERR_ARGUMENT;
    }
    if (!efk_cpu_supported()) {
        return EFK_ERR_CPU;
    }
    efk_dwconv3x3_avx512(src, dst, weights, bias, batch, channels, height, width, channel_block, gelu);
    return EFK_OK;
}

int efk_upsample2x_f32(const float *src, float *dst, int64_t batch, int64_t channels, int64_t height, int64_t width, int gelu) {
    if (src == NULL || dst == NULL || batch < 1 || channels < 1 || height < 1 || width < 1 || (gelu != 0 && gelu != 1)
        || !product_fits(batch, channels) || !product_fits(batch * channels, height) || !product_fits(batch * channels * height, width)
        || !product_fits(batch * channels * height * width, 4)) {
        return EFK_ERR_ARGUMENT;
    }
    if (!efk_cpu_supported()) {
        return EFK_ERR_CPU;
    }
    efk_upsample2x_avx512(src, dst, batch, channels, height, width, gelu);
    return EFK_OK;
}

int efk_pool_mixer3x3_f32(const float *src, float *dst, const float *scale, int64_t batch, int64_t channels, int64_t height,
                          int64_t width, int64_t channel_block) {
    if (src == NULL || dst == NULL || scale == NULL || !map_fits(batch, channels, height, width, channel_block)) {
        return EFK_ERR_ARGUMENT;
    }
    if (!efk_cpu_supported()) {
        return EFK_ERR_CPU;
    }
    efk_pool_mixer3x3_avx512(src, dst, scale, batch, channels, height, width, channel_block);
    return EFK_OK;
}

int efk_conv1x1_pack_f32(const float *weights, float *packed, int64_t out_channels, int64_t in_channels) {
    if (weights == NULL || packed == NULL || out_channels < 1 || in_channels < 1 || !product_fits(out_channels + 15, in_channels)) {
        return EFK_ERR_ARGUMENT;
    }
    /* Groups of 32 output channels (the last one 16 wide when the count rounded up to 16 leaves
     * 16), each [in_channels][width], zeros for the channels of the rounding: the order in which
     * conv1x1_avx512.c's tiles read them. */
    int64_t padded = (out_channels + 15) / 16 * 16;
    for (int64_t o = 0; o < padded; o++) {
        int64_t group = o / 32;
        int64_t width = group * 32 + 32 <= padded ? 32 : 16;
        for (int64_t i = 0; i < in_channels; i++) {
            packed[group * 32 * in_channels + i * width + o % 32] = o < out_channels ? weights[o * in_channels + i] : 0.0f;
        }
    }
    return EFK_OK;
}

int efk_conv1x1_f32(const float *src, float *dst, const float *packed, const float *bias, int64_t batch, int64_t in_channels,
                    int64_t out_channels, int64_t pixels, int64_t src_block, int64_t dst_block, int gelu, int accumulate) {
    if (src == NULL || dst == NULL || packed == NULL || bias == NULL || (gelu != 0 && gelu != 1) || (accumulate != 0 && accumulate != 1)
        || !map_fits(batch, in_channels, pixels, 1, src_block) || !map_fits(batch, out_channels, pixels, 1, dst_block)) {
        return EFK_ERR_ARGUMENT;
    }
    if (!efk_cpu_supported()) {
        return EFK_ERR_CPU;
    }
    efk_conv1x1_avx512(src, dst, packed, bias, batch, in_channels, out_channels, pixels, src_block, dst_block, gelu, accumulate);
    return EFK_OK;
}

int efk_stem3x3s2_f32(const float *src, float *dst, const float *weights, const float *bias, int64_t batch, int64_t in_channels,
                      int64_t out_channels, int64_t height, int64_t width, int64_t channel_block, int activation) {
    if (src == NULL || dst == NULL || weights == NULL || bias == NULL || in_channels < 1 || in_channels > 4 || out_channels < 1
        || out_channels > 48 || (activation != EFK_ACTIVATION_NONE && activation != EFK_ACTIVATION_RELU && activation != EFK_ACTIVATION_GELU)
        || !map_fits(batch, in_channels, height, width, in_channels)
        || !map_fits(batch, out_channels, (height - 1) / 2 + 1, (width - 1) / 2 + 1, channel_block)) {
        return EFK_ERR_ARGUMENT;
    }
    if (!efk_cpu_supported()) {
        return EFK_ERR_CPU;
    }
    efk_stem3x3s2_avx512(src, dst, weights, bias, batch, in_channels, out_channels, height, width, channel_block, activation);
    return EFK_OK;
}
