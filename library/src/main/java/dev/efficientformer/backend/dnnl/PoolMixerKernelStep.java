package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_pool_mixer3x3_f32;

import java.lang.foreign.MemorySegment;

/**
 * EfficientFormer V1's pool mixer, {@code x + scale * (avgpool3x3(x) - x)} (the average over the
 * valid neighbours), run by the project's own x86_64 kernel ({@code efk_pool_mixer3x3_f32},
 * native/x86) instead of oneDNN's pooling with three binary post-ops, where that kernel was measured
 * faster (see {@link DnnlPlanCompiler}). Sizes are checked against the segments when the step is
 * made.
 *
 * @param src the input map, {@code [B][C/16][H][W][16]} ({@code channelBlock} 16) or NHWC ({@code channelBlock} C)
 * @param dst the output map, same layout, not overlapping {@code src}
 * @param scale {@code [C]} floats
 */
record PoolMixerKernelStep(String kind, String stage, MemorySegment src, MemorySegment dst, MemorySegment scale, long batch,
                           long channels, long height, long width, long channelBlock) implements DnnlPlan.Step {
    PoolMixerKernelStep {
        long mapBytes = KernelArguments.mapBytes("pool mixer", batch, channels, height, width, channelBlock);
        KernelArguments.requireMaps("pool mixer", src, mapBytes, dst, mapBytes);
        KernelArguments.requireSize("pool mixer", "scale", scale, channels * Float.BYTES);
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_pool_mixer3x3_f32(src, dst, scale, batch, channels, height, width, channelBlock);
        KernelArguments.checkStatus(status, "pool mixer", kind, stage);
    }
}
