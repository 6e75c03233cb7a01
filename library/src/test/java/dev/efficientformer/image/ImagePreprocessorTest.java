package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The public entry point: equivalence of its overloads, off-heap writes and their bounds checks. */
class ImagePreprocessorTest {
    private final ImagePreprocessor pre = ImagePreprocessor.imagenetDefault();
    private final Path chelsea = Fixtures.resource("preprocess/images/chelsea.png");

    @Test
    void outputShapeAndSize() {
        assertEquals(Shape.of(3, 224, 224), pre.outputShape());
        assertEquals(4L * 3 * 224 * 224, pre.outputByteSize());
    }

    @Test
    void bufferedImageAndPathGiveTheSameTensor() throws IOException {
        BufferedImage img = ImageIO.read(chelsea.toFile());
        assertArrayEquals(pre.toChw(chelsea), pre.toChw(img));
    }

    @Test
    void writeChwWritesNativeFloatsAtTheOffset() throws IOException {
        BufferedImage img = ImageIO.read(chelsea.toFile());
        float[] expected = pre.toChw(img);
        try (Arena arena = Arena.ofConfined()) {
            long offset = 12;
            MemorySegment seg = arena.allocate(offset + pre.outputByteSize() + 4);
            pre.writeChw(img, seg, offset);
            float[] written = seg.asSlice(offset, pre.outputByteSize()).toArray(ValueLayout.JAVA_FLOAT_UNALIGNED);
            assertArrayEquals(expected, written);
            assertEquals(0, seg.get(ValueLayout.JAVA_INT_UNALIGNED, 0), "bytes before the offset untouched");
            assertEquals(0, seg.get(ValueLayout.JAVA_INT_UNALIGNED, offset + pre.outputByteSize()), "bytes after untouched");
        }
    }

    @Test
    void writeChwRefusesASegmentWithoutRoomAndWritesNothing() {
        BufferedImage img = new BufferedImage(300, 250, BufferedImage.TYPE_INT_RGB);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(pre.outputByteSize() - 4);
            EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> pre.writeChw(img, small, 0));
            assertTrue(e.getMessage().contains(Long.toString(pre.outputByteSize())), e.getMessage());
            assertEquals(-1, small.asByteBuffer().mismatch(arena.allocate(small.byteSize()).asByteBuffer()), "nothing written");

            MemorySegment exact = arena.allocate(pre.outputByteSize());
            assertThrows(EfficientFormerException.class, () -> pre.writeChw(img, exact, 4));
            assertThrows(EfficientFormerException.class, () -> pre.writeChw(img, exact, -4));
            assertThrows(EfficientFormerException.class, () -> pre.writeChw(img, exact.asReadOnly(), 0));
            pre.writeChw(img, exact, 0);
            // A black image normalises to -mean/std in each plane.
            assertEquals((0f - 0.485f) / 0.229f, exact.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0));
            assertEquals((0f - 0.406f) / 0.225f, exact.get(ValueLayout.JAVA_FLOAT_UNALIGNED, pre.outputByteSize() - 4));
        }
    }
}
