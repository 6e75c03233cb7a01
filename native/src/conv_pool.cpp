// 2-D convolution (NEConvolutionLayer), depthwise convolution (NEDepthwiseConvolutionLayer) and
// average pooling (NEPoolingLayer), all NHWC.
#include "common.hpp"

#include <arm_compute/runtime/NEON/functions/NEConvolutionLayer.h>
#include <arm_compute/runtime/NEON/functions/NEDepthwiseConvolutionLayer.h>
#include <arm_compute/runtime/NEON/functions/NEPoolingLayer.h>

#include <algorithm>
#include <memory>

using namespace efacl;
using arm_compute::DataLayout;

namespace {

// The window geometry shared by convolution and pooling, checked, with the output size.
struct Window2d {
    int n, h, w, c, kh, kw, sh, sw, pt, pl, pb, pr, oh, ow;
};

Window2d window(int n, int h, int w, int c, int kh, int kw, int sh, int sw, int pt, int pl, int pb, int pr) {
    check_positive("n", n);
    check_positive("h", h);
    check_positive("w", w);
    check_positive("channels", c);
    check_positive("kernel_h", kh);
    check_positive("kernel_w", kw);
    check_positive("stride_h", sh);
    check_positive("stride_w", sw);
    check_non_negative("pad_top", pt);
    check_non_negative("pad_left", pl);
    check_non_negative("pad_bottom", pb);
    check_non_negative("pad_right", pr);
    const int64_t ph = int64_t(h) + pt + pb, pw = int64_t(w) + pl + pr;
    if (ph < kh || pw < kw) {
        invalid("the kernel (" + std::to_string(kh) + "x" + std::to_string(kw) + ") is larger than the padded input (" +
                std::to_string(ph) + "x" + std::to_string(pw) + ")");
    }
    Window2d g{n, h, w, c, kh, kw, sh, sw, pt, pl, pb, pr, 0, 0};
    g.oh = static_cast<int>((ph - kh) / sh + 1);
    g.ow = static_cast<int>((pw - kw) / sw + 1);
    element_count("src", {n, h, w, c});
    return g;
}

arm_compute::PadStrideInfo pad_stride(const Window2d &g) {
    return arm_compute::PadStrideInfo(g.sw, g.sh, g.pl, g.pr, g.pt, g.pb, arm_compute::DimensionRoundingType::FLOOR);
}

void check_acl_dims(const arm_compute::Tensor &dst, const Window2d &g, int c_out) {
    const arm_compute::TensorShape &s = dst.info()->tensor_shape();
    if (s[0] != size_t(c_out) || s[1] != size_t(g.ow) || s[2] != size_t(g.oh) || s[3] != size_t(g.n)) {
        fail(EFACL_ERR_RUNTIME, "the Arm Compute Library computed another output shape than " + std::to_string(g.n) + "x" +
                                    std::to_string(g.oh) + "x" + std::to_string(g.ow) + "x" + std::to_string(c_out));
    }
}

} // namespace

// ------------------------------------------------------------------------------ conv2d

struct efacl_conv2d {
    arm_compute::Tensor src, weights, bias, dst;
    arm_compute::NEConvolutionLayer fn;
    int dims[4];
};

