package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_dwconv3x3_f32;

import java.lang.foreign.MemorySegment;

/**
 * A depthwise 3x3 convolution (stride 1, padding 1, optional GELU) run by the project's own x86_64
 * kernel ({@code efk_dwconv3x3_f32}, native/x86) instead of a oneDNN primitive, where that kernel
 * was measured faster (see {@link DnnlPlanCompiler}). Every size is checked against the segments
 * when the step is made, so nothing reaches native code that would read or write past them.
 *
 * @param src the input map, {@code [B][C/16][H][W][16]} ({@code channelBlock} 16) or NHWC ({@code channelBlock} C)
 * @param dst the output map, same layout, not overlapping {@code src}
 * @param weights {@code [C][3][3]} floats
 * @param bias {@code [C]} floats
 */
record DepthwiseKernelStep(String kind, String stage, MemorySegment src, MemorySegment dst, MemorySegment weights, MemorySegment bias,
                           long batch, long channels, long height, long width, long channelBlock, boolean gelu) implements DnnlPlan.Step {
    DepthwiseKernelStep {
        long mapBytes = KernelArguments.mapBytes("depthwise", batch, channels, height, width, channelBlock);
        KernelArguments.requireMaps("depthwise", src, mapBytes, dst, mapBytes);
        KernelArguments.requireSize("depthwise", "weights", weights, Math.multiplyExact(channels, 9L * Float.BYTES));
        KernelArguments.requireSize("depthwise", "bias", bias, channels * Float.BYTES);
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_dwconv3x3_f32(src, dst, weights, bias, batch, channels, height, width, channelBlock, gelu ? 1 : 0);
        KernelArguments.checkStatus(status, "depthwise", kind, stage);
    }
}
