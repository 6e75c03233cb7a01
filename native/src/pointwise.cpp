// Row-wise and elementwise operators: layer norm (NEMeanStdDevNormalizationLayer, then
// NEPixelWiseMultiplication and NEArithmeticAddition for gamma and beta), softmax (NESoftmaxLayer),
// activations (NEActivationLayer) and broadcasting add/sub/mul.
#include "common.hpp"

#include <arm_compute/runtime/NEON/functions/NEActivationLayer.h>
#include <arm_compute/runtime/NEON/functions/NEArithmeticAddition.h>
#include <arm_compute/runtime/NEON/functions/NEArithmeticSubtraction.h>
#include <arm_compute/runtime/NEON/functions/NEMeanStdDevNormalizationLayer.h>
#include <arm_compute/runtime/NEON/functions/NEPixelWiseMultiplication.h>
#include <arm_compute/runtime/NEON/functions/NESoftmaxLayer.h>

#include <cmath>
#include <algorithm>
#include <memory>

using namespace efacl;
using arm_compute::ConvertPolicy;
using arm_compute::RoundingPolicy;

// ------------------------------------------------------------------------------ layernorm

struct efacl_layernorm {
    arm_compute::Tensor src, dst, gamma, beta;
    arm_compute::NEMeanStdDevNormalizationLayer norm;
    arm_compute::NEPixelWiseMultiplication mul; // dst *= gamma (in place)
    arm_compute::NEArithmeticAddition add;      // dst += beta (in place)
    bool affine = false;
};

extern "C" int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps, const float *gamma,
                                      size_t gamma_len, const float *beta, size_t beta_len) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_layernorm_create", [&] {
        check_out(out);
        check_positive("rows", rows);
        check_positive("cols", cols);
        element_count("src", {rows, cols});
        if (!std::isfinite(eps) || eps < 0.f) invalid("eps must be finite and not negative");
        const bool has_gamma = check_optional_buffer("gamma", gamma, gamma_len, cols);
        const bool has_beta = check_optional_buffer("beta", beta, beta_len, cols);
        if (has_gamma != has_beta) invalid("gamma and beta must be both given or both NULL");

        auto op = std::make_unique<efacl_layernorm>();
        init_tensor(op->src, shape_of({rows, cols}));
        init_tensor(op->dst, shape_of({rows, cols}));
        acl_check(arm_compute::NEMeanStdDevNormalizationLayer::validate(op->src.info(), op->dst.info(), eps),
                  "this layer norm");
        op->norm.configure(&op->src, &op->dst, eps);
        if (has_gamma) {
            init_tensor(op->gamma, shape_of({cols}), arm_compute::DataLayout::NCHW, true);
            init_tensor(op->beta, shape_of({cols}), arm_compute::DataLayout::NCHW, true);
            acl_check(arm_compute::NEPixelWiseMultiplication::validate(op->dst.info(), op->gamma.info(),
                                                                       op->dst.info(), 1.f, ConvertPolicy::SATURATE,
                                                                       RoundingPolicy::TO_ZERO),
                      "the layer norm's gamma multiplication");
            op->mul.configure(&op->dst, &op->gamma, &op->dst, 1.f, ConvertPolicy::SATURATE, RoundingPolicy::TO_ZERO);
            acl_check(arm_compute::NEArithmeticAddition::validate(op->dst.info(), op->beta.info(), op->dst.info(),
                                                                  ConvertPolicy::SATURATE),
                      "the layer norm's beta addition");
            op->add.configure(&op->dst, &op->beta, &op->dst, ConvertPolicy::SATURATE);
            allocate_and_copy(op->gamma, gamma, size_t(cols));
            allocate_and_copy(op->beta, beta, size_t(cols));
            op->affine = true;
        }
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        *out = op.release();
    });
}

extern "C" int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst) {
    return guard("efacl_layernorm_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->norm.run();
        if (op->affine) {
            op->mul.run();
            op->add.run();
        }
    });
}