extern "C" int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out, int kernel_h,
                                   int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left,
                                   int pad_bottom, int pad_right, const float *weights, size_t weights_len,
                                   int weights_layout, const float *bias, size_t bias_len, int activation) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_conv2d_create", [&] {
        check_out(out);
        const Window2d g = window(n, h, w, c_in, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left,
                                  pad_bottom, pad_right);
        check_positive("c_out", c_out);
        element_count("dst", {n, g.oh, g.ow, c_out});
        const int64_t wcount = element_count("weights", {c_out, c_in, kernel_h, kernel_w});
        check_buffer("weights", weights, weights_len, wcount);
        if (weights_layout != EFACL_WEIGHTS_OIHW && weights_layout != EFACL_WEIGHTS_OHWI) {
            invalid("unknown weights_layout " + std::to_string(weights_layout) +
                    " (expected EFACL_WEIGHTS_OIHW or EFACL_WEIGHTS_OHWI)");
        }
        const bool has_bias = check_optional_buffer("bias", bias, bias_len, c_out);
        const arm_compute::ActivationLayerInfo act = activation_info(activation);

        auto op = std::make_unique<efacl_conv2d>();
        init_tensor(op->src, shape_of({n, h, w, c_in}), DataLayout::NHWC);
        init_tensor(op->weights, shape_of({c_out, kernel_h, kernel_w, c_in}), DataLayout::NHWC, true);
        if (has_bias) init_tensor(op->bias, shape_of({c_out}), DataLayout::NHWC, true);
        init_tensor(op->dst, shape_of({n, g.oh, g.ow, c_out}), DataLayout::NHWC);
        const arm_compute::PadStrideInfo ps = pad_stride(g);
        acl_check(arm_compute::NEConvolutionLayer::validate(op->src.info(), op->weights.info(),
                                                            has_bias ? op->bias.info() : nullptr, op->dst.info(), ps,
                                                            arm_compute::WeightsInfo(), arm_compute::Size2D(1U, 1U),
                                                            act),
                  "this convolution");
        op->fn.configure(&op->src, &op->weights, has_bias ? &op->bias : nullptr, &op->dst, ps,
                         arm_compute::WeightsInfo(), arm_compute::Size2D(1U, 1U), act);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        check_acl_dims(op->dst, g, c_out);

        // Weights: copied into ACL's NHWC order [Cout][kh][kw][Cin].
        op->weights.allocator()->allocate();
        float *wd = reinterpret_cast<float *>(op->weights.buffer());
        if (wd == nullptr) throw std::bad_alloc();
        if (weights_layout == EFACL_WEIGHTS_OHWI) {
            std::copy(weights, weights + wcount, wd);
        } else {
            for (int o = 0; o < c_out; ++o)
                for (int i = 0; i < c_in; ++i)
                    for (int y = 0; y < kernel_h; ++y)
                        for (int x = 0; x < kernel_w; ++x)
                            wd[((int64_t(o) * kernel_h + y) * kernel_w + x) * c_in + i] =
                                weights[((int64_t(o) * c_in + i) * kernel_h + y) * kernel_w + x];
        }
        if (has_bias) allocate_and_copy(op->bias, bias, size_t(c_out));
        // Reshape/pack the weights now rather than in the first run.
        {
            std::lock_guard<std::mutex> lock(run_mutex());
            op->fn.prepare();
        }
        op->dims[0] = n;
        op->dims[1] = g.oh;
        op->dims[2] = g.ow;
        op->dims[3] = c_out;
        *out = op.release();
    });
}

extern "C" int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4]) {
    return guard("efacl_conv2d_dst_dims", [&] {
        check_handle(op);
        if (dims == nullptr) invalid("dims is NULL");
        std::copy(op->dims, op->dims + 4, dims);
    });
}

extern "C" int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst) {
    return guard("efacl_conv2d_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_conv2d_destroy(efacl_conv2d *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ dwconv2d

struct efacl_dwconv2d {
    arm_compute::Tensor src, weights, bias, dst;
    arm_compute::NEDepthwiseConvolutionLayer fn;
    int dims[4];
};

extern "C" int efacl_dwconv2d_create(efacl_dwconv2d **out, int n, int h, int w, int c, int kernel_h, int kernel_w,
                                     int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom,
                                     int pad_right, const float *weights, size_t weights_len, const float *bias,
                                     size_t bias_len, int activation) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_dwconv2d_create", [&] {
        check_out(out);
        const Window2d g = window(n, h, w, c, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left,
                                  pad_bottom, pad_right);
        element_count("dst", {n, g.oh, g.ow, c});
        const int64_t wcount = element_count("weights", {c, kernel_h, kernel_w});
        check_buffer("weights", weights, weights_len, wcount);
        const bool has_bias = check_optional_buffer("bias", bias, bias_len, c);
        const arm_compute::ActivationLayerInfo act = activation_info(activation);

        auto op = std::make_unique<efacl_dwconv2d>();
        init_tensor(op->src, shape_of({n, h, w, c}), DataLayout::NHWC);
        // NHWC depthwise weights are [kh][kw][c] (channels innermost).
        init_tensor(op->weights, shape_of({kernel_h, kernel_w, c}), DataLayout::NHWC, true);
        if (has_bias) init_tensor(op->bias, shape_of({c}), DataLayout::NHWC, true);
        init_tensor(op->dst, shape_of({n, g.oh, g.ow, c}), DataLayout::NHWC);
        const arm_compute::PadStrideInfo ps = pad_stride(g);
        acl_check(arm_compute::NEDepthwiseConvolutionLayer::validate(op->src.info(), op->weights.info(),
                                                                     has_bias ? op->bias.info() : nullptr,
                                                                     op->dst.info(), ps, 1, act),
                  "this depthwise convolution");
        op->fn.configure(&op->src, &op->weights, has_bias ? &op->bias : nullptr, &op->dst, ps, 1, act);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        check_acl_dims(op->dst, g, c);

        op->weights.allocator()->allocate();
        float *wd = reinterpret_cast<float *>(op->weights.buffer());
        if (wd == nullptr) throw std::bad_alloc();
        for (int ch = 0; ch < c; ++ch)
            for (int y = 0; y < kernel_h; ++y)
                for (int x = 0; x < kernel_w; ++x)
                    wd[(int64_t(y) * kernel_w + x) * c + ch] = weights[(int64_t(ch) * kernel_h + y) * kernel_w + x];
        if (has_bias) allocate_and_copy(op->bias, bias, size_t(c));
        {
            std::lock_guard<std::mutex> lock(run_mutex());
            op->fn.prepare();
        }
        op->dims[0] = n;
        op->dims[1] = g.oh;
        op->dims[2] = g.ow;
        op->dims[3] = c;
        *out = op.release();
    });
}

