package dev.efficientformer.backend.acl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Owns the shim handles and the native memory of one plan: every handle created through it is
 * destroyed by {@link #close()}, newest first, so a plan never leaks however far its compilation
 * got before failing.
 *
 * <p>Thread-safety: not thread-safe; used by the thread compiling a plan, then closed once.
 */
final class AclHandles implements AutoCloseable {
    // Shared, not confined: a plan compiled on one thread may run and be closed on others.
    private final Arena arena = Arena.ofShared();
    private final Arena scratch = Arena.ofShared();
    private final Deque<Runnable> destructors = new ArrayDeque<>();
    private long bytes;

    /** The arena that owns the plan's buffers and constants. */
    Arena arena() {
        return arena;
    }

    /** Zeroed native memory for the plan, 64-byte aligned. */
    MemorySegment allocate(long size) {
        bytes += size;
        return arena.allocate(Math.max(size, 1), 64);
    }

    /** Bytes allocated for buffers and constants. */
    long allocatedBytes() {
        return bytes;
    }

    /** Floats copied into plan memory (constants the shim reads at every run). */
    MemorySegment constant(float[] values) {
        MemorySegment s = allocate((long) values.length * Float.BYTES);
        MemorySegment.copy(values, 0, s, ValueLayout.JAVA_FLOAT, 0, values.length);
        return s;
    }

    /** A pointer-sized out-parameter, for the create calls. */
    MemorySegment out() {
        return scratch.allocate(ValueLayout.ADDRESS);
    }

    /** An int array argument for one call (dims). */
    MemorySegment ints(int... values) {
        return scratch.allocateFrom(ValueLayout.JAVA_INT, values);
    }

    /** An int64 array argument for one call (strides). */
    MemorySegment longs(long... values) {
        return scratch.allocateFrom(ValueLayout.JAVA_LONG, values);
    }

    /** Weights for a create call (the shim copies them): in scratch memory, freed with the plan. */
    MemorySegment weights(float[] values) {
        return scratch.allocateFrom(ValueLayout.JAVA_FLOAT, values);
    }

    /** Registers {@code destroy} to run at {@link #close()}. */
    void own(Runnable destroy) {
        destructors.push(destroy);
    }

    /** Frees the scratch memory of the create calls once compilation is over. */
    void compiled() {
        if (scratch.scope().isAlive()) {
            scratch.close();
        }
    }

    /** Destroys every handle, newest first, and frees the memory. Idempotent. */
    @Override
    public void close() {
        while (!destructors.isEmpty()) {
            destructors.pop().run();
        }
        compiled();
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
