package dev.efficientformer.weights;

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
     * Opens {@code path} in its detected format. Checkpoints with the original authors' key names
     * are presented under timm's names, so that one model builder reads both.
     *
     * @throws CheckpointException naming the file and what is wrong with it
     */
    public static WeightFile open(Path path) {
        WeightFile f = switch (detect(path)) {
            case SAFETENSORS -> SafetensorsFile.open(path);
            case PYTORCH_ZIP -> TorchCheckpoint.open(path);
        };
        try {
            return RenamedWeightFile.withTimmNames(f);
        } catch (RuntimeException | Error e) {
            // The file is mapped: a failed renaming must not keep it (2000 such loads kept 380 MB).
            try {
                f.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
