package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_upsample2x_f32;

import java.lang.foreign.MemorySegment;

/**
 * Bilinear x2 upsampling of an NHWC map (half-pixel centres, optional GELU) run by the project's
 * own x86_64 kernel ({@code efk_upsample2x_f32}, native/x86) instead of oneDNN's resampling, where
 * that kernel was measured faster (see {@link DnnlPlanCompiler}). Sizes are checked against the
 * segments when the step is made.
 *
 * @param src {@code [B][H][W][C]}
 * @param dst {@code [B][2H][2W][C]}, not overlapping {@code src}
 */
record UpsampleKernelStep(String kind, String stage, MemorySegment src, MemorySegment dst, long batch, long channels, long height,
                          long width, boolean gelu) implements DnnlPlan.Step {
    UpsampleKernelStep {
        long srcBytes = KernelArguments.mapBytes("upsampling", batch, channels, height, width);
        KernelArguments.requireMaps("upsampling", src, srcBytes, dst, Math.multiplyExact(srcBytes, 4));
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_upsample2x_f32(src, dst, batch, channels, height, width, gelu ? 1 : 0);
        KernelArguments.checkStatus(status, "upsampling", kind, stage);
    }
}
