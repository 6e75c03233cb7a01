package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.graph.MemoryPlan;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a plan's activations in one block of memory, reusing bytes between values whose lives
 * don't overlap. Memory objects are created without data while the graph is lowered; once every
 * step is known, each storage's live range (first to last step that touches it) decides where it
 * goes ({@link MemoryPlan#place}, shared with the other backends), and the data handles are set once. Without this, L7 at batch 8 needs about 740 MiB of
 * activations; with it, a few times its largest tensor.
 *
 * <p>Thread-safety: not thread-safe; used while compiling one plan.
 */
final class ActivationMemory {
    /** Bytes that several values may share over time: one value, or a value and its in-place successors. */
    static final class Storage {
        private final long bytes;
        private long offset = -1;
        private int first = Integer.MAX_VALUE;
        private int last = -1;
        private boolean pinned;

        private Storage(long bytes) {
            this.bytes = bytes;
        }

        long bytes() {
            return bytes;
        }

    }

    private record Binding(MemorySegment memory, Storage storage, long offset) {
    }

    private static final long ALIGN = 64;

    private final DnnlHandles handles;
    private final List<Storage> storages = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<Long, Binding> byMemory = new HashMap<>();
    private MemorySegment block;

    ActivationMemory(DnnlHandles handles) {
        this.handles = handles;
    }

    /** A new storage of {@code bytes}. */
    Storage storage(long bytes) {
        Storage s = new Storage(bytes);
        storages.add(s);
        return s;
    }

    /**
     * A memory object that will view {@code storage} from {@code offset} through {@code md}.
     *
     * @throws IllegalStateException when the descriptor would reach past the storage: the check
     *     that keeps a wrong view from ever reaching native code
     */
    MemorySegment bind(MemorySegment md, Storage storage, long offset) {
        long extent = handles.extent(md);
        if (offset < 0 || offset + extent > storage.bytes) {
            throw new IllegalStateException("a view of " + extent + " bytes at offset " + offset + " does not fit a buffer of "
                    + storage.bytes + " bytes");
        }
        MemorySegment memory = handles.memoryWithoutData(md);
        Binding b = new Binding(memory, storage, offset);
        bindings.add(b);
        byMemory.put(memory.address(), b);
        return memory;
    }

    /** Keeps {@code storage} alive for the whole run (inputs, outputs, taps). */
    void pin(Storage storage) {
        storage.pinned = true;
    }

    /** Records that step {@code step} reads or writes {@code memory} (ignored unless bound here). */
    void touch(MemorySegment memory, int step) {
        Binding b = byMemory.get(memory.address());
        if (b != null) {
            b.storage.first = Math.min(b.storage.first, step);
            b.storage.last = Math.max(b.storage.last, step);
        }
    }

    /** Places every storage ({@link MemoryPlan#place}), allocates the block and points every memory object at its bytes. */
    void place() {
        List<MemoryPlan.Interval> lives = new ArrayList<>();
        for (Storage s : storages) {
            lives.add(s.pinned || s.last < 0 ? MemoryPlan.Interval.wholeRun(s.bytes) : new MemoryPlan.Interval(s.bytes, s.first, s.last));
        }
        MemoryPlan.Placement placement = MemoryPlan.place(lives, ALIGN);
        for (int i = 0; i < storages.size(); i++) {
            storages.get(i).offset = placement.offset(i);
        }
        block = handles.allocate(placement.size());
        for (Binding b : bindings) {
            MemorySegment at = block.asSlice(b.storage.offset + b.offset);
            DnnlException.check(dnnl_memory_set_data_handle(b.memory, at), "bind an activation buffer");
        }
    }

    /** The bytes of {@code storage}, once placed. */
    MemorySegment segment(Storage storage) {
        return block.asSlice(storage.offset, storage.bytes);
    }

    /** Bytes of activations, once placed (for descriptions). */
    long blockBytes() {
        return block == null ? 0 : block.byteSize();
    }
}
