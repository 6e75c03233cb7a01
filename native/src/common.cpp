// Library-level functions (version, errors, threads, CPU info) and the shared helpers.
#include "common.hpp"

#include <arm_compute/AclVersion.h>
#include <arm_compute/core/CPP/CPPTypes.h>
#include <arm_compute/runtime/Scheduler.h>

#include <cstring>
#include <sstream>

#ifndef EFACL_VERSION_STRING
#define EFACL_VERSION_STRING "0.0.0"
#endif

namespace efacl {

namespace {
thread_local std::string t_last_error;
thread_local std::string t_cpu_info;
} // namespace

void fail(int status, const std::string &message) { throw Error(status, message); }

int set_error(int status, const std::string &message) {
    try {
        t_last_error = message;
    } catch (...) {
        // Out of memory for the message itself: keep whatever was there.
    }
    return status;
}

void check_out(const void *out) {
    if (out == nullptr) invalid("out (the handle pointer) is NULL");
}

void check_positive(const char *name, int64_t value) {
    if (value <= 0) invalid(std::string(name) + " must be positive, got " + std::to_string(value));
    if (value > kMaxElements) invalid(std::string(name) + " is too large: " + std::to_string(value));
}

void check_non_negative(const char *name, int64_t value) {
    if (value < 0) invalid(std::string(name) + " must not be negative, got " + std::to_string(value));
    if (value > kMaxElements) invalid(std::string(name) + " is too large: " + std::to_string(value));
}

void check_handle(const void *op) {
    if (op == nullptr) invalid("the handle is NULL");
}

void check_data(const char *name, const void *p) {
    if (p == nullptr) invalid(std::string(name) + " is NULL");
    if (reinterpret_cast<uintptr_t>(p) % alignof(float) != 0) {
        invalid(std::string(name) + " is not aligned to 4 bytes (a float)");
    }
}

int64_t element_count(const char *what, std::initializer_list<int64_t> dims) {
    int64_t n = 1;
    for (int64_t d : dims) {
        if (d <= 0) invalid(std::string(what) + ": a dimension is not positive (" + std::to_string(d) + ")");
        if (__builtin_mul_overflow(n, d, &n) || n > kMaxElements) {
            invalid(std::string(what) + " has too many elements (limit " + std::to_string(kMaxElements) + ")");
        }
    }
    return n;
}

void check_buffer(const char *name, const float *p, size_t len, int64_t expected) {
    check_data(name, p);
    if (len != static_cast<uint64_t>(expected)) {
        invalid(std::string(name) + " has " + std::to_string(len) + " elements, expected " + std::to_string(expected));
    }
}

bool check_optional_buffer(const char *name, const float *p, size_t len, int64_t expected) {
    if (p == nullptr) {
        if (len != 0) invalid(std::string(name) + " is NULL but its length is " + std::to_string(len) + " (must be 0)");
        return false;
    }
    check_buffer(name, p, len, expected);
    return true;
}

arm_compute::ActivationLayerInfo activation_info(int activation) {
    using AF = arm_compute::ActivationLayerInfo::ActivationFunction;
    switch (activation) {
    case EFACL_ACT_NONE: return arm_compute::ActivationLayerInfo();
    case EFACL_ACT_RELU: return arm_compute::ActivationLayerInfo(AF::RELU);
    case EFACL_ACT_GELU: return arm_compute::ActivationLayerInfo(AF::GELU);
    default: invalid("unknown activation " + std::to_string(activation) + " (expected EFACL_ACT_NONE, _RELU or _GELU)");
    }
}

void acl_check(const arm_compute::Status &status, const char *what) {
    if (!bool(status)) {
        std::string d = status.error_description();
        while (!d.empty() && (d.back() == ' ' || d.back() == '\n')) d.pop_back();
        fail(EFACL_ERR_UNSUPPORTED, std::string(what) + " rejected by the Arm Compute Library: " + d);
    }
}

arm_compute::TensorShape shape_of(std::initializer_list<int64_t> dims_outer_first) {
    arm_compute::TensorShape shape;
    size_t i = dims_outer_first.size();
    for (int64_t d : dims_outer_first) {
        shape.set(--i, static_cast<size_t>(d), /* apply_dim_correction */ false);
    }
    return shape;
}

void init_tensor(arm_compute::Tensor &t, const arm_compute::TensorShape &shape, arm_compute::DataLayout layout,
                 bool constant) {
    arm_compute::TensorInfo info(shape, 1, arm_compute::DataType::F32);
    info.set_data_layout(layout);
    info.set_are_values_constant(constant);
    t.allocator()->init(info);
}

void check_dense(const arm_compute::Tensor &t, const char *name) {
    const arm_compute::ITensorInfo *info = t.info();
    if (!info->padding().empty() || info->total_size() != info->tensor_shape().total_size() * sizeof(float)) {
        fail(EFACL_ERR_RUNTIME, std::string("the Arm Compute Library asked for padding on ") + name +
                                    ", so caller memory cannot be imported");
    }
}

void import(arm_compute::Tensor &t, const void *p) {
    arm_compute::Status s = t.allocator()->import_memory(const_cast<void *>(p));
    if (!bool(s)) fail(EFACL_ERR_RUNTIME, "import_memory failed: " + s.error_description());
}

void allocate_and_copy(arm_compute::Tensor &t, const float *src, size_t n) {
    t.allocator()->allocate();
    if (t.buffer() == nullptr) throw std::bad_alloc();
    std::memcpy(t.buffer(), src, n * sizeof(float));
}

std::mutex &run_mutex() {
    static std::mutex m;
    return m;
}

namespace {

const char *cpu_model_name(arm_compute::CPUModel model) {
    switch (model) {
#define X(m)                                                                                                           \
    case arm_compute::CPUModel::m: return #m;
        ARM_COMPUTE_CPU_MODEL_LIST
#undef X
    }
    return "unknown";
}

// "v24.11" from ACL's build information, or "unknown".
std::string acl_version() {
    const AclVersion *v = AclVersionInfo();
    if (v == nullptr || v->build_info == nullptr) return "unknown";
    std::string info = v->build_info;
    const std::string key = "arm_compute_version=";
    size_t at = info.find(key);
    if (at == std::string::npos) return "unknown";
    at += key.size();
    size_t end = info.find_first_of(" \t\n", at);
    return info.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

} // namespace
} // namespace efacl

using namespace efacl;

extern "C" {

const char *efacl_version(void) {
    static const std::string *version = []() -> const std::string * {
        try {
            return new std::string(std::string("efficientformer_acl " EFACL_VERSION_STRING " (Arm Compute Library ") +
                                   acl_version() + ")");
        } catch (...) {
            return nullptr;
        }
    }();
    return version != nullptr ? version->c_str() : "efficientformer_acl " EFACL_VERSION_STRING;
}

int efacl_abi_version(void) { return EFACL_ABI_VERSION; }

const char *efacl_last_error(void) { return t_last_error.c_str(); }

const char *efacl_status_name(int status) {
    switch (status) {
    case EFACL_OK: return "EFACL_OK";
    case EFACL_ERR_INVALID_ARGUMENT: return "EFACL_ERR_INVALID_ARGUMENT";
    case EFACL_ERR_UNSUPPORTED: return "EFACL_ERR_UNSUPPORTED";
    case EFACL_ERR_OUT_OF_MEMORY: return "EFACL_ERR_OUT_OF_MEMORY";
    case EFACL_ERR_RUNTIME: return "EFACL_ERR_RUNTIME";
    case EFACL_ERR_INTERNAL: return "EFACL_ERR_INTERNAL";
    default: return "EFACL_ERR_UNKNOWN_STATUS";
    }
}

int efacl_set_num_threads(int threads) {
    return guard("efacl_set_num_threads", [&] {
        check_non_negative("threads", threads);
        std::lock_guard<std::mutex> lock(run_mutex());
        arm_compute::Scheduler::get().set_num_threads(static_cast<unsigned int>(threads));
    });
}

int efacl_get_num_threads(void) {
    int n = 0;
    int status = guard("efacl_get_num_threads", [&] {
        std::lock_guard<std::mutex> lock(run_mutex());
        n = static_cast<int>(arm_compute::Scheduler::get().num_threads());
    });
    return status == EFACL_OK ? n : status;
}

const char *efacl_cpu_info(void) {
    int status = guard("efacl_cpu_info", [&] {
        std::lock_guard<std::mutex> lock(run_mutex());
        arm_compute::IScheduler &s = arm_compute::Scheduler::get();
        const arm_compute::CPUInfo &ci = s.cpu_info();
        std::ostringstream o;
        o << "cpus=" << ci.get_cpu_num() << " model=" << cpu_model_name(ci.get_cpu_model())
          << " fp16=" << ci.has_fp16() << " bf16=" << ci.has_bf16() << " dotprod=" << ci.has_dotprod()
          << " i8mm=" << ci.has_i8mm() << " sve=" << ci.has_sve() << " sve2=" << ci.has_sve2()
          << " sme=" << ci.has_sme() << " threads=" << s.num_threads();
        t_cpu_info = o.str();
    });
    if (status != EFACL_OK) {
        try {
            t_cpu_info = std::string("unavailable: ") + t_last_error;
        } catch (...) {
            return "unavailable";
        }
    }
    return t_cpu_info.c_str();
}

} // extern "C"
