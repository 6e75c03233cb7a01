package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_dwconv3x3_f32;

import dev.efficientformer.EfficientFormerException;
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
        if (batch < 1 || channels < 1 || height < 1 || width < 1 || !(channelBlock == channels || (channelBlock == 16 && channels % 16 == 0))) {
            throw new IllegalStateException("the depthwise kernel does not run batch " + batch + ", " + channels + " channels of "
                    + height + "x" + width + " in blocks of " + channelBlock);
        }
        long mapBytes = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch, channels), Math.multiplyExact(height, width)), Float.BYTES);
        if (src.byteSize() < mapBytes || dst.byteSize() < mapBytes || weights.byteSize() < channels * 9 * Float.BYTES
                || bias.byteSize() < channels * Float.BYTES) {
            throw new IllegalStateException("a buffer of the depthwise kernel is smaller than its " + mapBytes + "-byte map");
        }
        long s = src.address();
        long d = dst.address();
        if (s < d + mapBytes && d < s + mapBytes) {
            throw new IllegalStateException("the depthwise kernel's input and output overlap");
        }
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_dwconv3x3_f32(src, dst, weights, bias, batch, channels, height, width, channelBlock, gelu ? 1 : 0);
        if (status != 0) {
            throw new EfficientFormerException("the x86_64 depthwise kernel failed with status " + status + " (" + kind + " in " + stage + ")");
        }
    }
}
