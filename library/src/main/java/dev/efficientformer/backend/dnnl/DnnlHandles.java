package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Owns the oneDNN objects and native memory of one plan: everything created through it is
 * destroyed by {@link #close()}, newest first, so a plan never leaks however far its compilation
 * got before failing.
 *
 * <p>Thread-safety: not thread-safe; used by the thread compiling a plan, then closed once.
 */
final class DnnlHandles implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    // Shared, not confined: a plan compiled on one thread may be closed on another.
    private final Arena scratch = Arena.ofShared();
    private final Deque<Runnable> destructors = new ArrayDeque<>();
    /** Bytes a strided descriptor really touches, by descriptor address (oneDNN reports more). */
    private final Map<Long, Long> stridedExtents = new HashMap<>();

    /** The arena that owns the plan's buffers and argument arrays. */
    Arena arena() {
        return arena;
    }

    private long allocatedBytes;

    /** Zeroed native memory for the plan, 64-byte aligned (oneDNN's preferred alignment). */
    MemorySegment allocate(long bytes) {
        allocatedBytes += Math.max(bytes, 1);
        return arena.allocate(Math.max(bytes, 1), 64);
    }

    /** Bytes allocated through {@link #allocate} so far. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    /** A pointer-sized out-parameter, for calls that return a handle. */
    MemorySegment out() {
        return scratch.allocate(ValueLayout.ADDRESS);
    }

    /** A {@code dnnl_dims_t} (or any int64 array) for one call. */
    MemorySegment dims(long... values) {
        return scratch.allocateFrom(ValueLayout.JAVA_LONG, values);
    }

    /** A stream on the process-wide CPU engine, owned by this plan. */
    MemorySegment stream() {
        MemorySegment out = out();
        DnnlException.check(dnnl_stream_create(out, DnnlEngine.get(), dnnl_stream_default_flags()), "create a stream");
        MemorySegment s = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_stream_destroy(s));
        return s;
    }

    /** Registers {@code destroy} to run at {@link #close()}. */
    void own(Runnable destroy) {
        destructors.push(destroy);
    }

    /** An fp32 memory descriptor with a format tag, owned by this plan. */
    MemorySegment md(long[] dims, int tag) {
        return md(dims, tag, dnnl_f32());
    }

    /** A memory descriptor of {@code dataType} ({@code dnnl_f32()}, {@code dnnl_bf16()}) with a format tag, owned by this plan. */
    MemorySegment md(long[] dims, int tag, int dataType) {
        MemorySegment out = out();
        DnnlException.check(dnnl_memory_desc_create_with_tag(out, dims.length, dims(dims), dataType, tag),
                "create a memory descriptor " + java.util.Arrays.toString(dims));
        MemorySegment md = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_memory_desc_destroy(md));
        return md;
    }

    /** A memory descriptor with explicit strides (in elements), owned by this plan. */
    MemorySegment md(long[] dims, long[] strides) {
        MemorySegment out = out();
        DnnlException.check(dnnl_memory_desc_create_with_strides(out, dims.length, dims(dims), dnnl_f32(), dims(strides)),
                "create a strided memory descriptor " + java.util.Arrays.toString(dims));
        MemorySegment md = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_memory_desc_destroy(md));
        long last = 0;
        for (int i = 0; i < dims.length; i++) {
            last += (dims[i] - 1) * strides[i];
        }
        stridedExtents.put(md.address(), (last + 1) * Float.BYTES);
        return md;
    }

    /** Bytes the descriptor addresses: its real extent for strided descriptors, oneDNN's size otherwise. */
    long extent(MemorySegment md) {
        return stridedExtents.getOrDefault(md.address(), dnnl_memory_desc_get_size(md));
    }

    /** A memory object whose data is set later ({@code dnnl_memory_set_data_handle}), owned by this plan. */
    MemorySegment memoryWithoutData(MemorySegment md) {
        MemorySegment out = out();
        DnnlException.check(dnnl_memory_create(out, md, DnnlEngine.get(), DNNL_MEMORY_NONE()), "create a memory object");
        MemorySegment mem = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_memory_destroy(mem));
        return mem;
    }

    /** A memory object over {@code data} (which must outlive the plan), owned by this plan. */
    MemorySegment memory(MemorySegment md, MemorySegment data) {
        // The check that keeps a wrong view from reaching native code: the buffer must hold every
        // element the descriptor addresses.
        long need = extent(md);
        if (data.byteSize() < need) {
            throw new IllegalStateException("buffer of " + data.byteSize() + " bytes for a descriptor that needs " + need);
        }
        MemorySegment out = out();
        DnnlException.check(dnnl_memory_create(out, md, DnnlEngine.get(), data), "create a memory object");
        MemorySegment mem = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_memory_destroy(mem));
        return mem;
    }

    /** Creates a primitive from a primitive descriptor; both are owned by this plan. */
    MemorySegment primitive(MemorySegment pd, String what) {
        MemorySegment out = out();
        DnnlException.check(dnnl_primitive_create(out, pd), "create the " + what + " primitive");
        MemorySegment prim = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_primitive_destroy(prim));
        return prim;
    }

    /** The kernel oneDNN chose for a primitive descriptor, e.g. {@code jit_1x1:avx2}. */
    String implementation(MemorySegment pd) {
        MemorySegment str = out();
        DnnlException.check(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str(), 0, str), "query a primitive's implementation");
        return str.get(ValueLayout.ADDRESS, 0).reinterpret(256).getString(0);
    }

    /** Takes ownership of a primitive descriptor returned through {@code out}. */
    MemorySegment primitiveDesc(MemorySegment out) {
        MemorySegment pd = out.get(ValueLayout.ADDRESS, 0);
        own(() -> dnnl_primitive_desc_destroy(pd));
        return pd;
    }

    /** Destroys everything, newest first, and frees the memory. Idempotent. */
    @Override
    public void close() {
        while (!destructors.isEmpty()) {
            destructors.pop().run();
        }
        if (scratch.scope().isAlive()) {
            scratch.close();
        }
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
