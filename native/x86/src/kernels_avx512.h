/* The AVX-512 kernels behind the C API: compiled with -mavx512f, called only after library.c has
 * checked the arguments and the CPU (so no AVX-512 instruction runs on a CPU without it). */
#ifndef EFK_KERNELS_AVX512_H
#define EFK_KERNELS_AVX512_H

#include <stdint.h>

__attribute__((visibility("hidden"))) void efk_dwconv3x3_avx512(const float *src, float *dst, const float *weights,
                                                                const float *bias, int64_t batch, int64_t channels,
                                                                int64_t height, int64_t width, int64_t channel_block, int gelu);

__attribute__((visibility("hidden"))) void efk_upsample2x_avx512(const float *src, float *dst, int64_t batch, int64_t channels,
                                                                 int64_t height, int64_t width, int gelu);

#endif