extern "C" int efacl_dwconv2d_dst_dims(const efacl_dwconv2d *op, int dims[4]) {
    return guard("efacl_dwconv2d_dst_dims", [&] {
        check_handle(op);
        if (dims == nullptr) invalid("dims is NULL");
        std::copy(op->dims, op->dims + 4, dims);
    });
}

extern "C" int efacl_dwconv2d_run(efacl_dwconv2d *op, const float *src, float *dst) {
    return guard("efacl_dwconv2d_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_dwconv2d_destroy(efacl_dwconv2d *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ avgpool

struct efacl_avgpool {
    arm_compute::Tensor src, dst;
    arm_compute::NEPoolingLayer fn;
    int dims[4];
};

extern "C" int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h, int kernel_w,
                                    int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom,
                                    int pad_right, int count_include_pad) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_avgpool_create", [&] {
        check_out(out);
        const Window2d g =
            window(n, h, w, c, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left, pad_bottom, pad_right);
        if (pad_top >= kernel_h || pad_bottom >= kernel_h || pad_left >= kernel_w || pad_right >= kernel_w) {
            invalid("each pad must be smaller than the kernel along its axis");
        }
        if (count_include_pad != 0 && count_include_pad != 1) {
            invalid("count_include_pad must be 0 or 1, got " + std::to_string(count_include_pad));
        }
        auto op = std::make_unique<efacl_avgpool>();
        init_tensor(op->src, shape_of({n, h, w, c}), DataLayout::NHWC);
        init_tensor(op->dst, shape_of({n, g.oh, g.ow, c}), DataLayout::NHWC);
        const arm_compute::PoolingLayerInfo info(arm_compute::PoolingType::AVG,
                                                 arm_compute::Size2D(size_t(kernel_w), size_t(kernel_h)),
                                                 DataLayout::NHWC, pad_stride(g),
                                                 /* exclude_padding */ count_include_pad == 0);
        acl_check(arm_compute::NEPoolingLayer::validate(op->src.info(), op->dst.info(), info), "this pooling");
        op->fn.configure(&op->src, &op->dst, info);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        check_acl_dims(op->dst, g, c);
        op->dims[0] = n;
        op->dims[1] = g.oh;
        op->dims[2] = g.ow;
        op->dims[3] = c;
        *out = op.release();
    });
}

extern "C" int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4]) {
    return guard("efacl_avgpool_dst_dims", [&] {
        check_handle(op);
        if (dims == nullptr) invalid("dims is NULL");
        std::copy(op->dims, op->dims + 4, dims);
    });
}

extern "C" int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst) {
    return guard("efacl_avgpool_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_avgpool_destroy(efacl_avgpool *op) {
    try {
        delete op;
    } catch (...) {
    }
}
