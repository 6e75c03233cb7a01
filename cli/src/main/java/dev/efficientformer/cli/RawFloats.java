package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Raw little-endian float32 files (the {@code .f32} files of the reference fixtures, and numpy's
 * {@code tofile} of a {@code <f4} array): no header, the shape is given separately.
 *
 * <p>Thread-safety: stateless.
 */
final class RawFloats {
    private static final ValueLayout.OfFloat FILE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private RawFloats() {
    }

    /**
     * Reads {@code floats} floats into a native-order segment of {@code arena}.
     *
     * @throws EfficientFormerException when the file's size is not {@code 4 x floats}, naming both
     */
    static MemorySegment read(Path file, long floats, String shapeDescription, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            checkSize(file, size, floats, shapeDescription);
            MemorySegment dst = arena.allocate(ValueLayout.JAVA_FLOAT, floats);
            try (Arena mapping = Arena.ofConfined()) {
                MemorySegment src = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, mapping);
                // Copying element-wise between layouts of different byte orders swaps the bytes,
                // so this is right on big-endian machines too.
                MemorySegment.copy(src, FILE_FLOAT, 0, dst, ValueLayout.JAVA_FLOAT, 0, floats);
            }
            return dst;
        }
    }

    /**
     * Fails unless {@code file} holds exactly {@code floats} float32 values: a size mismatch means a
     * wrong shape or a wrong file, and reading it anyway would produce plausible-looking garbage.
     */
    static void checkSize(Path file, long floats, String shapeDescription) throws IOException {
        checkSize(file, Files.size(file), floats, shapeDescription);
    }

    private static void checkSize(Path file, long size, long floats, String shapeDescription) {
        long expected = floats * Float.BYTES;
        if (size != expected) {
            throw new EfficientFormerException("input " + file + " has " + size + " bytes, but shape " + shapeDescription
                    + " needs " + expected + " (" + floats + " float32 values)");
        }
    }

    /**
     * Writes the floats of {@code data} (native order) to {@code file} as little-endian float32.
     * The file appears complete or not at all: it is written beside the target and renamed, so
     * that a failed run never leaves a truncated output a later step could mistake for logits.
     */
    static void write(Path file, MemorySegment data) throws IOException {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new EfficientFormerException("output is a directory, not a file: " + abs);
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            // A device or FIFO (/dev/null, /dev/stdout, a named pipe) is written as it is: replacing
            // it by renaming a file over it would destroy the node.
            try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.WRITE)) {
                writeLittleEndian(ch, data);
            }
            return;
        }
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new EfficientFormerException("output folder does not exist: " + abs.getParent());
        }
        // Named by the process id (not createTempFile, whose owner-only permissions the output
        // would keep): the umask decides, as for any file the user writes.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeLittleEndian(ch, data);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeLittleEndian(FileChannel ch, MemorySegment data) throws IOException {
        long floats = data.byteSize() / Float.BYTES;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment le = arena.allocate(data.byteSize());
            MemorySegment.copy(data, ValueLayout.JAVA_FLOAT, 0, le, FILE_FLOAT, 0, floats);
            var buf = le.asByteBuffer();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
