package dev.efficientformer.weights;

import static dev.efficientformer.weights.torch.TorchZipWriter.floats;
import static dev.efficientformer.weights.torch.TorchZipWriter.modelPickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.weights.torch.PickleWriter;
import dev.efficientformer.weights.torch.TorchZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints built by hand: the accepted variations and every kind of damage or attack. */
class TorchCheckpointHostileTest {
    private static final long[] SCALAR = {};

    @TempDir
    Path dir;

    private int files;

    /** A checkpoint {'model': {...}} in archive "archive/" with one float storage "0" of six elements. */
    private Path checkpoint(Consumer<PickleWriter> items) throws IOException {
        return checkpoint(modelPickle(items), floats(0, 1, 2, 3, 4, 5));
    }

    private Path checkpoint(byte[] pickle, byte[] storage0) throws IOException {
        return new TorchZipWriter().entry("archive/data.pkl", pickle).entry("archive/data/0", storage0)
                .entry("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII))
                .write(dir.resolve("ckpt" + files++ + ".pth"));
    }

    private static CheckpointException rejected(Path file, String fragment) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.open(file).close());
        assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), () -> "message lacks the file: " + e.getMessage());
        return e;
    }

    @Test
    void readsViewsAtAnOffsetAndCopiesNonContiguousTensors() throws IOException {
        Path file = checkpoint(w -> w
                .str("tail").tensor("FloatStorage", "0", 6, 4, new long[] {2}, new long[] {1})
                .str("transposed").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3})
                .str("broadcast").tensor("FloatStorage", "0", 6, 2, new long[] {2, 1}, new long[] {0, 7})
                .str("empty").tensor("FloatStorage", "0", 6, 6, new long[] {0, 5}, new long[] {5, 1}));
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(file)) {
            assertEquals(List.of("tail", "transposed", "broadcast", "empty"), ckpt.names());
            Tensor tail = ckpt.tensor("tail");
            assertTrue(tail.segment().isMapped());
            assertArrayEquals(new float[] {4, 5}, tail.toFloatArray());
            Tensor transposed = ckpt.tensor("transposed");
            assertEquals(Shape.of(3, 2), transposed.shape());
            assertFalse(transposed.segment().isMapped());
            assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, transposed.toFloatArray());
            assertArrayEquals(new float[] {2, 2}, ckpt.tensor("broadcast").toFloatArray());
            assertEquals(0, ckpt.tensor("empty").elementCount());
        }
    }

    @Test
    void acceptsStateDictKeyAndBareStateDict() throws IOException {
        // {'epoch': 300, 'state_dict': OrderedDict(w=...)}, as training scripts save it.
        byte[] wrapped = new PickleWriter().proto(2).raw('}').mark().str("epoch").integer(300).str("state_dict")
                .orderedDict().mark().str("w").tensor("FloatStorage", "0", 6, 0, new long[] {6}, new long[] {1})
                .raw('u').raw('u').stop().bytes();
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(checkpoint(wrapped, floats(0, 1, 2, 3, 4, 5)))) {
            assertEquals(List.of("w"), ckpt.names());
            assertEquals(5f, ckpt.tensor("w").getFloat(5));
        }
        byte[] bare = new PickleWriter().proto(2).orderedDict().mark().str("w")
                .tensor("FloatStorage", "0", 6, 1, new long[] {5}, new long[] {1}).raw('u').stop().bytes();
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(checkpoint(bare, floats(0, 1, 2, 3, 4, 5)))) {
            assertEquals(new TensorInfo("w", DType.F32, Shape.of(5)), ckpt.info("w"));
            assertArrayEquals(new float[] {1, 2, 3, 4, 5}, ckpt.tensor("w").toFloatArray());
        }
    }

    @Test
    void rejectsAZipWithoutDataPkl() throws IOException {
        Path file = new TorchZipWriter().entry("archive/data/0", floats(1)).entry("archive/version", new byte[] {'3'})
                .write(dir.resolve("nopickle.pth"));
        rejected(file, "is a zip without '<archive>/data.pkl', so not a checkpoint written by torch.save");
    }

    @Test
    void rejectsNonZipAndLegacyFiles() throws IOException {
        rejected(Files.writeString(dir.resolve("text.pth"), "definitely not a checkpoint"),
                "no end-of-central-directory record");
        byte[] legacy = new PickleWriter().proto(2).raw(0x8a, 10).le(0x1950a86a20f9469cL, 8).le(0xfc6c, 2).stop().bytes();
        rejected(Files.write(dir.resolve("legacy.pth"), legacy), "is a legacy PyTorch checkpoint");
        byte[] fixture = Files.readAllBytes(Fixtures.tinyV1Pth());
        rejected(Files.write(dir.resolve("truncated.pth"), Arrays.copyOf(fixture, fixture.length - 40)),
                "no end-of-central-directory record");
    }

    @Test
    void refusesDangerousGlobalsInACheckpoint() throws IOException {
        byte[] osSystem = new PickleWriter().proto(2).global("os", "system").str("rm -rf ~").raw(0x85).reduce().stop().bytes();
        CheckpointException e = rejected(checkpoint(osSystem, floats(0)), "refusing to load global 'os system' from ");
        assertTrue(e.getMessage().endsWith(": only tensors, storages and ordered dicts are allowed"), e.getMessage());
        byte[] evalInModel = modelPickle(w -> w.str("w").stackGlobal("builtins", "eval").str("1").raw(0x85).reduce());
        rejected(checkpoint(evalInModel, floats(0)), "refusing to load global 'builtins eval'");
        byte[] namespace = new PickleWriter().proto(2).raw('}').str("args").global("argparse", "Namespace").raw(')')
                .reduce().raw('s').stop().bytes();
        rejected(checkpoint(namespace, floats(0)), "refusing to load global 'argparse Namespace'");
    }

    @Test
    void rejectsAMissingStorageEntry() throws IOException {
        Path file = checkpoint(w -> w.str("w").tensor("FloatStorage", "5", 6, 0, new long[] {6}, new long[] {1}));
        rejected(file, "tensor 'w' in " + file + " uses storage '5', but the archive has no entry 'archive/data/5'");
    }

    @Test
    void rejectsViewsReachingPastTheStorage() throws IOException {
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 4, new long[] {3}, new long[] {1})),
                "reaches element 6 of storage '0', which has 6 elements");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {4, 1})),
                "reaches element 6 of storage '0'");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 7, new long[] {0}, new long[] {1})),
                "of storage '0', which has 6 elements");
        // The persistent id claims more elements than the entry's bytes hold.
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 1000, 0, new long[] {1000}, new long[] {1})),
                "uses storage '0' of 1000 float32 elements (4000 bytes), but its entry has 24 bytes");
        // Reinterpreting the float storage as int64 needs 48 bytes.
        rejected(checkpoint(w -> w.str("w").tensor("LongStorage", "0", 6, 0, new long[] {6}, new long[] {1})),
                "of 6 int64 elements (48 bytes), but its entry has 24 bytes");
    }

    @Test
    void rejectsNegativeAndOverflowingSizes() throws IOException {
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {-1}, new long[] {1})),
                "tensor 'w' in " + dir.resolve("ckpt0.pth") + " has a negative size, stride or offset");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, -2, new long[] {1}, new long[] {1})),
                "has a negative size, stride or offset");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {2}, new long[] {-1})),
                "has a negative size, stride or offset");
        long big = Long.MAX_VALUE / 2;
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {big, 4}, new long[] {1, 1})),
                "whose extent overflows");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {3, 3}, new long[] {big, big})),
                "whose extent overflows");
        rejected(checkpoint(w -> w.str("w").tensor("FloatStorage", "0", Long.MAX_VALUE / 2, 0, new long[] {1},
                new long[] {1})), "whose extent overflows");
    }

    @Test
    void rejectsADeflatedTensorEntry() throws IOException {
        byte[] pickle = modelPickle(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {6}, new long[] {1}));
        Path file = new TorchZipWriter().entry("archive/data.pkl", pickle).deflatedEntry("archive/data/0",
                floats(0, 1, 2, 3, 4, 5)).write(dir.resolve("deflated.pth"));
        rejected(file, "entry 'archive/data/0' of " + file + " is compressed (method 8, deflate)");
    }

    @Test
    void rejectsUnsupportedDtypesByName() throws IOException {
        rejected(checkpoint(w -> w.str("w").tensor("DoubleStorage", "0", 3, 0, new long[] {3}, new long[] {1})),
                "tensor 'w' in " + dir.resolve("ckpt0.pth") + " has dtype float64 (torch.DoubleStorage)");
        rejected(checkpoint(w -> w.str("m").tensor("BoolStorage", "0", 3, 0, new long[] {3}, new long[] {1})),
                "has dtype bool (torch.BoolStorage)");
    }

    @Test
    void rejectsCheckpointsWithoutAStateDict() throws IOException {
        byte[] other = new PickleWriter().proto(2).raw('}').mark().str("epoch").integer(3).str("optimizer").raw('}')
                .raw('u').stop().bytes();
        rejected(checkpoint(other, floats(0)),
                "no state dict in " + dir.resolve("ckpt0.pth") + ": its top-level dict has keys ['epoch', 'optimizer']");
        byte[] notTensor = modelPickle(w -> w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {6}, new long[] {1})
                .str("note").str("hello"));
        rejected(checkpoint(notTensor, floats(0, 1, 2, 3, 4, 5)), "'note' in the state dict of ");
        byte[] list = new PickleWriter().proto(2).raw(']').stop().bytes();
        rejected(checkpoint(list, floats(0)), "holds a list, not a dict of tensors");
    }

    @Test
    void rejectsBigEndianCheckpoints() throws IOException {
        byte[] pickle = modelPickle(w -> w.str("w").tensor("FloatStorage", "0", 1, 0, SCALAR, SCALAR));
        Path file = new TorchZipWriter().entry("archive/data.pkl", pickle).entry("archive/byteorder", "big".getBytes(
                StandardCharsets.US_ASCII)).entry("archive/data/0", floats(1)).write(dir.resolve("big.pth"));
        rejected(file, "was saved with byte order 'big'; only little-endian checkpoints are supported");
        Path little = new TorchZipWriter().entry("archive/data.pkl", pickle).entry("archive/byteorder", "little".getBytes(
                StandardCharsets.US_ASCII)).entry("archive/data/0", floats(1.5f)).write(dir.resolve("little.pth"));
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(little)) {
            assertEquals(1.5f, ckpt.tensor("w").getFloat(0));
        }
    }

    @Test
    void rejectsAmbiguousArchives() throws IOException {
        byte[] pickle = modelPickle(w -> w.str("w").tensor("FloatStorage", "0", 1, 0, SCALAR, SCALAR));
        Path file = new TorchZipWriter().entry("a/data.pkl", pickle).entry("b/data.pkl", pickle)
                .entry("a/data/0", floats(1)).write(dir.resolve("two.pth"));
        rejected(file, "has several data.pkl entries ([a/data.pkl, b/data.pkl])");
    }
}
