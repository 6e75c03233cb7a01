package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.backend.WeightCache;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reordered weights shared by the oneDNN plans of one model. oneDNN chooses a weight layout per
 * primitive; plans whose primitive chose the same layout for the same weights (any number of
 * plans of one batch size, and often several batch sizes) share one copy.
 *
 * <p>Thread-safety: safe from several compiling threads; lookups and insertions are serialised.
 */
final class DnnlWeightCache implements WeightCache {
    /**
     * One prepared layout of a weight and its bytes: a oneDNN descriptor (owned here), or, for the
     * project's own kernels, the name of their layout ({@code md} null).
     */
    private record Entry(MemorySegment md, String ownLayout, MemorySegment data) {
    }

    /** Prepares the bytes of a weight in a layout, when the cache does not have them yet. */
    interface Preparer {
        void prepare(MemorySegment target);
    }

    private final Arena arena = Arena.ofShared();
    private final Map<float[], List<Entry>> entries = new IdentityHashMap<>();
    private boolean closed;

    /**
     * The bytes of {@code values} laid out as {@code md}: prepared by {@code preparer} the first
     * time, shared afterwards. The returned segment lives until {@link #close()}.
     */
    synchronized MemorySegment get(float[] values, MemorySegment md, Preparer preparer) {
        return shared(values, e -> e.md != null && dnnl_memory_desc_equal(e.md, md) == 1, dnnl_memory_desc_get_size(md), preparer, data -> {
            try (Arena tmp = Arena.ofConfined()) {
                MemorySegment out = tmp.allocate(ValueLayout.ADDRESS);
                DnnlException.check(dnnl_memory_desc_clone(out, md), "keep a weight layout");
                return new Entry(out.get(ValueLayout.ADDRESS, 0), null, data);
            }
        });
    }

    /**
     * The {@code bytes} bytes of {@code values} in the own kernels' layout named {@code ownLayout}:
     * prepared by {@code preparer} the first time, shared afterwards, living until {@link #close()}.
     */
    synchronized MemorySegment getOwn(float[] values, String ownLayout, long bytes, Preparer preparer) {
        return shared(values, e -> ownLayout.equals(e.ownLayout), bytes, preparer, data -> new Entry(null, ownLayout, data));
    }

    /** The entry of {@code values} that {@code same} accepts, or a new one of {@code bytes} prepared and described by {@code entry}. */
    private MemorySegment shared(float[] values, Predicate<Entry> same, long bytes, Preparer preparer, Function<MemorySegment, Entry> entry) {
        if (closed) {
            throw new IllegalStateException("weight cache is closed");
        }
        List<Entry> layouts = entries.computeIfAbsent(values, v -> new ArrayList<>());
        for (Entry e : layouts) {
            if (same.test(e)) {
                return e.data;
            }
        }
        MemorySegment data = arena.allocate(Math.max(1, bytes), 64);
        preparer.prepare(data);
        layouts.add(entry.apply(data));
        return data;
    }

    /** Bytes of prepared weights held (for descriptions and tests). */
    synchronized long bytes() {
        long n = 0;
        for (List<Entry> l : entries.values()) {
            for (Entry e : l) {
                n += e.data.byteSize();
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (List<Entry> l : entries.values()) {
            for (Entry e : l) {
                if (e.md != null) {
                    dnnl_memory_desc_destroy(e.md);
                }
            }
        }
        entries.clear();
        arena.close();
    }
}
