// Fully connected layer (NEGEMM) and batched matmul for attention (NEMatMul).
#include "common.hpp"

#include <arm_compute/function_info/GEMMInfo.h>
#include <arm_compute/function_info/MatMulInfo.h>
#include <arm_compute/runtime/NEON/functions/NEActivationLayer.h>
#include <arm_compute/runtime/NEON/functions/NEGEMM.h>
#include <arm_compute/runtime/NEON/functions/NEMatMul.h>

#include <cmath>
#include <cstring>
#include <algorithm>
#include <memory>

using namespace efacl;

// ------------------------------------------------------------------------------ linear

struct efacl_linear {
    arm_compute::Tensor src, weights_t, bias, dst;
    arm_compute::NEGEMM fn;
};

extern "C" int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features,
                                   const float *weight, size_t weight_len, const float *bias, size_t bias_len,
                                   int activation) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_linear_create", [&] {
        check_out(out);
        check_positive("rows", rows);
        check_positive("in_features", in_features);
        check_positive("out_features", out_features);
        element_count("src", {rows, in_features});
        element_count("dst", {rows, out_features});
        const int64_t wcount = element_count("weight", {out_features, in_features});
        check_buffer("weight", weight, weight_len, wcount);
        const bool has_bias = check_optional_buffer("bias", bias, bias_len, out_features);
        const arm_compute::ActivationLayerInfo act = activation_info(activation);

        auto op = std::make_unique<efacl_linear>();
        // GEMM: dst[rows][out] = src[rows][in] x Wt[in][out] (+ bias broadcast over rows).
        init_tensor(op->src, shape_of({rows, in_features}));
        init_tensor(op->weights_t, shape_of({in_features, out_features}), arm_compute::DataLayout::NCHW, true);
        if (has_bias) init_tensor(op->bias, shape_of({out_features}), arm_compute::DataLayout::NCHW, true);
        init_tensor(op->dst, shape_of({rows, out_features}));
        const arm_compute::GEMMInfo info(false, false, /* reshape_b_only_on_first_run */ true, 0, false, false,
                                         arm_compute::GEMMLowpOutputStageInfo(), false, false, false, act);
        const float beta = has_bias ? 1.f : 0.f;
        acl_check(arm_compute::NEGEMM::validate(op->src.info(), op->weights_t.info(),
                                                has_bias ? op->bias.info() : nullptr, op->dst.info(), 1.f, beta, info),
                  "this linear layer");
        op->fn.configure(&op->src, &op->weights_t, has_bias ? &op->bias : nullptr, &op->dst, 1.f, beta, info);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");

        // PyTorch's W[out][in], stored transposed as the GEMM's B = W^T [in][out].
        op->weights_t.allocator()->allocate();
        float *wt = reinterpret_cast<float *>(op->weights_t.buffer());
        if (wt == nullptr) throw std::bad_alloc();
        for (int o = 0; o < out_features; ++o)
            for (int i = 0; i < in_features; ++i)
                wt[int64_t(i) * out_features + o] = weight[int64_t(o) * in_features + i];
        if (has_bias) allocate_and_copy(op->bias, bias, size_t(out_features));
        {
            std::lock_guard<std::mutex> lock(run_mutex());
            op->fn.prepare();
        }
        *out = op.release();
    });
}

