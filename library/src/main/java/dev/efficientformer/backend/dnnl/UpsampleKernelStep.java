package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_upsample2x_f32;

import dev.efficientformer.EfficientFormerException;
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
        if (batch < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalStateException("the upsampling kernel does not run batch " + batch + ", " + channels + " channels of "
                    + height + "x" + width);
        }
        long srcBytes = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch, channels), Math.multiplyExact(height, width)), Float.BYTES);
        long dstBytes = Math.multiplyExact(srcBytes, 4);
        if (src.byteSize() < srcBytes || dst.byteSize() < dstBytes) {
            throw new IllegalStateException("a buffer of the upsampling kernel is smaller than its map");
        }
        if (src.address() < dst.address() + dstBytes && dst.address() < src.address() + srcBytes) {
            throw new IllegalStateException("the upsampling kernel's input and output overlap");
        }
    }

    @Override
    public void execute(MemorySegment stream) {
        int status = efk_upsample2x_f32(src, dst, batch, channels, height, width, gelu ? 1 : 0);
        if (status != 0) {
            throw new EfficientFormerException("the x86_64 upsampling kernel failed with status " + status + " (" + kind + " in " + stage + ")");
        }
    }
}
