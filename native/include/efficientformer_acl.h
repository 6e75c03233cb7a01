/*
 * efficientformer_acl.h - the C API of the efficientformer-java shim over the Arm Compute Library.
 *
 * A small C ABI (no C++ type, no exception crosses it) over ACL's NEON runtime functions, made to be
 * bound with java.lang.foreign. Everything is fp32.
 *
 * Model of use: "configure once, run many times". Each operator is an opaque handle created with
 * its shapes and parameters (and, for weights, a pointer + element count: the shim copies them at
 * creation, so the caller may free them afterwards). efacl_<op>_run() then computes on caller
 * memory: src and dst pointers are imported into ACL tensors without copying, for the duration of
 * the call only. efacl_<op>_destroy() frees the handle (NULL is accepted and ignored).
 *
 * Layouts (one for the whole shim):
 *   - feature maps are NHWC, dense: element (n, y, x, c) is at ((n*H + y)*W + x)*C + c. A [B, C, H, W]
 *     PyTorch tensor stored NHWC is also the token-major [B, H*W, C] of the transformer stages.
 *   - convolution weights are PyTorch's OIHW [Cout][Cin][kh][kw] (EFACL_WEIGHTS_OIHW) or OHWI
 *     [Cout][kh][kw][Cin] (EFACL_WEIGHTS_OHWI); linear weights are PyTorch's [out][in].
 *   - matrices are row-major; "last dim" is the contiguous one.
 *   - every shape argument lists dimensions outermost first (as in C, numpy and PyTorch).
 *
 * Errors: every function returning int returns EFACL_OK (0) or a negative EFACL_ERR_* code, and
 * then efacl_last_error() describes it. Arguments are validated before ACL is touched (NULL
 * pointers, non-positive sizes, element counts, overflow, float alignment of pointers; every
 * tensor must have at most 2^31 - 1 elements); what ACL itself rejects comes back as
 * EFACL_ERR_UNSUPPORTED with ACL's message. On failure a create function leaves *out set to NULL.
 *
 * Threads: a handle must not be run from two threads at once (run imports the caller's buffers
 * into the handle's tensors). Different handles may be used from different threads: runs are
 * serialised inside the shim, because ACL's CPU scheduler (one thread pool per process) is not
 * safe to enter concurrently; each run itself uses all of the scheduler's threads
 * (efacl_set_num_threads).
 *
 * Buffer sizes cannot be checked through raw pointers: src/dst must hold at least the number of
 * floats the shapes imply (given for each op below). dst must not overlap a source unless an op
 * says so.
 */
#ifndef EFFICIENTFORMER_ACL_H
#define EFFICIENTFORMER_ACL_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define EFACL_API __declspec(dllexport)
#elif defined(__GNUC__)
#define EFACL_API __attribute__((visibility("default")))
#else
#define EFACL_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version of this header: bumped on any incompatible change. efacl_abi_version() returns the
 * library's, so a binding can refuse a mismatching library. */
#define EFACL_ABI_VERSION 1

/* ------------------------------------------------------------------------------ status codes */
#define EFACL_OK 0
#define EFACL_ERR_INVALID_ARGUMENT (-1) /* NULL pointer, bad size, bad enum, size overflow...   */
#define EFACL_ERR_UNSUPPORTED (-2)      /* ACL's validate() rejected the configuration          */
#define EFACL_ERR_OUT_OF_MEMORY (-3)    /* allocation failed                                    */
#define EFACL_ERR_RUNTIME (-4)          /* ACL failed while configuring or running              */
#define EFACL_ERR_INTERNAL (-5)         /* any other exception caught at the boundary           */

/* ------------------------------------------------------------------------------ enumerations */
/* Activation fused into convolution, linear, or run alone (efacl_activation). */
#define EFACL_ACT_NONE 0
#define EFACL_ACT_RELU 1
#define EFACL_ACT_GELU 2 /* exact (erf) GELU, as PyTorch's nn.GELU() */

/* Convolution weight layouts. */
#define EFACL_WEIGHTS_OIHW 0 /* PyTorch: [Cout][Cin][kh][kw] */
#define EFACL_WEIGHTS_OHWI 1 /* [Cout][kh][kw][Cin], ACL's own NHWC order */

/* Elementwise operations. */
#define EFACL_ELTWISE_ADD 0
#define EFACL_ELTWISE_SUB 1 /* a - b */
#define EFACL_ELTWISE_MUL 2

/* Largest rank accepted by efacl_eltwise (ACL's limit). */
#define EFACL_MAX_RANK 6

/* ------------------------------------------------------------------------------ library */

/* "efficientformer_acl <version> (Arm Compute Library <version>)"; static storage. */
EFACL_API const char *efacl_version(void);

