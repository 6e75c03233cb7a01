package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_conv1x1_f32;

import java.lang.foreign.MemorySegment;

/**
 * A 1x1 convolution (bias, optional GELU, optional residual sum into the output) run by the
 * project's own x86_64 kernel ({@code efk_conv1x1_f32}, native/x86) instead of oneDNN's, where that
 * kernel was measured faster (see {@link DnnlPlanCompiler}). Input and output are each on
 * 16-channel blocks or NHWC. Sizes are checked against the segments when the step is made.
 *
 * @param src {@code [B][in/16][pixels][16]} ({@code srcBlock} 16) or {@code [B][pixels][in]}
 *     ({@code srcBlock == inChannels})
 * @param dst {@code [B][out/16][pixels][16]} or {@code [B][pixels][out]}, by {@code dstBlock};
 *     not overlapping {@code src}; with {@code accumulate} it holds the residual the result is added to
 * @param packed the weights as {@code efk_conv1x1_pack_f32} packs them, {@link #packedFloats} floats
 * @param bias {@code [out]} floats
 */
record Conv1x1KernelStep(String kind, String stage, MemorySegment src, MemorySegment dst, MemorySegment packed, MemorySegment bias,
                         long batch, long inChannels, long outChannels, long pixels, long srcBlock, long dstBlock, boolean gelu,
                         boolean accumulate) implements DnnlPlan.Step {
    Conv1x1KernelStep {
        long srcBytes = KernelArguments.mapBytes("1x1 convolution", batch, inChannels, pixels, 1, srcBlock);
        long dstBytes = KernelArguments.mapBytes("1x1 convolution", batch, outChannels, pixels, 1, dstBlock);
        KernelArguments.requireMaps("1x1 convolution", src, srcBytes, dst, dstBytes);
        KernelArguments.requireSize("1x1 convolution", "weights", packed, Math.multiplyExact(packedFloats(outChannels, inChannels), Float.BYTES));
        KernelArguments.requireSize("1x1 convolution", "bias", bias, outChannels * Float.BYTES);
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_conv1x1_f32(src, dst, packed, bias, batch, inChannels, outChannels, pixels, srcBlock, dstBlock, gelu ? 1 : 0,
                accumulate ? 1 : 0);
        KernelArguments.checkStatus(status, "1x1 convolution", kind, stage);
    }

    /** The floats {@code efk_conv1x1_pack_f32} writes ({@code EFK_CONV1X1_PACKED_FLOATS}): out rounded up to 16, times in. */
    static long packedFloats(long outChannels, long inChannels) {
        return Math.multiplyExact(Math.ceilDiv(outChannels, 16) * 16, inChannels);
    }
}
