package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A reorder run once, now, and thrown away: weights moved from their file layout into the one a
 * primitive chose, at compile time. (Reorders that run on every inference are plan steps instead.)
 *
 * <p>Thread-safety: safe from any thread, given a stream no other thread is using.
 */
final class ImmediateReorder {
    private ImmediateReorder() {
    }

    /**
     * Copies memory object {@code from} (laid out as {@code fromMd}) into {@code to} ({@code toMd})
     * on {@code stream} and waits for it.
     *
     * @param what what is reordered, for error messages
     */
    static void run(MemorySegment stream, MemorySegment fromMd, MemorySegment from, MemorySegment toMd, MemorySegment to, String what) {
        try (Arena tmp = Arena.ofConfined(); DnnlHandles once = new DnnlHandles()) {
            MemorySegment out = once.out();
            DnnlException.check(dnnl_reorder_primitive_desc_create(out, fromMd, DnnlEngine.get(), toMd, DnnlEngine.get(), MemorySegment.NULL),
                    "create the " + what + " reorder");
            MemorySegment reorder = once.primitive(once.primitiveDesc(out), what + " reorder");
            MemorySegment args = PostOps.execArgs(tmp, List.of(new PostOps.Arg(DNNL_ARG_FROM(), from), new PostOps.Arg(DNNL_ARG_TO(), to)));
            DnnlException.check(dnnl_primitive_execute(reorder, stream, 2, args), "reorder " + what);
            DnnlException.check(dnnl_stream_wait(stream), "wait for the " + what + " reorder");
        }
    }
}