/* EFACL_ABI_VERSION of the library. */
EFACL_API int efacl_abi_version(void);

/* Message of the last error on the calling thread ("" if none yet). Thread-local storage, valid
 * until the next efacl_* call on this thread. Never NULL. */
EFACL_API const char *efacl_last_error(void);

/* Name of a status code ("EFACL_OK", "EFACL_ERR_INVALID_ARGUMENT", ...); static storage. */
EFACL_API const char *efacl_status_name(int status);

/* Number of threads ACL's scheduler uses for each run; 0 = one per CPU core. The getter returns the
 * count (>= 1) or a negative status. */
EFACL_API int efacl_set_num_threads(int threads);
EFACL_API int efacl_get_num_threads(void);

/* One line describing what ACL detected: CPU count, model and features (fp16, dotprod, sve...)
 * and thread count. Thread-local storage, valid until the next efacl_* call on this thread. */
EFACL_API const char *efacl_cpu_info(void);

/* ------------------------------------------------------------------------------ conv2d */
/* 2-D convolution, NHWC: src [n][h][w][c_in] -> dst [n][oh][ow][c_out] with
 *   oh = (h + pad_top + pad_bottom - kernel_h) / stride_h + 1   (floor)
 *   ow = (w + pad_left + pad_right - kernel_w) / stride_w + 1
 * weights: c_out*c_in*kernel_h*kernel_w floats in weights_layout; bias: c_out floats or NULL
 * (then bias_len must be 0). activation: EFACL_ACT_*, applied after the bias. */
typedef struct efacl_conv2d efacl_conv2d;
EFACL_API int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out,
                                  int kernel_h, int kernel_w, int stride_h, int stride_w,
                                  int pad_top, int pad_left, int pad_bottom, int pad_right,
                                  const float *weights, size_t weights_len, int weights_layout,
                                  const float *bias, size_t bias_len, int activation);
/* dims[4] = {n, oh, ow, c_out}. */
EFACL_API int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4]);
EFACL_API int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst);
EFACL_API void efacl_conv2d_destroy(efacl_conv2d *op);

/* ------------------------------------------------------------------------------ dwconv2d */
/* Depthwise 2-D convolution (one filter per channel, PyTorch's groups = c), NHWC:
 * src [n][h][w][c] -> dst [n][oh][ow][c], sizes as for conv2d. weights: c*kernel_h*kernel_w floats
 * in PyTorch's order [c][1][kernel_h][kernel_w]; bias: c floats or NULL (then bias_len must be 0).
 * activation: EFACL_ACT_*, applied after the bias. */
typedef struct efacl_dwconv2d efacl_dwconv2d;
EFACL_API int efacl_dwconv2d_create(efacl_dwconv2d **out, int n, int h, int w, int c, int kernel_h,
                                    int kernel_w, int stride_h, int stride_w, int pad_top,
                                    int pad_left, int pad_bottom, int pad_right,
                                    const float *weights, size_t weights_len, const float *bias,
                                    size_t bias_len, int activation);
/* dims[4] = {n, oh, ow, c}. */
EFACL_API int efacl_dwconv2d_dst_dims(const efacl_dwconv2d *op, int dims[4]);
EFACL_API int efacl_dwconv2d_run(efacl_dwconv2d *op, const float *src, float *dst);
EFACL_API void efacl_dwconv2d_destroy(efacl_dwconv2d *op);

/* ------------------------------------------------------------------------------ avgpool */
/* Average pooling, NHWC: src [n][h][w][c] -> dst [n][oh][ow][c] (sizes as for conv2d, floor).
 * count_include_pad = 0 divides by the number of real input elements under the window (PyTorch
 * AvgPool2d(count_include_pad=False), the EfficientFormer pool mixer); 1 divides by kh*kw.
 * Each pad must be smaller than the kernel along its axis. A mean over all tokens of [B, N, C] is
 * this op with h = N, w = 1, kernel (N, 1). */
typedef struct efacl_avgpool efacl_avgpool;
EFACL_API int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h,
                                   int kernel_w, int stride_h, int stride_w, int pad_top,
                                   int pad_left, int pad_bottom, int pad_right,
                                   int count_include_pad);
/* dims[4] = {n, oh, ow, c}. */
EFACL_API int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4]);
EFACL_API int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst);
EFACL_API void efacl_avgpool_destroy(efacl_avgpool *op);

/* ------------------------------------------------------------------------------ linear */
/* Fully connected / GEMM: dst[rows][out] = act(src[rows][in] * W^T + b), W = weight[out][in]
 * (PyTorch nn.Linear), b = bias[out] or NULL (then bias_len must be 0). */
typedef struct efacl_linear efacl_linear;
EFACL_API int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features,
                                  const float *weight, size_t weight_len, const float *bias,
                                  size_t bias_len, int activation);
