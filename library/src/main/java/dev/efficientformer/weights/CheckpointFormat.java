package dev.efficientformer.weights;

import dev.efficientformer.Limits;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint formats this library reads, recognised by their first bytes rather than by the
 * file name.
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum CheckpointFormat {
    /** Hugging Face safetensors (timm's published weights). */
    SAFETENSORS,
    /** PyTorch's zip-based {@code torch.save} format (the original authors' {@code .pth}). */
    PYTORCH_ZIP;

    /**
     * The format of {@code path}.
     *
     * @throws CheckpointException when the file is unreadable or in no known format
     */
    public static CheckpointFormat detect(Path path) {
        // Reading a FIFO would wait for a writer forever, and a device has no end: refuse both.
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            throw new CheckpointException(path + ": not a regular file (a FIFO, device or socket); checkpoints are read from files");
        }
        byte[] head = new byte[9];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot read: " + e, e);
        }
        return fromHead(path, head, n);
    }

    private static CheckpointFormat fromHead(Path path, byte[] head, int n) {
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return PYTORCH_ZIP;
        }
        if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            throw new CheckpointException(path + ": legacy (pre-1.6) PyTorch pickle checkpoint; re-save it with torch.save in the default"
                    + " zip format, or convert it to safetensors");
        }
        if (n == 9 && head[8] == '{') {
            return SAFETENSORS;
        }
        throw new CheckpointException(path + ": neither a safetensors file nor a PyTorch zip checkpoint");
    }

    /**
     * Opens {@code path} in its detected format, keys as stored (timm's or the original authors'
     * names: {@code ModelFamily.withTimmNames} presents the latter under timm's, and
     * {@code EfficientFormerModel} reads both).
     *
     * @throws CheckpointException naming the file and what is wrong with it
     */
    public static WeightFile open(Path path) {
        return switch (detect(path)) {
            case SAFETENSORS -> SafetensorsFile.open(path);
            case PYTORCH_ZIP -> TorchCheckpoint.open(path);
        };
    }

    /**
     * Reads a checkpoint held in memory ({@code MemorySegment.ofArray(bytes)},
     * {@code MemorySegment.ofBuffer(buffer)} or native memory), in its detected format, like
     * {@link #open(Path)}. The bytes are copied: the caller may reuse or free them at once.
     *
     * @param name what messages call the checkpoint, e.g. the name it came under
     * @throws CheckpointException naming {@code name} and what is wrong
     */
    public static WeightFile read(MemorySegment bytes, String name) {
        Path label = label(name);
        if (Limits.CHECKPOINT_TOTAL_BYTES.isExceededBy(bytes.byteSize() - Limits.SAFETENSORS_HEADER_BYTES.value())) {
            throw new CheckpointException(label + ": " + Limits.CHECKPOINT_TOTAL_BYTES.exceeded("a checkpoint of " + bytes.byteSize() + " bytes",
                    bytes.byteSize()));
        }
        byte[] head = new byte[(int) Math.min(9, bytes.byteSize())];
        MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, 0, head, 0, head.length);
        CheckpointFormat format = fromHead(label, head, head.length);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment copy = arena.allocate(bytes.byteSize(), 64);
            copy.copyFrom(bytes);
            return switch (format) {
                case SAFETENSORS -> SafetensorsFile.read(label, copy, arena);
                case PYTORCH_ZIP -> TorchCheckpoint.read(label, copy, arena);
            };
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** A path for messages: the name as given, with characters no path may hold replaced. */
    private static Path label(String name) {
        String safe = name == null || name.isBlank() ? "<checkpoint in memory>" : name.replace('\0', '?');
        try {
            return Path.of(safe);
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("<checkpoint in memory>");
        }
    }
}
