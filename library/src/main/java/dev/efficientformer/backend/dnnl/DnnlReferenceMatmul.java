package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One large fp32 matrix product, {@code C[M, N] = A[M, K] x B[K, N]}, run by oneDNN's matmul
 * with an exact OpenMP thread count: the yardstick for "this fraction of the machine's fp32 GEMM
 * peak" in the benchmarks. {@code B} is reordered once into the layout the primitive prefers, as a
 * model's weights are, so a run measures the multiply itself.
 *
 * <p>Thread-safety: not thread-safe; one thread at a time (it is a measuring instrument, not a
 * model). {@link #run()} after {@link #close()} throws {@link IllegalStateException}.
 */
public final class DnnlReferenceMatmul implements AutoCloseable {
    private final DnnlHandles h = new DnnlHandles();
    private final int threads;
    private final long flops;
    private MemorySegment stream;
    private MemorySegment primitive;
    private MemorySegment args;
    private int nargs;
    private boolean closed;

    private DnnlReferenceMatmul(int m, int k, int n, int threads) {
        this.threads = threads;
        this.flops = 2L * m * k * n;
    }

    /**
     * Builds the product, with {@code A} and {@code B} filled with seeded random values.
     *
     * @throws IllegalArgumentException when a size or the thread count is below 1, or the
     *     matrices would exceed 2^31 elements
     * @throws dev.efficientformer.nativelib.NativeLibraryException when oneDNN cannot be loaded
     */
    public static DnnlReferenceMatmul create(int m, int k, int n, int threads) {
        if (m < 1 || k < 1 || n < 1 || threads < 1) {
            throw new IllegalArgumentException("sizes and threads must be at least 1, got m=" + m + " k=" + k + " n=" + n
                    + " threads=" + threads);
        }
        if ((long) m * k > Integer.MAX_VALUE || (long) k * n > Integer.MAX_VALUE || (long) m * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrices of " + m + "x" + k + "x" + n + " exceed 2^31 elements");
        }
        DnnlReferenceMatmul mm = new DnnlReferenceMatmul(m, k, n, threads);
        try {
            mm.build(m, k, n);
            return mm;
        } catch (RuntimeException | Error e) {
            mm.h.close();
            throw e;
        }
    }

    private void build(int m, int k, int n) {
        MemorySegment engine = DnnlEngine.get();
        MemorySegment out = h.out();
        stream = h.stream();
        OpenMpThreads.set(threads);

        MemorySegment aMd = h.md(new long[] {m, k}, dnnl_ab());
        MemorySegment bPlainMd = h.md(new long[] {k, n}, dnnl_ab());
        MemorySegment bAny = h.md(new long[] {k, n}, dnnl_format_tag_any());
        MemorySegment cMd = h.md(new long[] {m, n}, dnnl_ab());
        DnnlException.check(dnnl_matmul_primitive_desc_create(out, engine, aMd, bAny, MemorySegment.NULL, cMd, MemorySegment.NULL),
                "create a " + m + "x" + k + "x" + n + " matmul");
        MemorySegment pd = h.primitiveDesc(out);
        MemorySegment bMd = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md(), 0);

        MemorySegment a = h.memory(aMd, random(h.allocate(dnnl_memory_desc_get_size(aMd)), 1));
        MemorySegment bPlain = h.memory(bPlainMd, random(h.allocate(dnnl_memory_desc_get_size(bPlainMd)), 2));
        MemorySegment b = h.memory(bMd, h.allocate(dnnl_memory_desc_get_size(bMd)));
        MemorySegment c = h.memory(cMd, h.allocate(dnnl_memory_desc_get_size(cMd)));
        ImmediateReorder.run(stream, bPlainMd, bPlain, bMd, b, "B");

        List<PostOps.Arg> list = new ArrayList<>(List.of(new PostOps.Arg(DNNL_ARG_SRC(), a), new PostOps.Arg(DNNL_ARG_WEIGHTS(), b),
                new PostOps.Arg(DNNL_ARG_DST(), c)));
        MemorySegment scratchMd = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md(), 0);
        if (!scratchMd.equals(MemorySegment.NULL) && dnnl_memory_desc_get_size(scratchMd) > 0) {
            list.add(new PostOps.Arg(DNNL_ARG_SCRATCHPAD(), h.memory(scratchMd, h.allocate(dnnl_memory_desc_get_size(scratchMd)))));
        }
        primitive = h.primitive(pd, "reference matmul");
        args = PostOps.execArgs(h.arena(), list);
        nargs = list.size();
    }

    private static MemorySegment random(MemorySegment data, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long count = data.byteSize() / Float.BYTES;
        for (long i = 0; i < count; i++) {
            data.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (r.nextDouble() - 0.5));
        }
        return data;
    }

    /** Floating-point operations per {@link #run()}: {@code 2 M N K}. */
    public long flops() {
        return flops;
    }

    /** The kernel oneDNN picked, e.g. {@code brg_matmul:avx512_core}. */
    public String implementation() {
        requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pd = arena.allocate(ValueLayout.ADDRESS);
            DnnlException.check(dnnl_primitive_get_primitive_desc(primitive, pd), "query the matmul");
            return h.implementation(pd.get(ValueLayout.ADDRESS, 0));
        }
    }

    /** One product, on the calling thread with this instance's OpenMP thread count. */
    public void run() {
        requireOpen();
        OpenMpThreads.set(threads);
        DnnlException.check(dnnl_primitive_execute(primitive, stream, nargs, args), "execute the reference matmul");
        DnnlException.check(dnnl_stream_wait(stream), "wait for the reference matmul");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the reference matmul is closed");
        }
    }

    /** Frees the native memory. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            h.close();
        }
    }
}