extern "C" int efacl_linear_run(efacl_linear *op, const float *src, float *dst) {
    return guard("efacl_linear_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_linear_destroy(efacl_linear *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ matmul

namespace {

// One operand of the batched matmul: a strided view [b0][b1][rows][cols], cols contiguous.
struct View {
    int64_t b0, b1, rows, cols;
    int64_t s[3]; // strides in floats of b0, b1 and rows
    bool dense;   // laid out exactly as the dense ACL tensor: imported without copying

    // Gathers the view into dense memory.
    void gather(const float *src, float *dense_dst) const {
        float *d = dense_dst;
        for (int64_t i0 = 0; i0 < b0; ++i0)
            for (int64_t i1 = 0; i1 < b1; ++i1)
                for (int64_t r = 0; r < rows; ++r, d += cols)
                    std::memcpy(d, src + i0 * s[0] + i1 * s[1] + r * s[2], size_t(cols) * sizeof(float));
    }
    // Scatters dense memory into the view.
    void scatter(const float *dense_src, float *dst) const {
        const float *d = dense_src;
        for (int64_t i0 = 0; i0 < b0; ++i0)
            for (int64_t i1 = 0; i1 < b1; ++i1)
                for (int64_t r = 0; r < rows; ++r, d += cols)
                    std::memcpy(dst + i0 * s[0] + i1 * s[1] + r * s[2], d, size_t(cols) * sizeof(float));
    }
};

View make_view(const char *name, int64_t b0, int64_t b1, int64_t rows, int64_t cols, const int64_t *strides) {
    View v{b0, b1, rows, cols, {b1 * rows * cols, rows * cols, cols}, true};
    if (strides == nullptr) return v;
    const std::string n(name);
    for (int i = 0; i < 3; ++i) {
        if (strides[i] < 0) invalid(n + " stride " + std::to_string(i) + " is negative");
    }
    if (rows > 1 && strides[2] < cols) {
        invalid(n + " row stride " + std::to_string(strides[2]) + " is smaller than the row length " +
                std::to_string(cols));
    }
    // Highest element offset + 1 must not overflow.
    int64_t reach = cols, t;
    const int64_t counts[3] = {b0, b1, rows};
    for (int i = 0; i < 3; ++i) {
        if (__builtin_mul_overflow(counts[i] - 1, strides[i], &t) || __builtin_add_overflow(reach, t, &reach) ||
            reach > (int64_t(1) << 60)) {
            invalid(n + " strides reach beyond any buffer (overflow)");
        }
    }
    for (int i = 0; i < 3; ++i) v.s[i] = strides[i];
    // Dense when every stride of a dimension larger than 1 is the dense one.
    const int64_t dense[3] = {b1 * rows * cols, rows * cols, cols};
    for (int i = 0; i < 3; ++i) {
        if (counts[i] > 1 && strides[i] != dense[i]) v.dense = false;
    }
    return v;
}

} // namespace

struct efacl_matmul {
    arm_compute::Tensor a, b, c;
    arm_compute::NEMatMul fn;
    arm_compute::NEActivationLayer scale; // alpha, when alpha != 1
    bool scaled = false;
    View va, vb, vc;
};

extern "C" int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k,
                                   const int64_t a_strides[3], int b_transposed, const int64_t b_strides[3],
                                   const int64_t c_strides[3], float alpha) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_matmul_create", [&] {
        check_out(out);
        check_positive("batch0", batch0);
        check_positive("batch1", batch1);
        check_positive("m", m);
        check_positive("n", n);
        check_positive("k", k);
        if (b_transposed != 0 && b_transposed != 1) invalid("b_transposed must be 0 or 1");
        if (!std::isfinite(alpha)) invalid("alpha must be finite");
        element_count("a", {batch0, batch1, m, k});
        element_count("b", {batch0, batch1, k, n});
        element_count("c", {batch0, batch1, m, n});

        auto op = std::make_unique<efacl_matmul>();
        op->va = make_view("a", batch0, batch1, m, k, a_strides);
        op->vb = b_transposed ? make_view("b", batch0, batch1, n, k, b_strides)
                              : make_view("b", batch0, batch1, k, n, b_strides);
        op->vc = make_view("c", batch0, batch1, m, n, c_strides);

        // ACL shapes are innermost first: a (k, m, b1, b0), b (n, k, ...) or, transposed, (k, n, ...).
        init_tensor(op->a, shape_of({batch0, batch1, m, k}));
        init_tensor(op->b, b_transposed ? shape_of({batch0, batch1, n, k}) : shape_of({batch0, batch1, k, n}));
        init_tensor(op->c, shape_of({batch0, batch1, m, n}));
        // NEMatMul refuses constant operands ("LHS Tensor must be dynamic"): both change every run.
        op->a.info()->set_are_values_constant(false);
        op->b.info()->set_are_values_constant(false);
        arm_compute::MatMulInfo info;
        info.adj_lhs(false).adj_rhs(b_transposed == 1);
        const arm_compute::CpuMatMulSettings settings;
        acl_check(arm_compute::NEMatMul::validate(op->a.info(), op->b.info(), op->c.info(), info, settings),
                  "this matmul");
        op->fn.configure(&op->a, &op->b, &op->c, info, settings);
        check_dense(op->a, "a");
        check_dense(op->b, "b");
        check_dense(op->c, "c");
        if (alpha != 1.f) {
            const arm_compute::ActivationLayerInfo lin(arm_compute::ActivationLayerInfo::ActivationFunction::LINEAR,
                                                       alpha, 0.f);
            acl_check(arm_compute::NEActivationLayer::validate(op->c.info(), nullptr, lin), "scaling by alpha");
            op->scale.configure(&op->c, nullptr, lin);
            op->scaled = true;
        }
        // Views that are not dense go through buffers of the handle.
        if (!op->va.dense) op->a.allocator()->allocate();
        if (!op->vb.dense) op->b.allocator()->allocate();
        if (!op->vc.dense) op->c.allocator()->allocate();
        *out = op.release();
    });
}

extern "C" int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c) {
    return guard("efacl_matmul_run", [&] {
        check_handle(op);
        check_data("a", a);
        check_data("b", b);
        check_data("c", c);
        std::lock_guard<std::mutex> lock(run_mutex());
        if (op->va.dense) import(op->a, a);
        else op->va.gather(a, reinterpret_cast<float *>(op->a.buffer()));
        if (op->vb.dense) import(op->b, b);
        else op->vb.gather(b, reinterpret_cast<float *>(op->b.buffer()));
        if (op->vc.dense) import(op->c, c);
        op->fn.run();
        if (op->scaled) op->scale.run();
        if (!op->vc.dense) op->vc.scatter(reinterpret_cast<const float *>(op->c.buffer()), c);
    });
}

extern "C" void efacl_matmul_destroy(efacl_matmul *op) {
    try {
        delete op;
    } catch (...) {
    }
}
