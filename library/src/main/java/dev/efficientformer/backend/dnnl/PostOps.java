package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.bindings.dnnl.dnnl_exec_arg_t;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of oneDNN post-ops being assembled for one primitive, with the extra memory arguments
 * that binary post-ops need at execution time.
 *
 * <p>Thread-safety: not thread-safe; used while compiling one plan.
 */
final class PostOps {
    /** An extra execution argument: the post-op's {@code DNNL_ARG_*} id and its memory. */
    record Arg(int id, MemorySegment memory) {
    }

    private final DnnlHandles handles;
    private final MemorySegment postOps;
    private final List<Arg> args = new ArrayList<>();
    private record Eltwise(int alg, float alpha, float beta) {
    }

    /** The eltwise ops appended, in order: what {@link #beforeSum()} repeats. */
    private final List<Eltwise> eltwise = new ArrayList<>();
    private int length;
    private boolean eltwiseAfterSum;
    private boolean depthwise;

    private boolean accumulates;

    PostOps(DnnlHandles handles) {
        this.handles = handles;
        MemorySegment out = handles.out();
        DnnlException.check(dnnl_post_ops_create(out), "create post-ops");
        this.postOps = out.get(ValueLayout.ADDRESS, 0);
        handles.own(() -> dnnl_post_ops_destroy(postOps));
    }

    /** Appends an eltwise op, {@code y = alg(x; alpha, beta)}. */
    PostOps eltwise(int alg, float alpha, float beta) {
        DnnlException.check(dnnl_post_ops_append_eltwise(postOps, alg, alpha, beta), "append an eltwise post-op");
        if (accumulates) {
            eltwiseAfterSum = true;
        }
        eltwise.add(new Eltwise(alg, alpha, beta));
        length++;
        return this;
    }

    /** Appends {@code y = y + dst}: accumulate into what the destination already holds. */
    PostOps sum() {
        DnnlException.check(dnnl_post_ops_append_sum(postOps, 1f, 0, dnnl_data_type_undef()), "append a sum post-op");
        length++;
        accumulates = true;
        return this;
    }

    /**
     * Appends an fp32 depthwise {@code kernel x kernel} convolution of the result (oneDNN's
     * depthwise post-op: only after a 1x1 convolution); post-ops appended after it apply to its
     * output. Its weights and bias are execution arguments {@code DNNL_ARG_ATTR_POST_OP_DW | ...}.
     */
    PostOps depthwise(long kernel, long stride, long padding) {
        DnnlException.check(dnnl_post_ops_append_dw(postOps, dnnl_f32(), dnnl_f32(), dnnl_f32(), kernel, stride, padding),
                "append a depthwise post-op");
        depthwise = true;
        length++;
        return this;
    }

    /** Appends {@code y = alg(y, src1)} with {@code src1} broadcast as its descriptor says. */
    PostOps binary(int alg, MemorySegment src1Md, MemorySegment src1Memory) {
        DnnlException.check(dnnl_post_ops_append_binary(postOps, alg, src1Md), "append a binary post-op");
        args.add(new Arg(DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE() * (length + 1) | DNNL_ARG_SRC_1(), src1Memory));
        length++;
        return this;
    }

    /**
     * New post-ops with the eltwise ops appended here but not the sum: for a layer whose result
     * another primitive (a reorder with a sum post-op) adds to the destination.
     *
     * @throws IllegalStateException when binary or depthwise post-ops were appended (their
     *     arguments are not repeated) or an eltwise one after the sum (it would apply to the sum)
     */
    PostOps beforeSum() {
        if (!args.isEmpty() || depthwise || eltwiseAfterSum) {
            throw new IllegalStateException("only eltwise post-ops before a sum can be split off it");
        }
        PostOps p = new PostOps(handles);
        for (Eltwise e : eltwise) {
            p.eltwise(e.alg(), e.alpha(), e.beta());
        }
        return p;
    }

    /** Whether a {@link #sum()} was appended: the result depends on what the destination held. */
    boolean accumulates() {
        return accumulates;
    }

    /** Whether nothing was appended. */
    boolean isEmpty() {
        return length == 0;
    }

    /** The extra execution arguments. */
    List<Arg> args() {
        return args;
    }

    /**
     * Primitive attributes with these post-ops and a user-managed scratchpad (so that a plan owns
     * every byte it uses and can run on any thread), owned by the plan.
     */
    MemorySegment attributes() {
        MemorySegment out = handles.out();
        DnnlException.check(dnnl_primitive_attr_create(out), "create primitive attributes");
        MemorySegment attr = out.get(ValueLayout.ADDRESS, 0);
        handles.own(() -> dnnl_primitive_attr_destroy(attr));
        DnnlException.check(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user()), "set the scratchpad mode");
        if (length > 0) {
            DnnlException.check(dnnl_primitive_attr_set_post_ops(attr, postOps), "set post-ops");
        }
        return attr;
    }

    /** The {@code dnnl_exec_arg_t} array oneDNN's execute takes, allocated in {@code arena}. */
    static MemorySegment execArgs(Arena arena, List<Arg> args) {
        MemorySegment array = dnnl_exec_arg_t.allocateArray(args.size(), arena);
        for (int i = 0; i < args.size(); i++) {
            MemorySegment e = dnnl_exec_arg_t.asSlice(array, i);
            dnnl_exec_arg_t.arg(e, args.get(i).id());
            dnnl_exec_arg_t.memory(e, args.get(i).memory());
        }
        return array;
    }
}
