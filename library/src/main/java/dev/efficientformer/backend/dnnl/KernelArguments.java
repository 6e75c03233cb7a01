package dev.efficientformer.backend.dnnl;

import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.MemorySegment;

/**
 * The checks every step on the project's own x86_64 kernels makes when it is built, so that no
 * size, layout or overlap the C side would refuse (or could not detect) reaches native code.
 */
final class KernelArguments {
    private KernelArguments() {
    }

    /**
     * Whether the per-channel kernels run a map of {@code channels} laid out with
     * {@code channelBlock}: blocks of 16 (the channels a multiple of it) or NHWC
     * ({@code channelBlock == channels}).
     */
    static boolean runsLayout(long channels, long channelBlock) {
        return channelBlock == channels || (channelBlock == 16 && channels % 16 == 0);
    }

    /**
     * The byte size of a {@code batch x channels x height x width} fp32 map, in the blocks of 16
     * channels or the NHWC layout ({@code channelBlock == channels}) the per-channel kernels run.
     *
     * @throws IllegalStateException for a size below 1 or another channel block
     * @throws ArithmeticException when the size overflows a long
     */
    static long mapBytes(String kernel, long batch, long channels, long height, long width, long channelBlock) {
        if (!runsLayout(channels, channelBlock)) {
            throw new IllegalStateException("the " + kernel + " kernel does not run " + channels + " channels in blocks of " + channelBlock);
        }
        return mapBytes(kernel, batch, channels, height, width);
    }

    /** The byte size of a {@code batch x channels x height x width} fp32 map, all sizes positive. */
    static long mapBytes(String kernel, long batch, long channels, long height, long width) {
        if (batch < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalStateException("the " + kernel + " kernel does not run batch " + batch + ", " + channels + " channels of "
                    + height + "x" + width);
        }
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch, channels), Math.multiplyExact(height, width)), Float.BYTES);
    }

    /** Requires {@code segment} to hold at least {@code bytes}. */
    static void requireSize(String kernel, String what, MemorySegment segment, long bytes) {
        if (segment.byteSize() < bytes) {
            throw new IllegalStateException("the " + kernel + " kernel's " + what + " has " + segment.byteSize() + " bytes, not " + bytes);
        }
    }

    /** Requires the input and the output to hold their maps and not to overlap (the kernels read neighbours of what they write). */
    static void requireMaps(String kernel, MemorySegment src, long srcBytes, MemorySegment dst, long dstBytes) {
        requireSize(kernel, "input", src, srcBytes);
        requireSize(kernel, "output", dst, dstBytes);
        if (src.address() < dst.address() + dstBytes && dst.address() < src.address() + srcBytes) {
            throw new IllegalStateException("the " + kernel + " kernel's input and output overlap");
        }
    }

    /**
     * Throws unless a kernel call returned {@code EFK_OK} (0), naming the kernel and the step.
     *
     * @throws EfficientFormerException for any other status
     */
    static void checkStatus(int status, String kernel, String kind, String stage) {
        if (status != 0) {
            throw new EfficientFormerException("the x86_64 " + kernel + " kernel failed with status " + status + " (" + kind + " in " + stage + ")");
        }
    }
}