extern "C" void efacl_layernorm_destroy(efacl_layernorm *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ softmax

struct efacl_softmax {
    arm_compute::Tensor src, dst;
    arm_compute::NESoftmaxLayer fn;
};

extern "C" int efacl_softmax_create(efacl_softmax **out, int rows, int cols) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_softmax_create", [&] {
        check_out(out);
        check_positive("rows", rows);
        check_positive("cols", cols);
        element_count("src", {rows, cols});
        auto op = std::make_unique<efacl_softmax>();
        init_tensor(op->src, shape_of({rows, cols}));
        init_tensor(op->dst, shape_of({rows, cols}));
        acl_check(arm_compute::NESoftmaxLayer::validate(op->src.info(), op->dst.info(), 1.f, 0), "this softmax");
        op->fn.configure(&op->src, &op->dst, 1.f, 0);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        *out = op.release();
    });
}

extern "C" int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst) {
    return guard("efacl_softmax_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_softmax_destroy(efacl_softmax *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ activation

struct efacl_activation {
    arm_compute::Tensor src, dst;
    arm_compute::NEActivationLayer fn;
};

extern "C" int efacl_activation_create(efacl_activation **out, int64_t count, int function) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_activation_create", [&] {
        check_out(out);
        check_positive("count", count);
        using AF = arm_compute::ActivationLayerInfo::ActivationFunction;
        arm_compute::ActivationLayerInfo act;
        switch (function) {
        case EFACL_ACT_NONE: act = arm_compute::ActivationLayerInfo(AF::IDENTITY); break;
        case EFACL_ACT_RELU: act = arm_compute::ActivationLayerInfo(AF::RELU); break;
        case EFACL_ACT_GELU: act = arm_compute::ActivationLayerInfo(AF::GELU); break;
        default: invalid("unknown activation " + std::to_string(function));
        }
        auto op = std::make_unique<efacl_activation>();
        init_tensor(op->src, shape_of({count}));
        init_tensor(op->dst, shape_of({count}));
        acl_check(arm_compute::NEActivationLayer::validate(op->src.info(), op->dst.info(), act), "this activation");
        op->fn.configure(&op->src, &op->dst, act);
        check_dense(op->src, "src");
        check_dense(op->dst, "dst");
        *out = op.release();
    });
}

extern "C" int efacl_activation_run(efacl_activation *op, const float *src, float *dst) {
    return guard("efacl_activation_run", [&] {
        check_handle(op);
        check_data("src", src);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->src, src);
        import(op->dst, dst);
        op->fn.run();
    });
}

extern "C" void efacl_activation_destroy(efacl_activation *op) {
    try {
        delete op;
    } catch (...) {
    }
}

// ------------------------------------------------------------------------------ eltwise

struct efacl_eltwise {
    arm_compute::Tensor a, b, dst;
    std::unique_ptr<arm_compute::IFunction> fn;
    int rank = 0;
    int dims[EFACL_MAX_RANK] = {};
};

namespace {

arm_compute::TensorShape shape_of_dims(const int *dims, int rank) {
    arm_compute::TensorShape shape;
    for (int d = 0; d < rank; ++d) shape.set(size_t(rank - 1 - d), size_t(dims[d]), false);
    return shape;
}

} // namespace

