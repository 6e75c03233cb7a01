package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_stem3x3s2_f32;

import java.lang.foreign.MemorySegment;

/**
 * The stem's first convolution (3x3, stride 2, padding 1, with its activation) computed from the
 * caller's NCHW image by the project's own x86_64 kernel ({@code efk_stem3x3s2_f32}, native/x86)
 * instead of an input reorder and oneDNN's convolution (see {@link DnnlPlanCompiler}). Sizes are
 * checked against the segments when the step is made.
 *
 * @param src the image, {@code [B][in][H][W]}
 * @param dst the output, {@code [B][out/16][OH][OW][16]} ({@code channelBlock} 16) or NHWC ({@code channelBlock} out)
 * @param weights {@code [out][in][3][3]} floats
 * @param bias {@code [out]} floats
 * @param activation one of the kernels' {@code EFK_ACTIVATION_*} codes
 */
record StemKernelStep(String kind, String stage, MemorySegment src, MemorySegment dst, MemorySegment weights, MemorySegment bias,
                      long batch, long inChannels, long outChannels, long height, long width, long channelBlock, int activation)
        implements DnnlPlan.Step {
    StemKernelStep {
        if (inChannels > 4 || outChannels > 48) {
            throw new IllegalStateException("the stem kernel does not run " + inChannels + " -> " + outChannels + " channels");
        }
        long srcBytes = KernelArguments.mapBytes("stem", batch, inChannels, height, width);
        long dstBytes = KernelArguments.mapBytes("stem", batch, outChannels, (height - 1) / 2 + 1, (width - 1) / 2 + 1, channelBlock);
        KernelArguments.requireMaps("stem", src, srcBytes, dst, dstBytes);
        KernelArguments.requireSize("stem", "weights", weights, outChannels * inChannels * 9 * Float.BYTES);
        KernelArguments.requireSize("stem", "bias", bias, outChannels * Float.BYTES);
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_stem3x3s2_f32(src, dst, weights, bias, batch, inChannels, outChannels, height, width, channelBlock, activation);
        KernelArguments.checkStatus(status, "stem", kind, stage);
    }
}
