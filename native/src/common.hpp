// Internal helpers shared by the operator files: errors, argument checks, ACL tensor set-up, and
// the boundary wrapper that turns every C++ exception into a status code.
#ifndef EFACL_COMMON_HPP
#define EFACL_COMMON_HPP

#include "efficientformer_acl.h"

#include <arm_compute/core/TensorInfo.h>
#include <arm_compute/core/TensorShape.h>
#include <arm_compute/core/Types.h>
#include <arm_compute/function_info/ActivationLayerInfo.h>
#include <arm_compute/runtime/Tensor.h>

#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>

namespace efacl {

// An error with its status code, thrown inside the shim and caught at the C boundary.
struct Error : std::exception {
    int status;
    std::string message;
    Error(int s, std::string m) : status(s), message(std::move(m)) {}
    const char *what() const noexcept override { return message.c_str(); }
};

[[noreturn]] void fail(int status, const std::string &message);
[[noreturn]] inline void invalid(const std::string &message) { fail(EFACL_ERR_INVALID_ARGUMENT, message); }

// Records the message for efacl_last_error() on this thread and returns status.
int set_error(int status, const std::string &message);

// Runs body, mapping every exception to a status and a message prefixed with the function's name.
// Nothing thrown inside body ever leaves this function.
template <class F>
int guard(const char *function, F &&body) noexcept {
    try {
        body();
        return EFACL_OK;
    } catch (const Error &e) {
        return set_error(e.status, std::string(function) + ": " + e.message);
    } catch (const std::bad_alloc &) {
        return set_error(EFACL_ERR_OUT_OF_MEMORY, std::string(function) + ": out of memory");
    } catch (const std::exception &e) {
        return set_error(EFACL_ERR_RUNTIME, std::string(function) + ": Arm Compute Library error: " + e.what());
    } catch (...) {
        return set_error(EFACL_ERR_INTERNAL, std::string(function) + ": unknown exception");
    }
}

// Largest number of elements in one tensor: ACL indexes with int in places.
constexpr int64_t kMaxElements = INT32_MAX;

// ---------------------------------------------------------------- argument checks

void check_out(const void *out);                              // the handle out-pointer
void check_positive(const char *name, int64_t value);
void check_non_negative(const char *name, int64_t value);
void check_handle(const void *op);
// A float pointer: not NULL and 4-byte aligned.
void check_data(const char *name, const void *p);
// Product of the values, each positive; fails on overflow or beyond kMaxElements.
int64_t element_count(const char *what, std::initializer_list<int64_t> dims);
// weights/bias style argument: ptr + element count that must equal expected.
void check_buffer(const char *name, const float *p, size_t len, int64_t expected);
// Optional buffer: NULL with len 0, or a buffer of exactly expected elements.
bool check_optional_buffer(const char *name, const float *p, size_t len, int64_t expected);
// EFACL_ACT_* to ACL; fails on an unknown value.
arm_compute::ActivationLayerInfo activation_info(int activation);

// ---------------------------------------------------------------- ACL helpers

// Throws EFACL_ERR_UNSUPPORTED with ACL's message when status is an error.
void acl_check(const arm_compute::Status &status, const char *what);

// Shape from dims listed outermost first (C order); ACL's TensorShape is innermost first.
arm_compute::TensorShape shape_of(std::initializer_list<int64_t> dims_outer_first);

// Initialises t as a dense fp32 tensor.
void init_tensor(arm_compute::Tensor &t, const arm_compute::TensorShape &shape,
                 arm_compute::DataLayout layout = arm_compute::DataLayout::NCHW, bool constant = false);

// After configure: fails if ACL asked for padding on t (then caller memory could not be imported).
void check_dense(const arm_compute::Tensor &t, const char *name);

// Points t at caller memory for one run (no copy).
void import(arm_compute::Tensor &t, const void *p);

// Allocates t's own memory and copies n floats into it.
void allocate_and_copy(arm_compute::Tensor &t, const float *src, size_t n);

// Every run holds this lock: ACL's CPU scheduler (a process-wide thread pool) must not be entered
// from two threads at once.
std::mutex &run_mutex();

} // namespace efacl

#endif
