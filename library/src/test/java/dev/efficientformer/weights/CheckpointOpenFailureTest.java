package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a checkpoint that fails keeps nothing (no mapping, no descriptor), also when the failure
 * comes after the file was mapped (renaming the original authors' keys onto timm's collides); and a
 * FIFO or device is refused at once instead of being read forever.
 */
class CheckpointOpenFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedRenamingReleasesTheMappedFile() throws IOException {
        // patch_embed.0 is the original name of stem.conv1: renamed, the two keys collide.
        String header = "{\"patch_embed.0.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"stem.conv1.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path file = Files.write(dir.resolve("colliding-keys.safetensors"), b.array());
        for (int i = 0; i < 2000; i++) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> EfficientFormerModel.load(file, ModelOptions.defaults().withBackend("java")).close());
            if (i == 0) {
                assertTrue(e.getMessage().contains("stem.conv1.weight"), e.getMessage());
            }
        }
        assertEquals(0, linesMentioning(Path.of("/proc/self/maps"), file), "mappings of " + file + " left after 2000 failed loads");
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            long open = fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false;
                }
            }).count();
            assertEquals(0, open, "descriptors of " + file + " left open");
        }
    }

    @Test
    @Timeout(30)
    void aFifoIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("model.safetensors");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFormat.open(fifo));
        assertTrue(e.getMessage().startsWith(fifo + ": not a regular file"), e.getMessage());
        CheckpointException dev = assertThrows(CheckpointException.class, () -> CheckpointFormat.open(Path.of("/dev/zero")));
        assertTrue(dev.getMessage().contains("not a regular file"), dev.getMessage());
    }

    private static long linesMentioning(Path procFile, Path file) throws IOException {
        try (Stream<String> lines = Files.lines(procFile)) {
            return lines.filter(l -> l.endsWith(file.toString())).count();
        }
    }
}
