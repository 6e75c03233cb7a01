package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The memory layout of each feature map ({@code [B, C, H, W]} activation) in a plan: channels in
 * blocks of the CPU's vector width ({@code nChw16c} on AVX-512, {@code nChw8c} on AVX2), kept
 * through a whole stage (pool mixers, 1x1 MLP convolutions, residual sums) with no reorder between
 * blocks, and NHWC where blocking does not pay.
 *
 * <p>The choice is made per grid size ({@code H x W}, i.e. per stage): a stage is blocked only
 * when every map of that size has a channel count the block divides, so a block's input, its
 * hidden map and its residual sum always share one layout family (oneDNN has only reference
 * kernels for a convolution from NHWC into a blocked layout). The input's grid stays NHWC.
 *
 * <p>Why not {@code format_tag_any}: asked for a 1x1 convolution's preferred activation layout,
 * oneDNN 3.13 answers NHWC on this AVX-512 machine (its brgemm kernels), yet its blocked
 * {@code jit_1x1} kernels ran the same L1 convolutions 3-8% faster under
 * {@code ONEDNN_VERBOSE=profile_exec}, and whole L1 2-4% faster (batch 1 on one thread, batch 8
 * on two; {@code bench}, alternating the two layouts). Blocking is chosen only where the channels
 * divide evenly: padding the stem's 24 channels to 32 wastes a quarter of its work, so the stem
 * stays NHWC and one reorder enters the blocked stages.
 *
 * <p>{@code -Defficientformer.dnnl.layout=nhwc} keeps every map NHWC, and every linear layer a
 * matmul on token-major rows (for comparisons).
 *
 * <p>Not thread-safe: one per plan compilation.
 */
final class ActivationLayouts {
    /** System property: {@code blocked} (default) or {@code nhwc}. */
    static final String PROPERTY = "efficientformer.dnnl.layout";

    private final DnnlHandles h;
    private final int block;
    private final Map<String, Layout> chosen = new HashMap<>();
    private final Set<String> blockedGrids = new HashSet<>();
    private final Set<Integer> attentionMaps;

    /**
     * A feature map's layout: its descriptor (owned by the plan) and its channel block. Memory
     * holds {@code [B][C / block][H][W][block]}: NHWC is the block of all {@code C} channels.
     */
    record Layout(MemorySegment md, int channelBlock) {
    }

    /** Layouts for {@code graph}'s maps; {@code allNhwc} (bf16x3 plans, whose split writes NHWC) overrides the property. */
    ActivationLayouts(DnnlHandles h, Graph graph, boolean allNhwc) {
        this.h = h;
        String mode = allNhwc ? "nhwc" : System.getProperty(PROPERTY, "blocked").toLowerCase(Locale.ROOT);
        this.block = switch (mode) {
            case "blocked" -> vectorChannels();
            case "nhwc" -> 0;
            default -> throw new IllegalArgumentException(PROPERTY + " must be blocked or nhwc, not " + mode);
        };
        attentionMaps = block > 0 ? attentionMaps(graph) : Set.of();
        Map<String, Boolean> blockable = new HashMap<>();
        for (Node n : graph.nodes()) {
            Value v = n.output();
            if (v.rank() == 3 && !attentionMaps.contains(v.id())) {
                boolean divides = block > 0 && v.dim(0) % block == 0 && v.dim(0) > block;
                blockable.merge(grid(v.dim(1), v.dim(2)), divides, Boolean::logicalAnd);
            }
        }
        // The caller's input arrives in NHWC: its grid stays NHWC, so no op has to cross families.
        Value in = graph.input();
        if (in.rank() == 3) {
            blockable.put(grid(in.dim(1), in.dim(2)), false);
        }
        blockable.forEach((grid, ok) -> {
            if (ok) {
                blockedGrids.add(grid);
            }
        });
    }

    /**
     * Ids of the maps a V2 attention reads or writes, which stay NHWC in any stage: q, k and v
     * (read as per-head strided views), the attention's output, and what is tied to that output
     * without a convolution between (the local value branch it is summed into, the GELU and the
     * bilinear upsampling after it). The convolutions that produce q, k and v and the projection
     * that consumes the result cross between the stage's layout and NHWC ({@code inOneFamily}).
     * The upsampling stays NHWC because oneDNN 3.13's blocked linear resampling ran 3x slower
     * than its NHWC one (V2-L, batch 8, AMD EPYC Zen 3): more than the projection gains on blocks.
     */
    private static Set<Integer> attentionMaps(Graph graph) {
        Set<Integer> ids = new HashSet<>();
        for (Node n : graph.nodes()) {
            if (n.op() instanceof Ops.Attention2d) {
                n.inputs().forEach(v -> ids.add(v.id()));
                ids.add(n.output().id());
            }
        }
        // Forward from each attention output through the ops that follow it in its own layout.
        for (Node n : graph.nodes()) {
            boolean tied = n.op() instanceof Ops.Add || n.op() instanceof Ops.Gelu || n.op() instanceof Ops.Upsample2x;
            if (tied && n.inputs().stream().anyMatch(v -> ids.contains(v.id()))) {
                n.inputs().forEach(v -> ids.add(v.id()));
                ids.add(n.output().id());
            }
        }
        return ids;
    }

    private static String grid(long height, long width) {
        return height + "x" + width;
    }

    /** The layout of feature map {@code v} of {@code dims = [B, C, H, W]}. */
    Layout featureMap(Value v, long[] dims) {
        if (attentionMaps.contains(v.id())) {
            return chosen.computeIfAbsent("nhwc " + Arrays.toString(dims), k -> nhwc(dims));
        }
        return chosen.computeIfAbsent(Arrays.toString(dims), k -> {
            if (blockedGrids.contains(grid(dims[2], dims[3]))) {
                return new Layout(blocked(dims), block);
            }
            return nhwc(dims);
        });
    }

    /** Whether {@code channels} split into whole channel blocks (never when the plan is all NHWC). */
    boolean blocks(long channels) {
        return block > 0 && channels % block == 0;
    }

    /**
     * Whether {@code channels} are exactly one channel block (never when the plan is all NHWC):
     * then a map's NHWC and blocked layouts are the same bytes.
     */
    boolean isOneBlock(long channels) {
        return block > 0 && channels == block;
    }

    /** Channels per block of the blocked layout (16 on AVX-512, 8 on AVX2), 0 when the plan is all NHWC. */
    int channelBlock() {
        return block;
    }

    /** The channel-blocked layout of a map of {@code dims = [B, C, H, W]}, whose channels {@link #blocks}. */
    MemorySegment blocked(long[] dims) {
        return h.md(dims, block == 16 ? dnnl_nChw16c() : dnnl_nChw8c());
    }

    /** NHWC: the plan's input, maps read as tokens, and maps whose channels do not block evenly. */
    Layout nhwc(long[] dims) {
        return new Layout(h.md(dims, dnnl_nhwc()), Math.toIntExact(dims[1]));
    }

    /** Whether two layouts of maps with {@code c1} and {@code c2} channels are both NHWC or both blocked. */
    static boolean sameFamily(Layout a, long c1, Layout b, long c2) {
        return (a.channelBlock() == c1) == (b.channelBlock() == c2);
    }

    /** Floats per vector register of the ISA oneDNN runs on; 0 (NHWC) for anything else. */
    static int vectorChannels() {
        return DnnlIsa.hasAvx512() ? 16 : DnnlIsa.hasAvx2() ? 8 : 0;
    }
}
