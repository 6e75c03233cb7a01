package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.efficientformer.weights.torch.RestrictedUnpickler;
import dev.efficientformer.weights.torch.ZipArchive;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the real fixture (fixed seed, so failures reproduce): whatever the damage,
 * the readers either succeed or throw {@link CheckpointException}, never another exception.
 */
class CheckpointFuzzTest {
    private static final long SEED = 0x5eed_0f_7e57L;

    @TempDir
    Path dir;

    @Test
    void damagedPicklesFailOnlyWithCheckpointException() throws IOException {
        byte[] pickle;
        try (Arena arena = Arena.ofConfined()) {
            ZipArchive zip = ZipArchive.map(Fixtures.tinyV1Pth(), arena);
            pickle = zip.storedData(zip.find("model_orig/data.pkl").orElseThrow()).toArray(ValueLayout.JAVA_BYTE);
        }
        Random random = new Random(SEED);
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] damaged = mutate(pickle, random);
            try {
                RestrictedUnpickler.unpickle(damaged, "fuzz");
            } catch (CheckpointException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("round " + round + " leaked " + e, e);
            }
        }
        assertTrue(rejected > 2000, "mutations should mostly break the pickle: " + rejected);
    }

    @Test
    void damagedArchivesFailOnlyWithCheckpointException() throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.tinyV1Pth());
        Random random = new Random(SEED + 1);
        int rejectedArchives = 0;
        int rejectedCheckpoints = 0;
        for (int round = 0; round < 300; round++) {
            byte[] damaged = mutateTail(file, random);
            try {
                ZipArchive.parse(Path.of("fuzz.pth"), MemorySegment.ofArray(damaged));
            } catch (CheckpointException e) {
                rejectedArchives++;
            } catch (RuntimeException e) {
                fail("round " + round + " leaked " + e, e);
            }
            if (round % 10 == 0) {
                Path copy = Files.write(dir.resolve("fuzz" + round + ".pth"), damaged);
                try (TorchCheckpoint ckpt = TorchCheckpoint.open(copy)) {
                    ckpt.names().forEach(ckpt::tensor);
                } catch (CheckpointException e) {
                    rejectedCheckpoints++;
                } catch (RuntimeException e) {
                    fail("round " + round + " leaked " + e, e);
                }
            }
        }
        // Damage to the pickle region leaves the zip readable; damage to the directory mostly does not.
        assertTrue(rejectedArchives > 100 && rejectedArchives < 300, "rejected archives: " + rejectedArchives);
        assertTrue(rejectedCheckpoints > 10, "rejected checkpoints: " + rejectedCheckpoints);
    }

    /** Flips, overwrites, deletes or truncates a few bytes. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at + 1);
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter.length == 0 ? b : shorter;
                }
            }
        }
        return b;
    }

    /** Damages the pickle, the directory or the end records, where the structure lives. */
    private static byte[] mutateTail(byte[] original, Random random) {
        byte[] b = original.clone();
        int region = random.nextInt(3);
        int start = region == 0 ? 0 : region == 1 ? b.length - 8000 : b.length - 100;
        int length = region == 0 ? 12600 : region == 1 ? 7900 : 100;
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            b[start + random.nextInt(length)] = (byte) random.nextInt(256);
        }
        return b;
    }
}
