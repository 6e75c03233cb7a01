// Hand-written in jextract's output layout (not produced by jextract); see bindings/README.md

package dev.efficientformer.bindings.acl;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

public class efficientformer_acl_h extends efficientformer_acl_h$shared {

    efficientformer_acl_h() {
        // Should not be called directly
    }

    static final Arena LIBRARY_ARENA = Arena.ofAuto();

    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.libraryLookup("libefficientformer_acl.so", LIBRARY_ARENA)
            .or(SymbolLookup.loaderLookup())
            .or(Linker.nativeLinker().defaultLookup());

    private static final int EFACL_ABI_VERSION = (int)1L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ABI_VERSION 1
     * }
     */
    public static int EFACL_ABI_VERSION() {
        return EFACL_ABI_VERSION;
    }
    private static final int EFACL_OK = (int)0L;
    /**
     * {@snippet lang=c :
     * #define EFACL_OK 0
     * }
     */
    public static int EFACL_OK() {
        return EFACL_OK;
    }
    private static final int EFACL_ERR_INVALID_ARGUMENT = (int)-1L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ERR_INVALID_ARGUMENT -1
     * }
     */
    public static int EFACL_ERR_INVALID_ARGUMENT() {
        return EFACL_ERR_INVALID_ARGUMENT;
    }
    private static final int EFACL_ERR_UNSUPPORTED = (int)-2L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ERR_UNSUPPORTED -2
     * }
     */
    public static int EFACL_ERR_UNSUPPORTED() {
        return EFACL_ERR_UNSUPPORTED;
    }
    private static final int EFACL_ERR_OUT_OF_MEMORY = (int)-3L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ERR_OUT_OF_MEMORY -3
     * }
     */
    public static int EFACL_ERR_OUT_OF_MEMORY() {
        return EFACL_ERR_OUT_OF_MEMORY;
    }
    private static final int EFACL_ERR_RUNTIME = (int)-4L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ERR_RUNTIME -4
     * }
     */
    public static int EFACL_ERR_RUNTIME() {
        return EFACL_ERR_RUNTIME;
    }
    private static final int EFACL_ERR_INTERNAL = (int)-5L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ERR_INTERNAL -5
     * }
     */
    public static int EFACL_ERR_INTERNAL() {
        return EFACL_ERR_INTERNAL;
    }
    private static final int EFACL_ACT_NONE = (int)0L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ACT_NONE 0
     * }
     */
    public static int EFACL_ACT_NONE() {
        return EFACL_ACT_NONE;
    }
    private static final int EFACL_ACT_RELU = (int)1L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ACT_RELU 1
     * }
     */
    public static int EFACL_ACT_RELU() {
        return EFACL_ACT_RELU;
    }
    private static final int EFACL_ACT_GELU = (int)2L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ACT_GELU 2
     * }
     */
    public static int EFACL_ACT_GELU() {
        return EFACL_ACT_GELU;
    }
    private static final int EFACL_WEIGHTS_OIHW = (int)0L;
    /**
     * {@snippet lang=c :
     * #define EFACL_WEIGHTS_OIHW 0
     * }
     */
    public static int EFACL_WEIGHTS_OIHW() {
        return EFACL_WEIGHTS_OIHW;
    }
    private static final int EFACL_WEIGHTS_OHWI = (int)1L;
    /**
     * {@snippet lang=c :
     * #define EFACL_WEIGHTS_OHWI 1
     * }
     */
    public static int EFACL_WEIGHTS_OHWI() {
        return EFACL_WEIGHTS_OHWI;
    }
    private static final int EFACL_ELTWISE_ADD = (int)0L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ELTWISE_ADD 0
     * }
     */
    public static int EFACL_ELTWISE_ADD() {
        return EFACL_ELTWISE_ADD;
    }
    private static final int EFACL_ELTWISE_SUB = (int)1L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ELTWISE_SUB 1
     * }
     */
    public static int EFACL_ELTWISE_SUB() {
        return EFACL_ELTWISE_SUB;
    }
    private static final int EFACL_ELTWISE_MUL = (int)2L;
    /**
     * {@snippet lang=c :
     * #define EFACL_ELTWISE_MUL 2
     * }
     */
    public static int EFACL_ELTWISE_MUL() {
        return EFACL_ELTWISE_MUL;
    }
    private static final int EFACL_MAX_RANK = (int)6L;
    /**
     * {@snippet lang=c :
     * #define EFACL_MAX_RANK 6
     * }
     */
    public static int EFACL_MAX_RANK() {
        return EFACL_MAX_RANK;
    }

    private static class efacl_version {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_version");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *efacl_version(void)
     * }
     */
    public static FunctionDescriptor efacl_version$descriptor() {
        return efacl_version.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *efacl_version(void)
     * }
     */
    public static MethodHandle efacl_version$handle() {
        return efacl_version.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *efacl_version(void)
     * }
     */
    public static MemorySegment efacl_version$address() {
        return efacl_version.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *efacl_version(void)
     * }
     */
    public static MemorySegment efacl_version() {
        var mh$ = efacl_version.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_version");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_abi_version {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_abi_version");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_abi_version(void)
     * }
     */
    public static FunctionDescriptor efacl_abi_version$descriptor() {
        return efacl_abi_version.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_abi_version(void)
     * }
     */
    public static MethodHandle efacl_abi_version$handle() {
        return efacl_abi_version.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_abi_version(void)
     * }
     */
    public static MemorySegment efacl_abi_version$address() {
        return efacl_abi_version.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_abi_version(void)
     * }
     */
    public static int efacl_abi_version() {
        var mh$ = efacl_abi_version.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_abi_version");
            }
            return (int)mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_last_error {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_last_error");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *efacl_last_error(void)
     * }
     */
    public static FunctionDescriptor efacl_last_error$descriptor() {
        return efacl_last_error.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *efacl_last_error(void)
     * }
     */
    public static MethodHandle efacl_last_error$handle() {
        return efacl_last_error.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *efacl_last_error(void)
     * }
     */
    public static MemorySegment efacl_last_error$address() {
        return efacl_last_error.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *efacl_last_error(void)
     * }
     */
    public static MemorySegment efacl_last_error() {
        var mh$ = efacl_last_error.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_last_error");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_status_name {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_status_name");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *efacl_status_name(int status)
     * }
     */
    public static FunctionDescriptor efacl_status_name$descriptor() {
        return efacl_status_name.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *efacl_status_name(int status)
     * }
     */
    public static MethodHandle efacl_status_name$handle() {
        return efacl_status_name.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *efacl_status_name(int status)
     * }
     */
    public static MemorySegment efacl_status_name$address() {
        return efacl_status_name.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *efacl_status_name(int status)
     * }
     */
    public static MemorySegment efacl_status_name(int status) {
        var mh$ = efacl_status_name.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_status_name", status);
            }
            return (MemorySegment)mh$.invokeExact(status);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_set_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_set_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_set_num_threads(int threads)
     * }
     */
    public static FunctionDescriptor efacl_set_num_threads$descriptor() {
        return efacl_set_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_set_num_threads(int threads)
     * }
     */
    public static MethodHandle efacl_set_num_threads$handle() {
        return efacl_set_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_set_num_threads(int threads)
     * }
     */
    public static MemorySegment efacl_set_num_threads$address() {
        return efacl_set_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_set_num_threads(int threads)
     * }
     */
    public static int efacl_set_num_threads(int threads) {
        var mh$ = efacl_set_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_set_num_threads", threads);
            }
            return (int)mh$.invokeExact(threads);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_get_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_get_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_get_num_threads(void)
     * }
     */
    public static FunctionDescriptor efacl_get_num_threads$descriptor() {
        return efacl_get_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_get_num_threads(void)
     * }
     */
    public static MethodHandle efacl_get_num_threads$handle() {
        return efacl_get_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_get_num_threads(void)
     * }
     */
    public static MemorySegment efacl_get_num_threads$address() {
        return efacl_get_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_get_num_threads(void)
     * }
     */
    public static int efacl_get_num_threads() {
        var mh$ = efacl_get_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_get_num_threads");
            }
            return (int)mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_cpu_info {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_cpu_info");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *efacl_cpu_info(void)
     * }
     */
    public static FunctionDescriptor efacl_cpu_info$descriptor() {
        return efacl_cpu_info.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *efacl_cpu_info(void)
     * }
     */
    public static MethodHandle efacl_cpu_info$handle() {
        return efacl_cpu_info.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *efacl_cpu_info(void)
     * }
     */
    public static MemorySegment efacl_cpu_info$address() {
        return efacl_cpu_info.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *efacl_cpu_info(void)
     * }
     */
    public static MemorySegment efacl_cpu_info() {
        var mh$ = efacl_cpu_info.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_cpu_info");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_conv2d_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_conv2d_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, const float *weights, size_t weights_len, int weights_layout, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static FunctionDescriptor efacl_conv2d_create$descriptor() {
        return efacl_conv2d_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, const float *weights, size_t weights_len, int weights_layout, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static MethodHandle efacl_conv2d_create$handle() {
        return efacl_conv2d_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, const float *weights, size_t weights_len, int weights_layout, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static MemorySegment efacl_conv2d_create$address() {
        return efacl_conv2d_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_conv2d_create(efacl_conv2d **out, int n, int h, int w, int c_in, int c_out, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, const float *weights, size_t weights_len, int weights_layout, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static int efacl_conv2d_create(MemorySegment out, int n, int h, int w, int c_in, int c_out, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, MemorySegment weights, long weights_len, int weights_layout, MemorySegment bias, long bias_len, int activation) {
        var mh$ = efacl_conv2d_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_conv2d_create", out, n, h, w, c_in, c_out, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left, pad_bottom, pad_right, weights, weights_len, weights_layout, bias, bias_len, activation);
            }
            return (int)mh$.invokeExact(out, n, h, w, c_in, c_out, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left, pad_bottom, pad_right, weights, weights_len, weights_layout, bias, bias_len, activation);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_conv2d_dst_dims {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_conv2d_dst_dims");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4])
     * }
     */
    public static FunctionDescriptor efacl_conv2d_dst_dims$descriptor() {
        return efacl_conv2d_dst_dims.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4])
     * }
     */
    public static MethodHandle efacl_conv2d_dst_dims$handle() {
        return efacl_conv2d_dst_dims.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4])
     * }
     */
    public static MemorySegment efacl_conv2d_dst_dims$address() {
        return efacl_conv2d_dst_dims.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_conv2d_dst_dims(const efacl_conv2d *op, int dims[4])
     * }
     */
    public static int efacl_conv2d_dst_dims(MemorySegment op, MemorySegment dims) {
        var mh$ = efacl_conv2d_dst_dims.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_conv2d_dst_dims", op, dims);
            }
            return (int)mh$.invokeExact(op, dims);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_conv2d_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_conv2d_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_conv2d_run$descriptor() {
        return efacl_conv2d_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_conv2d_run$handle() {
        return efacl_conv2d_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_conv2d_run$address() {
        return efacl_conv2d_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_conv2d_run(efacl_conv2d *op, const float *src, float *dst)
     * }
     */
    public static int efacl_conv2d_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_conv2d_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_conv2d_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_conv2d_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_conv2d_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_conv2d_destroy(efacl_conv2d *op)
     * }
     */
    public static FunctionDescriptor efacl_conv2d_destroy$descriptor() {
        return efacl_conv2d_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_conv2d_destroy(efacl_conv2d *op)
     * }
     */
    public static MethodHandle efacl_conv2d_destroy$handle() {
        return efacl_conv2d_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_conv2d_destroy(efacl_conv2d *op)
     * }
     */
    public static MemorySegment efacl_conv2d_destroy$address() {
        return efacl_conv2d_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_conv2d_destroy(efacl_conv2d *op)
     * }
     */
    public static void efacl_conv2d_destroy(MemorySegment op) {
        var mh$ = efacl_conv2d_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_conv2d_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_avgpool_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_avgpool_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, int count_include_pad)
     * }
     */
    public static FunctionDescriptor efacl_avgpool_create$descriptor() {
        return efacl_avgpool_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, int count_include_pad)
     * }
     */
    public static MethodHandle efacl_avgpool_create$handle() {
        return efacl_avgpool_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, int count_include_pad)
     * }
     */
    public static MemorySegment efacl_avgpool_create$address() {
        return efacl_avgpool_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_avgpool_create(efacl_avgpool **out, int n, int h, int w, int c, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, int count_include_pad)
     * }
     */
    public static int efacl_avgpool_create(MemorySegment out, int n, int h, int w, int c, int kernel_h, int kernel_w, int stride_h, int stride_w, int pad_top, int pad_left, int pad_bottom, int pad_right, int count_include_pad) {
        var mh$ = efacl_avgpool_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_avgpool_create", out, n, h, w, c, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left, pad_bottom, pad_right, count_include_pad);
            }
            return (int)mh$.invokeExact(out, n, h, w, c, kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left, pad_bottom, pad_right, count_include_pad);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_avgpool_dst_dims {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_avgpool_dst_dims");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4])
     * }
     */
    public static FunctionDescriptor efacl_avgpool_dst_dims$descriptor() {
        return efacl_avgpool_dst_dims.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4])
     * }
     */
    public static MethodHandle efacl_avgpool_dst_dims$handle() {
        return efacl_avgpool_dst_dims.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4])
     * }
     */
    public static MemorySegment efacl_avgpool_dst_dims$address() {
        return efacl_avgpool_dst_dims.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_avgpool_dst_dims(const efacl_avgpool *op, int dims[4])
     * }
     */
    public static int efacl_avgpool_dst_dims(MemorySegment op, MemorySegment dims) {
        var mh$ = efacl_avgpool_dst_dims.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_avgpool_dst_dims", op, dims);
            }
            return (int)mh$.invokeExact(op, dims);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_avgpool_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_avgpool_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_avgpool_run$descriptor() {
        return efacl_avgpool_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_avgpool_run$handle() {
        return efacl_avgpool_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_avgpool_run$address() {
        return efacl_avgpool_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_avgpool_run(efacl_avgpool *op, const float *src, float *dst)
     * }
     */
    public static int efacl_avgpool_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_avgpool_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_avgpool_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_avgpool_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_avgpool_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_avgpool_destroy(efacl_avgpool *op)
     * }
     */
    public static FunctionDescriptor efacl_avgpool_destroy$descriptor() {
        return efacl_avgpool_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_avgpool_destroy(efacl_avgpool *op)
     * }
     */
    public static MethodHandle efacl_avgpool_destroy$handle() {
        return efacl_avgpool_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_avgpool_destroy(efacl_avgpool *op)
     * }
     */
    public static MemorySegment efacl_avgpool_destroy$address() {
        return efacl_avgpool_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_avgpool_destroy(efacl_avgpool *op)
     * }
     */
    public static void efacl_avgpool_destroy(MemorySegment op) {
        var mh$ = efacl_avgpool_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_avgpool_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_linear_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_linear_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features, const float *weight, size_t weight_len, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static FunctionDescriptor efacl_linear_create$descriptor() {
        return efacl_linear_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features, const float *weight, size_t weight_len, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static MethodHandle efacl_linear_create$handle() {
        return efacl_linear_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features, const float *weight, size_t weight_len, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static MemorySegment efacl_linear_create$address() {
        return efacl_linear_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_linear_create(efacl_linear **out, int rows, int in_features, int out_features, const float *weight, size_t weight_len, const float *bias, size_t bias_len, int activation)
     * }
     */
    public static int efacl_linear_create(MemorySegment out, int rows, int in_features, int out_features, MemorySegment weight, long weight_len, MemorySegment bias, long bias_len, int activation) {
        var mh$ = efacl_linear_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_linear_create", out, rows, in_features, out_features, weight, weight_len, bias, bias_len, activation);
            }
            return (int)mh$.invokeExact(out, rows, in_features, out_features, weight, weight_len, bias, bias_len, activation);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_linear_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_linear_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_linear_run(efacl_linear *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_linear_run$descriptor() {
        return efacl_linear_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_linear_run(efacl_linear *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_linear_run$handle() {
        return efacl_linear_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_linear_run(efacl_linear *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_linear_run$address() {
        return efacl_linear_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_linear_run(efacl_linear *op, const float *src, float *dst)
     * }
     */
    public static int efacl_linear_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_linear_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_linear_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_linear_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_linear_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_linear_destroy(efacl_linear *op)
     * }
     */
    public static FunctionDescriptor efacl_linear_destroy$descriptor() {
        return efacl_linear_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_linear_destroy(efacl_linear *op)
     * }
     */
    public static MethodHandle efacl_linear_destroy$handle() {
        return efacl_linear_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_linear_destroy(efacl_linear *op)
     * }
     */
    public static MemorySegment efacl_linear_destroy$address() {
        return efacl_linear_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_linear_destroy(efacl_linear *op)
     * }
     */
    public static void efacl_linear_destroy(MemorySegment op) {
        var mh$ = efacl_linear_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_linear_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_matmul_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_FLOAT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_matmul_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k, const int64_t a_strides[3], int b_transposed, const int64_t b_strides[3], const int64_t c_strides[3], float alpha)
     * }
     */
    public static FunctionDescriptor efacl_matmul_create$descriptor() {
        return efacl_matmul_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k, const int64_t a_strides[3], int b_transposed, const int64_t b_strides[3], const int64_t c_strides[3], float alpha)
     * }
     */
    public static MethodHandle efacl_matmul_create$handle() {
        return efacl_matmul_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k, const int64_t a_strides[3], int b_transposed, const int64_t b_strides[3], const int64_t c_strides[3], float alpha)
     * }
     */
    public static MemorySegment efacl_matmul_create$address() {
        return efacl_matmul_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_matmul_create(efacl_matmul **out, int batch0, int batch1, int m, int n, int k, const int64_t a_strides[3], int b_transposed, const int64_t b_strides[3], const int64_t c_strides[3], float alpha)
     * }
     */
    public static int efacl_matmul_create(MemorySegment out, int batch0, int batch1, int m, int n, int k, MemorySegment a_strides, int b_transposed, MemorySegment b_strides, MemorySegment c_strides, float alpha) {
        var mh$ = efacl_matmul_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_matmul_create", out, batch0, batch1, m, n, k, a_strides, b_transposed, b_strides, c_strides, alpha);
            }
            return (int)mh$.invokeExact(out, batch0, batch1, m, n, k, a_strides, b_transposed, b_strides, c_strides, alpha);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_matmul_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_matmul_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c)
     * }
     */
    public static FunctionDescriptor efacl_matmul_run$descriptor() {
        return efacl_matmul_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c)
     * }
     */
    public static MethodHandle efacl_matmul_run$handle() {
        return efacl_matmul_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c)
     * }
     */
    public static MemorySegment efacl_matmul_run$address() {
        return efacl_matmul_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_matmul_run(efacl_matmul *op, const float *a, const float *b, float *c)
     * }
     */
    public static int efacl_matmul_run(MemorySegment op, MemorySegment a, MemorySegment b, MemorySegment c) {
        var mh$ = efacl_matmul_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_matmul_run", op, a, b, c);
            }
            return (int)mh$.invokeExact(op, a, b, c);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_matmul_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_matmul_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_matmul_destroy(efacl_matmul *op)
     * }
     */
    public static FunctionDescriptor efacl_matmul_destroy$descriptor() {
        return efacl_matmul_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_matmul_destroy(efacl_matmul *op)
     * }
     */
    public static MethodHandle efacl_matmul_destroy$handle() {
        return efacl_matmul_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_matmul_destroy(efacl_matmul *op)
     * }
     */
    public static MemorySegment efacl_matmul_destroy$address() {
        return efacl_matmul_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_matmul_destroy(efacl_matmul *op)
     * }
     */
    public static void efacl_matmul_destroy(MemorySegment op) {
        var mh$ = efacl_matmul_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_matmul_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_layernorm_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_FLOAT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_layernorm_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps, const float *gamma, size_t gamma_len, const float *beta, size_t beta_len)
     * }
     */
    public static FunctionDescriptor efacl_layernorm_create$descriptor() {
        return efacl_layernorm_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps, const float *gamma, size_t gamma_len, const float *beta, size_t beta_len)
     * }
     */
    public static MethodHandle efacl_layernorm_create$handle() {
        return efacl_layernorm_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps, const float *gamma, size_t gamma_len, const float *beta, size_t beta_len)
     * }
     */
    public static MemorySegment efacl_layernorm_create$address() {
        return efacl_layernorm_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_layernorm_create(efacl_layernorm **out, int rows, int cols, float eps, const float *gamma, size_t gamma_len, const float *beta, size_t beta_len)
     * }
     */
    public static int efacl_layernorm_create(MemorySegment out, int rows, int cols, float eps, MemorySegment gamma, long gamma_len, MemorySegment beta, long beta_len) {
        var mh$ = efacl_layernorm_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_layernorm_create", out, rows, cols, eps, gamma, gamma_len, beta, beta_len);
            }
            return (int)mh$.invokeExact(out, rows, cols, eps, gamma, gamma_len, beta, beta_len);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_layernorm_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_layernorm_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_layernorm_run$descriptor() {
        return efacl_layernorm_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_layernorm_run$handle() {
        return efacl_layernorm_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_layernorm_run$address() {
        return efacl_layernorm_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_layernorm_run(efacl_layernorm *op, const float *src, float *dst)
     * }
     */
    public static int efacl_layernorm_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_layernorm_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_layernorm_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_layernorm_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_layernorm_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_layernorm_destroy(efacl_layernorm *op)
     * }
     */
    public static FunctionDescriptor efacl_layernorm_destroy$descriptor() {
        return efacl_layernorm_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_layernorm_destroy(efacl_layernorm *op)
     * }
     */
    public static MethodHandle efacl_layernorm_destroy$handle() {
        return efacl_layernorm_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_layernorm_destroy(efacl_layernorm *op)
     * }
     */
    public static MemorySegment efacl_layernorm_destroy$address() {
        return efacl_layernorm_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_layernorm_destroy(efacl_layernorm *op)
     * }
     */
    public static void efacl_layernorm_destroy(MemorySegment op) {
        var mh$ = efacl_layernorm_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_layernorm_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_softmax_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_softmax_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_softmax_create(efacl_softmax **out, int rows, int cols)
     * }
     */
    public static FunctionDescriptor efacl_softmax_create$descriptor() {
        return efacl_softmax_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_softmax_create(efacl_softmax **out, int rows, int cols)
     * }
     */
    public static MethodHandle efacl_softmax_create$handle() {
        return efacl_softmax_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_softmax_create(efacl_softmax **out, int rows, int cols)
     * }
     */
    public static MemorySegment efacl_softmax_create$address() {
        return efacl_softmax_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_softmax_create(efacl_softmax **out, int rows, int cols)
     * }
     */
    public static int efacl_softmax_create(MemorySegment out, int rows, int cols) {
        var mh$ = efacl_softmax_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_softmax_create", out, rows, cols);
            }
            return (int)mh$.invokeExact(out, rows, cols);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_softmax_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_softmax_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_softmax_run$descriptor() {
        return efacl_softmax_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_softmax_run$handle() {
        return efacl_softmax_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_softmax_run$address() {
        return efacl_softmax_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_softmax_run(efacl_softmax *op, const float *src, float *dst)
     * }
     */
    public static int efacl_softmax_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_softmax_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_softmax_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_softmax_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_softmax_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_softmax_destroy(efacl_softmax *op)
     * }
     */
    public static FunctionDescriptor efacl_softmax_destroy$descriptor() {
        return efacl_softmax_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_softmax_destroy(efacl_softmax *op)
     * }
     */
    public static MethodHandle efacl_softmax_destroy$handle() {
        return efacl_softmax_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_softmax_destroy(efacl_softmax *op)
     * }
     */
    public static MemorySegment efacl_softmax_destroy$address() {
        return efacl_softmax_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_softmax_destroy(efacl_softmax *op)
     * }
     */
    public static void efacl_softmax_destroy(MemorySegment op) {
        var mh$ = efacl_softmax_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_softmax_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_activation_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_LONG,
            efficientformer_acl_h.C_INT
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_activation_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_activation_create(efacl_activation **out, int64_t count, int function)
     * }
     */
    public static FunctionDescriptor efacl_activation_create$descriptor() {
        return efacl_activation_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_activation_create(efacl_activation **out, int64_t count, int function)
     * }
     */
    public static MethodHandle efacl_activation_create$handle() {
        return efacl_activation_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_activation_create(efacl_activation **out, int64_t count, int function)
     * }
     */
    public static MemorySegment efacl_activation_create$address() {
        return efacl_activation_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_activation_create(efacl_activation **out, int64_t count, int function)
     * }
     */
    public static int efacl_activation_create(MemorySegment out, long count, int function) {
        var mh$ = efacl_activation_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_activation_create", out, count, function);
            }
            return (int)mh$.invokeExact(out, count, function);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_activation_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_activation_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_activation_run(efacl_activation *op, const float *src, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_activation_run$descriptor() {
        return efacl_activation_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_activation_run(efacl_activation *op, const float *src, float *dst)
     * }
     */
    public static MethodHandle efacl_activation_run$handle() {
        return efacl_activation_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_activation_run(efacl_activation *op, const float *src, float *dst)
     * }
     */
    public static MemorySegment efacl_activation_run$address() {
        return efacl_activation_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_activation_run(efacl_activation *op, const float *src, float *dst)
     * }
     */
    public static int efacl_activation_run(MemorySegment op, MemorySegment src, MemorySegment dst) {
        var mh$ = efacl_activation_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_activation_run", op, src, dst);
            }
            return (int)mh$.invokeExact(op, src, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_activation_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_activation_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_activation_destroy(efacl_activation *op)
     * }
     */
    public static FunctionDescriptor efacl_activation_destroy$descriptor() {
        return efacl_activation_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_activation_destroy(efacl_activation *op)
     * }
     */
    public static MethodHandle efacl_activation_destroy$handle() {
        return efacl_activation_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_activation_destroy(efacl_activation *op)
     * }
     */
    public static MemorySegment efacl_activation_destroy$address() {
        return efacl_activation_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_activation_destroy(efacl_activation *op)
     * }
     */
    public static void efacl_activation_destroy(MemorySegment op) {
        var mh$ = efacl_activation_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_activation_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_eltwise_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_eltwise_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_eltwise_create(efacl_eltwise **out, int op, int rank, const int *a_dims, const int *b_dims)
     * }
     */
    public static FunctionDescriptor efacl_eltwise_create$descriptor() {
        return efacl_eltwise_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_eltwise_create(efacl_eltwise **out, int op, int rank, const int *a_dims, const int *b_dims)
     * }
     */
    public static MethodHandle efacl_eltwise_create$handle() {
        return efacl_eltwise_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_eltwise_create(efacl_eltwise **out, int op, int rank, const int *a_dims, const int *b_dims)
     * }
     */
    public static MemorySegment efacl_eltwise_create$address() {
        return efacl_eltwise_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_eltwise_create(efacl_eltwise **out, int op, int rank, const int *a_dims, const int *b_dims)
     * }
     */
    public static int efacl_eltwise_create(MemorySegment out, int op, int rank, MemorySegment a_dims, MemorySegment b_dims) {
        var mh$ = efacl_eltwise_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_eltwise_create", out, op, rank, a_dims, b_dims);
            }
            return (int)mh$.invokeExact(out, op, rank, a_dims, b_dims);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_eltwise_dst_dims {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_eltwise_dst_dims");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims)
     * }
     */
    public static FunctionDescriptor efacl_eltwise_dst_dims$descriptor() {
        return efacl_eltwise_dst_dims.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims)
     * }
     */
    public static MethodHandle efacl_eltwise_dst_dims$handle() {
        return efacl_eltwise_dst_dims.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims)
     * }
     */
    public static MemorySegment efacl_eltwise_dst_dims$address() {
        return efacl_eltwise_dst_dims.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_eltwise_dst_dims(const efacl_eltwise *op, int *dims)
     * }
     */
    public static int efacl_eltwise_dst_dims(MemorySegment op, MemorySegment dims) {
        var mh$ = efacl_eltwise_dst_dims.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_eltwise_dst_dims", op, dims);
            }
            return (int)mh$.invokeExact(op, dims);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_eltwise_run {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            efficientformer_acl_h.C_INT,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER,
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_eltwise_run");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst)
     * }
     */
    public static FunctionDescriptor efacl_eltwise_run$descriptor() {
        return efacl_eltwise_run.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst)
     * }
     */
    public static MethodHandle efacl_eltwise_run$handle() {
        return efacl_eltwise_run.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst)
     * }
     */
    public static MemorySegment efacl_eltwise_run$address() {
        return efacl_eltwise_run.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int efacl_eltwise_run(efacl_eltwise *op, const float *a, const float *b, float *dst)
     * }
     */
    public static int efacl_eltwise_run(MemorySegment op, MemorySegment a, MemorySegment b, MemorySegment dst) {
        var mh$ = efacl_eltwise_run.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_eltwise_run", op, a, b, dst);
            }
            return (int)mh$.invokeExact(op, a, b, dst);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class efacl_eltwise_destroy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            efficientformer_acl_h.C_POINTER
        );

        public static final MemorySegment ADDR = SYMBOL_LOOKUP.findOrThrow("efacl_eltwise_destroy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void efacl_eltwise_destroy(efacl_eltwise *op)
     * }
     */
    public static FunctionDescriptor efacl_eltwise_destroy$descriptor() {
        return efacl_eltwise_destroy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void efacl_eltwise_destroy(efacl_eltwise *op)
     * }
     */
    public static MethodHandle efacl_eltwise_destroy$handle() {
        return efacl_eltwise_destroy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void efacl_eltwise_destroy(efacl_eltwise *op)
     * }
     */
    public static MemorySegment efacl_eltwise_destroy$address() {
        return efacl_eltwise_destroy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void efacl_eltwise_destroy(efacl_eltwise *op)
     * }
     */
    public static void efacl_eltwise_destroy(MemorySegment op) {
        var mh$ = efacl_eltwise_destroy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("efacl_eltwise_destroy", op);
            }
            mh$.invokeExact(op);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
}