EFACL_API int efacl_linear_run(efacl_linear *op, const float *src, float *dst);
EFACL_API void efacl_linear_destroy(efacl_linear *op);

/* ------------------------------------------------------------------------------ matmul */
/* Batched matrix product for attention, over a two-level batch (b0, b1), e.g. (batch, head):
 *   C[b0][b1] = alpha * A[b0][b1] (m x k) * B[b0][b1] (k x n)
 * Each operand is a strided view: the last dim is contiguous and strides[3] = {b0, b1, row}
 * give the distance in floats between consecutive b0, b1 and rows (NULL = dense, row-major).
 *   A(b0, b1, i, p) = a[b0*sa[0] + b1*sa[1] + i*sa[2] + p]                 (m rows of k)
 *   B(b0, b1, p, j) = b[b0*sb[0] + b1*sb[1] + p*sb[2] + j]   b_transposed=0 (k rows of n)
 *   B(b0, b1, p, j) = b[b0*sb[0] + b1*sb[1] + j*sb[2] + p]   b_transposed=1 (n rows of k)
 *   C(b0, b1, i, j) = c[b0*sc[0] + b1*sc[1] + i*sc[2] + j]                 (m rows of n)
 * So q.k^T and a.v can read q, k and v in place from the qkv projection [B, N, heads, 2kd+vd]
 * (sa = {N*heads*w, w, heads*w}, b_transposed = 1 for k) and write the head-interleaved
 * [B, N, heads, vd] result directly. Views that are not dense are gathered into (and the result
 * scattered from) buffers of the handle, because ACL's NEMatMul only takes dense tensors; dense
 * views are imported without copying. Strides must be non-negative, row strides at least the row
 * length; dst rows must not overlap each other or the sources. */
typedef struct efacl_matmul efacl_matmul;
EFACL_API int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k,
                                  const int64_t a_strides[3], int b_transposed,
                                  const int64_t b_strides[3], const int64_t c_strides[3],
                                  float alpha);
EFACL_API int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c);
EFACL_API void efacl_matmul_destroy(efacl_matmul *op);

/* ------------------------------------------------------------------------------ layernorm */
/* Layer normalisation over the last dim: for each of the rows of src[rows][cols]
 *   dst = (x - mean) / sqrt(var + eps) * gamma + beta     (biased variance, as PyTorch)
 * gamma, beta: cols floats each, or both NULL (then the lens must be 0) for no affine step.
 * dst may be the same buffer as src. */
typedef struct efacl_layernorm efacl_layernorm;
EFACL_API int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps,
                                     const float *gamma, size_t gamma_len, const float *beta,
                                     size_t beta_len);
EFACL_API int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst);
EFACL_API void efacl_layernorm_destroy(efacl_layernorm *op);

/* ------------------------------------------------------------------------------ softmax */
/* Softmax over the last dim of src[rows][cols]. dst may be the same buffer as src. */
typedef struct efacl_softmax efacl_softmax;
EFACL_API int efacl_softmax_create(efacl_softmax **out, int rows, int cols);
EFACL_API int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst);
EFACL_API void efacl_softmax_destroy(efacl_softmax *op);

/* ------------------------------------------------------------------------------ activation */
/* dst[i] = f(src[i]) for count elements; f = EFACL_ACT_RELU or EFACL_ACT_GELU (EFACL_ACT_NONE
 * copies). dst may be the same buffer as src. */
typedef struct efacl_activation efacl_activation;
EFACL_API int efacl_activation_create(efacl_activation **out, int64_t count, int function);
EFACL_API int efacl_activation_run(efacl_activation *op, const float *src, float *dst);
EFACL_API void efacl_activation_destroy(efacl_activation *op);

/* ------------------------------------------------------------------------------ eltwise */
/* dst = a (op) b with numpy broadcasting over rank dims (1..EFACL_MAX_RANK), outermost first:
 * for each d, a_dims[d] == b_dims[d], or one of them is 1. dst has the broadcast shape
 * (efacl_eltwise_dst_dims). Channel broadcast in NHWC: a {n, h, w, c}, b {1, 1, 1, c}.
 * dst may be the same buffer as a (or b) when that operand already has dst's shape. */
typedef struct efacl_eltwise efacl_eltwise;
EFACL_API int efacl_eltwise_create(efacl_eltwise **out, int op, int rank, const int *a_dims,
                                   const int *b_dims);
/* dims[rank] receives dst's shape. */
EFACL_API int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims);
EFACL_API int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst);
EFACL_API void efacl_eltwise_destroy(efacl_eltwise *op);

#ifdef __cplusplus
}
#endif

#endif /* EFFICIENTFORMER_ACL_H */
