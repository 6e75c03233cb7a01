/*
 * efficientformer_kernels: the few x86_64 kernels efficientformer-java runs itself, where oneDNN's
 * primitive for the same op was measured slower (native/x86/README.md has the figures). A plain C
 * ABI for java.lang.foreign: fp32 buffers, int64_t sizes, int status codes. Every function checks
 * its arguments and returns an error code rather than touching memory it was not given.
 */
#ifndef EFFICIENTFORMER_KERNELS_H
#define EFFICIENTFORMER_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define EFK_API __attribute__((visibility("default")))
#else
#define EFK_API
#endif

/** Incremented on any incompatible change of this header. */
#define EFK_ABI_VERSION 2

#define EFK_OK 0
/** An argument is out of range (a NULL buffer, a size below 1, a layout this kernel does not run). */
#define EFK_ERR_ARGUMENT (-1)
/** The CPU lacks the instructions the kernel was built for (see efk_cpu_supported). */
#define EFK_ERR_CPU (-2)

/** EFK_ABI_VERSION of the library that is loaded. */
EFK_API int efk_abi_version(void);

/** 1 when this CPU runs the kernels (they use AVX-512F), else 0. */
EFK_API int efk_cpu_supported(void);

/**
 * Depthwise 3x3 convolution, stride 1, zero padding 1 (the output has the input's size), fp32,
 * with bias and, when gelu is 1, the exact (erf) GELU applied to the result (within 2e-7 of it,
 * relative to max(1, |GELU(x)|)).
 *
 * Layout of src and dst, chosen by channel_block:
 *   16:       [batch][channels / 16][height][width][16]  (oneDNN's nChw16c; channels % 16 == 0)
 *   channels: [batch][height][width][channels]            (NHWC; any channel count)
 * weights: [channels][3][3] (PyTorch's [C][1][3][3]); bias: [channels].
 * src and dst must not overlap. The work is split across the calling thread's OpenMP team
 * (omp_set_num_threads on that thread sets its size); the result does not depend on that size.
 *
 * Returns EFK_OK, EFK_ERR_ARGUMENT or EFK_ERR_CPU.
 */
EFK_API int efk_dwconv3x3_f32(const float *src, float *dst, const float *weights, const float *bias,
                              int64_t batch, int64_t channels, int64_t height, int64_t width,
                              int64_t channel_block, int gelu);

/**
 * Bilinear x2 upsampling with half-pixel centres (PyTorch's interpolate(scale_factor=2,
 * mode="bilinear", align_corners=False)), fp32, and when gelu is 1 the exact GELU after it (as in
 * efk_dwconv3x3_f32).
 *
 * src: [batch][height][width][channels] (NHWC); dst: [batch][2 height][2 width][channels]. src and
 * dst must not overlap. Split across the calling thread's OpenMP team like efk_dwconv3x3_f32.
 *
 * Returns EFK_OK, EFK_ERR_ARGUMENT or EFK_ERR_CPU.
 */
EFK_API int efk_upsample2x_f32(const float *src, float *dst, int64_t batch, int64_t channels, int64_t height, int64_t width,
                               int gelu);

/**
 * EfficientFormer V1's pool mixer: dst = src + scale * (avgpool(src) - src), where avgpool is the
 * 3x3 average, stride 1, padding 1, over the valid neighbours only (PyTorch's
 * AvgPool2d(3, 1, 1, count_include_pad=False)), fp32.
 *
 * src and dst: one layout, chosen by channel_block as for efk_dwconv3x3_f32; scale: [channels].
 * src and dst must not overlap. Split across the calling thread's OpenMP team like
 * efk_dwconv3x3_f32.
 *
 * Returns EFK_OK, EFK_ERR_ARGUMENT or EFK_ERR_CPU.
 */
EFK_API int efk_pool_mixer3x3_f32(const float *src, float *dst, const float *scale, int64_t batch, int64_t channels,
                                  int64_t height, int64_t width, int64_t channel_block);

/**
 * Packs the weights of a 1x1 convolution for efk_conv1x1_f32: weights [out_channels][in_channels]
 * (PyTorch's [O][I][1][1]) into packed, EFK_CONV1X1_PACKED_FLOATS(out_channels, in_channels)
 * floats in the order the kernel reads them (out_channels rounded up to a multiple of 16 with zero
 * weights). The buffers must not overlap.
 *
 * Returns EFK_OK or EFK_ERR_ARGUMENT (this function runs on any CPU).
 */
EFK_API int efk_conv1x1_pack_f32(const float *weights, float *packed, int64_t out_channels, int64_t in_channels);

/** Floats that efk_conv1x1_pack_f32 writes: out_channels rounded up to 16, times in_channels. */
#define EFK_CONV1X1_PACKED_FLOATS(out_channels, in_channels) (((out_channels) + 15) / 16 * 16 * (in_channels))

/**
 * 1x1 convolution, fp32: for every pixel, dst = act(W src + bias), with act the exact GELU (as in
 * efk_dwconv3x3_f32) when gelu is 1, else the identity; when accumulate is 1, the result is added
 * to what dst holds (a residual sum).
 *
 * src holds batch images of in_channels x pixels, dst of out_channels x pixels, each in the layout
 * its channel block chooses (independently):
 *   16:           [batch][channels / 16][pixels][16]  (oneDNN's nChw16c; channels % 16 == 0)
 *   the channels: [batch][pixels][channels]           (NHWC; any channel count)
 * packed: the weights from efk_conv1x1_pack_f32; bias: [out_channels]. src and dst must not
 * overlap. Split across the calling thread's OpenMP team like efk_dwconv3x3_f32; the result does
 * not depend on the team's size.
 *
 * Returns EFK_OK, EFK_ERR_ARGUMENT or EFK_ERR_CPU.
 */
EFK_API int efk_conv1x1_f32(const float *src, float *dst, const float *packed, const float *bias, int64_t batch, int64_t in_channels,
                            int64_t out_channels, int64_t pixels, int64_t src_block, int64_t dst_block, int gelu, int accumulate);

/** Activations after efk_stem3x3s2_f32. */
#define EFK_ACTIVATION_NONE 0
#define EFK_ACTIVATION_RELU 1
/** The exact GELU, as in efk_dwconv3x3_f32. */
#define EFK_ACTIVATION_GELU 2

/**
 * The first convolution of a stem: 3x3, stride 2, zero padding 1, fp32, with bias and an
 * activation (EFK_ACTIVATION_*), reading the image in NCHW. The output is
 * ((height - 1) / 2 + 1) x ((width - 1) / 2 + 1).
 *
 * src: [batch][in_channels][height][width], 1 <= in_channels <= 4; weights:
 * [out_channels][in_channels][3][3]; bias: [out_channels], 1 <= out_channels <= 48. dst in the
 * layout channel_block chooses, as for efk_dwconv3x3_f32 (16: out_channels % 16 == 0; or
 * out_channels: NHWC). src and dst must not overlap. Split across the calling thread's OpenMP team
 * like efk_dwconv3x3_f32.
 *
 * Returns EFK_OK, EFK_ERR_ARGUMENT or EFK_ERR_CPU.
 */
EFK_API int efk_stem3x3s2_f32(const float *src, float *dst, const float *weights, const float *bias, int64_t batch, int64_t in_channels,
                              int64_t out_channels, int64_t height, int64_t width, int64_t channel_block, int activation);

#ifdef __cplusplus
}
#endif

#endif
