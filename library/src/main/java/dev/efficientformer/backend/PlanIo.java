package dev.efficientformer.backend;

import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.MemorySegment;

/** The size checks every {@link Plan#run} makes before touching its arguments. Thread-safety: stateless. */
public final class PlanIo {
    private PlanIo() {
    }

    /**
     * Checks that {@code input} and {@code output} hold exactly the floats a plan reads and writes.
     *
     * @throws EfficientFormerException naming the expected and actual sizes
     */
    public static void checkSizes(MemorySegment input, long inputFloats, MemorySegment output, long outputFloats) {
        if (input.byteSize() != inputFloats * Float.BYTES) {
            throw new EfficientFormerException("input holds " + input.byteSize() + " bytes, the plan needs " + inputFloats
                    + " floats (" + inputFloats * Float.BYTES + " bytes)");
        }
        if (output.byteSize() != outputFloats * Float.BYTES) {
            throw new EfficientFormerException("output holds " + output.byteSize() + " bytes, the plan writes " + outputFloats
                    + " floats (" + outputFloats * Float.BYTES + " bytes)");
        }
        if (output.isReadOnly()) {
            throw new EfficientFormerException("output segment is read-only");
        }
    }

    /**
     * Checks that {@code inputFloats} floats from {@code inputOffset} bytes lie inside {@code input},
     * and {@code outputFloats} from {@code outputOffset} inside a writable {@code output}.
     *
     * @throws EfficientFormerException naming the range and the segment's size
     */
    public static void checkRanges(MemorySegment input, long inputOffset, long inputFloats, MemorySegment output, long outputOffset,
            long outputFloats) {
        checkRange("input", input, inputOffset, inputFloats);
        checkRange("output", output, outputOffset, outputFloats);
        if (output.isReadOnly()) {
            throw new EfficientFormerException("output segment is read-only");
        }
    }

    private static void checkRange(String what, MemorySegment segment, long offset, long floats) {
        if (offset < 0 || offset > segment.byteSize() || segment.byteSize() - offset < floats * Float.BYTES) {
            throw new EfficientFormerException(what + " holds " + segment.byteSize() + " bytes, the plan needs " + floats
                    + " floats (" + floats * Float.BYTES + " bytes) from offset " + offset);
        }
    }
}