extern "C" int efacl_eltwise_create(efacl_eltwise **out, int kind, int rank, const int *a_dims, const int *b_dims) {
    if (out != nullptr) *out = nullptr;
    return guard("efacl_eltwise_create", [&] {
        check_out(out);
        if (kind != EFACL_ELTWISE_ADD && kind != EFACL_ELTWISE_SUB && kind != EFACL_ELTWISE_MUL) {
            invalid("unknown op " + std::to_string(kind) + " (expected EFACL_ELTWISE_ADD, _SUB or _MUL)");
        }
        if (rank < 1 || rank > EFACL_MAX_RANK) {
            invalid("rank must be 1.." + std::to_string(EFACL_MAX_RANK) + ", got " + std::to_string(rank));
        }
        if (a_dims == nullptr) invalid("a_dims is NULL");
        if (b_dims == nullptr) invalid("b_dims is NULL");
        auto op = std::make_unique<efacl_eltwise>();
        op->rank = rank;
        int64_t na = 1, nb = 1, nd = 1;
        for (int d = 0; d < rank; ++d) {
            const std::string at = "[" + std::to_string(d) + "]";
            check_positive(("a_dims" + at).c_str(), a_dims[d]);
            check_positive(("b_dims" + at).c_str(), b_dims[d]);
            if (a_dims[d] != b_dims[d] && a_dims[d] != 1 && b_dims[d] != 1) {
                invalid("dimension " + std::to_string(d) + " does not broadcast: a has " + std::to_string(a_dims[d]) +
                        ", b has " + std::to_string(b_dims[d]));
            }
            op->dims[d] = a_dims[d] == 1 ? b_dims[d] : a_dims[d];
            if (__builtin_mul_overflow(na, a_dims[d], &na) || __builtin_mul_overflow(nb, b_dims[d], &nb) ||
                __builtin_mul_overflow(nd, op->dims[d], &nd) || na > kMaxElements || nb > kMaxElements ||
                nd > kMaxElements) {
                invalid("too many elements (limit " + std::to_string(kMaxElements) + ")");
            }
        }
        init_tensor(op->a, shape_of_dims(a_dims, rank));
        init_tensor(op->b, shape_of_dims(b_dims, rank));
        init_tensor(op->dst, shape_of_dims(op->dims, rank));
        switch (kind) {
        case EFACL_ELTWISE_ADD: {
            acl_check(arm_compute::NEArithmeticAddition::validate(op->a.info(), op->b.info(), op->dst.info(),
                                                                  ConvertPolicy::SATURATE),
                      "this addition");
            auto f = std::make_unique<arm_compute::NEArithmeticAddition>();
            f->configure(&op->a, &op->b, &op->dst, ConvertPolicy::SATURATE);
            op->fn = std::move(f);
            break;
        }
        case EFACL_ELTWISE_SUB: {
            acl_check(arm_compute::NEArithmeticSubtraction::validate(op->a.info(), op->b.info(), op->dst.info(),
                                                                     ConvertPolicy::SATURATE),
                      "this subtraction");
            auto f = std::make_unique<arm_compute::NEArithmeticSubtraction>();
            f->configure(&op->a, &op->b, &op->dst, ConvertPolicy::SATURATE);
            op->fn = std::move(f);
            break;
        }
        default: {
            acl_check(arm_compute::NEPixelWiseMultiplication::validate(op->a.info(), op->b.info(), op->dst.info(), 1.f,
                                                                       ConvertPolicy::SATURATE,
                                                                       RoundingPolicy::TO_ZERO),
                      "this multiplication");
            auto f = std::make_unique<arm_compute::NEPixelWiseMultiplication>();
            f->configure(&op->a, &op->b, &op->dst, 1.f, ConvertPolicy::SATURATE, RoundingPolicy::TO_ZERO);
            op->fn = std::move(f);
            break;
        }
        }
        check_dense(op->a, "a");
        check_dense(op->b, "b");
        check_dense(op->dst, "dst");
        *out = op.release();
    });
}

extern "C" int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims) {
    return guard("efacl_eltwise_dst_dims", [&] {
        check_handle(op);
        if (dims == nullptr) invalid("dims is NULL");
        std::copy(op->dims, op->dims + op->rank, dims);
    });
}

extern "C" int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst) {
    return guard("efacl_eltwise_run", [&] {
        check_handle(op);
        check_data("a", a);
        check_data("b", b);
        check_data("dst", dst);
        std::lock_guard<std::mutex> lock(run_mutex());
        import(op->a, a);
        import(op->b, b);
        import(op->dst, dst);
        op->fn->run();
    });
}

extern "C" void efacl_eltwise_destroy(efacl_eltwise *op) {
    try {
        delete op;
    } catch (...) {
    }
}
