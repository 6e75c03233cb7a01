package dev.efficientformer;

import static dev.efficientformer.weights.torch.TorchZipWriter.modelPickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.image.ImageDecoder;
import dev.efficientformer.image.ImageDecodingException;
import dev.efficientformer.json.Json;
import dev.efficientformer.json.JsonFormatException;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.SafetensorsFile;
import dev.efficientformer.weights.TorchCheckpoint;
import dev.efficientformer.weights.torch.PickleWriter;
import dev.efficientformer.weights.torch.RestrictedUnpickler;
import dev.efficientformer.weights.torch.TorchZipWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each limit of {@link Limits}: exceeded, it is refused before the memory it guards is allocated,
 * with a message naming the limit, the value seen and the system property; the property raises
 * or lowers it at the next check. (Properties are set here and cleared after each test; test
 * classes run one at a time.)
 */
class LimitsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        for (Limits.Limit l : Limits.all()) {
            System.clearProperty(l.property());
        }
    }

    private static <T extends Throwable> T refused(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
        return e;
    }

    private Path safetensors(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return Files.write(Files.createTempFile(dir, "limits", ".safetensors"), b.array());
    }

    private Path pth(byte[] pickle, int storageBytes) throws IOException {
        return new TorchZipWriter().entry("archive/data.pkl", pickle).entry("archive/data/0", new byte[storageBytes])
                .entry("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII))
                .write(Files.createTempFile(dir, "limits", ".pth"));
    }

    @Test
    void everyLimitHasADefaultAndAProperty() {
        assertEquals(7, Limits.all().size());
        for (Limits.Limit l : Limits.all()) {
            assertTrue(l.property().startsWith("efficientformer.limits."), l.toString());
            assertEquals(l.defaultValue(), l.value(), l.toString());
        }
        assertEquals(16L << 20, Limits.SAFETENSORS_HEADER_BYTES.value());
        assertEquals(SafetensorsFile.MAX_HEADER_BYTES, Limits.SAFETENSORS_HEADER_BYTES.defaultValue());
        assertEquals(RestrictedUnpickler.MAX_PICKLE_BYTES, Limits.PICKLE_BYTES.defaultValue());
        assertEquals(ImageDecoder.DEFAULT_MAX_PIXELS, Limits.IMAGE_PIXELS.defaultValue());
    }

    @Test
    void aBadPropertyValueIsNamed() {
        System.setProperty("efficientformer.limits.image.pixels", "a lot");
        refused(EfficientFormerException.class, Limits.IMAGE_PIXELS::value,
                "system property efficientformer.limits.image.pixels = \"a lot\" is not a whole number");
        System.setProperty("efficientformer.limits.image.pixels", Long.toString(Long.MAX_VALUE));
        refused(EfficientFormerException.class, Limits.IMAGE_PIXELS::value, "= 9223372036854775807 must be at most 281474976710656");
        System.setProperty("efficientformer.limits.checkpoint.tensors", Long.toString(Long.MAX_VALUE));
        refused(EfficientFormerException.class, Limits::checkpointValues, "efficientformer.limits.checkpoint.tensors", "must be at most");
        System.setProperty("efficientformer.limits.checkpoint.tensors", Long.toString(Limits.Limit.MAX_VALUE));
        assertTrue(Limits.checkpointValues() > Limits.Limit.MAX_VALUE);
        System.clearProperty("efficientformer.limits.checkpoint.tensors");
        System.setProperty("efficientformer.limits.image.pixels", "-5");
        refused(EfficientFormerException.class, Limits.IMAGE_PIXELS::value,
                "efficientformer.limits.image.pixels = -5 must be positive");
        System.setProperty("efficientformer.limits.image.pixels", "1_000");
        assertEquals(1000, Limits.IMAGE_PIXELS.value());
    }

    @Test
    void safetensorsHeaderSize() throws IOException {
        Path tiny = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        System.setProperty("efficientformer.limits.safetensors.headerBytes", "11311");
        refused(CheckpointException.class, () -> SafetensorsFile.open(tiny).close(), tiny.toString(),
                "safetensors header of 11312 bytes exceeds the limit of 11311 bytes",
                "(raise it with -Defficientformer.limits.safetensors.headerBytes=11312 if the input is trusted)");
        System.setProperty("efficientformer.limits.safetensors.headerBytes", "11312");
        SafetensorsFile.open(tiny).close();
        // The default: a 17 MiB header is refused from its length field, before it is read.
        System.clearProperty("efficientformer.limits.safetensors.headerBytes");
        Path big = safetensors("{" + " ".repeat(17 << 20) + "}", 0);
        refused(CheckpointException.class, () -> SafetensorsFile.open(big).close(),
                "safetensors header of 17825794 bytes exceeds the limit of 16777216 bytes");
    }

    @Test
    void tensorCount() throws IOException {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            h.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[")
                    .append(4 * i).append(',').append(4 * i + 4).append("]}");
        }
        Path twelve = safetensors(h.append('}').toString(), 48);
        SafetensorsFile.open(twelve).close();
        System.setProperty("efficientformer.limits.checkpoint.tensors", "11");
        refused(CheckpointException.class, () -> SafetensorsFile.open(twelve).close(),
                "header of 12 tensors exceeds the limit of 11 tensors (raise it with -Defficientformer.limits.checkpoint.tensors=12");

        Path pth = Fixtures.tiny("tiny_v1").resolve("model_orig.pth");
        System.setProperty("efficientformer.limits.checkpoint.tensors", "120");
        // 121 tensors, 121 storages: the zip directory (123 entries) is within 120 + 64.
        refused(CheckpointException.class, () -> TorchCheckpoint.open(pth).close(),
                "state dict of 121 tensors exceeds the limit of 120 tensors");
        System.setProperty("efficientformer.limits.checkpoint.tensors", "50");
        refused(CheckpointException.class, () -> TorchCheckpoint.open(pth).close(),
                "it has 123 entries, more than one per tensor plus 64 within the tensor count limit of 50 tensors",
                "-Defficientformer.limits.checkpoint.tensors=123");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void jsonAndPickleValuesAreBoundedByTheTensorLimit() throws IOException {
        // 1.2 million zeros fit in a 2.4 MB header (far below its limit) but would take tens of MB
        // of heap as parsed values: refused once 64 x 16384 + 65536 values have been built.
        Path zeros = safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[" + "0,".repeat(1_200_000) + "0],\"data_offsets\":[0,0]}}", 0);
        refused(CheckpointException.class, () -> SafetensorsFile.open(zeros).close(),
                "header builds more than 1114112 values, above the 64 per tensor that the tensor count limit of 16384 tensors allows",
                "-Defficientformer.limits.checkpoint.tensors=32768");
        // A list per two bytes (EMPTY_LIST APPEND): 2.4 MB of pickle would make 1.2 million lists.
        PickleWriter w = new PickleWriter().proto(2).raw(']');
        for (int i = 0; i < 1_200_000; i++) {
            w.raw(']', 'a');
        }
        byte[] lists = w.stop().bytes();
        refused(CheckpointException.class, () -> RestrictedUnpickler.unpickle(lists, "lists.pth"),
                "malformed pickle in lists.pth", "pickle builds more than 1114112 values",
                "-Defficientformer.limits.checkpoint.tensors=32768");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHugeJsonIntegerIsRefusedAtOnce() {
        // BigInteger parses a 2-million-digit integer in about a minute.
        String doc = "{\"a\":" + "9".repeat(2_000_000) + "}";
        refused(JsonFormatException.class, () -> Json.parseObject(doc), "integer of 2000000 digits (at most 1000 are accepted)");
        assertEquals(Double.POSITIVE_INFINITY, Json.parse("1e99999999999"));
        assertEquals(12345678901234567890.0, ((java.math.BigInteger) Json.parse("12345678901234567890")).doubleValue());
    }

    @Test
    void totalBytes() throws IOException {
        Path tiny = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        System.setProperty("efficientformer.limits.checkpoint.totalBytes", "1000");
        refused(CheckpointException.class, () -> SafetensorsFile.open(tiny).close(),
                "tensor data of 140960 bytes exceeds the limit of 1000 bytes",
                "-Defficientformer.limits.checkpoint.totalBytes=140960");
        System.clearProperty("efficientformer.limits.checkpoint.totalBytes");

        // A zero-stride view shows one stored float as 2^31 of them: 8 GiB that tensor() would
        // copy out. Counted at its logical size, it is refused when the file is opened.
        byte[] bomb = modelPickle(p -> p.str("w").tensor("FloatStorage", "0", 1, 0, new long[] {1L << 31}, new long[] {0}));
        Path file = pth(bomb, 4);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        refused(CheckpointException.class, () -> TorchCheckpoint.open(file).close(), file.toString(),
                "tensors of 8589934592 bytes or more exceeds the limit of 1073741824 bytes",
                "-Defficientformer.limits.checkpoint.totalBytes=8589934592");
        assertTrue(mx.getCurrentThreadAllocatedBytes() - before < 16 << 20, "refused without copying");
        System.setProperty("efficientformer.limits.checkpoint.totalBytes", "8589934592");
        try (TorchCheckpoint ok = TorchCheckpoint.open(file)) {
            assertEquals(1L << 31, ok.info("w").shape().elementCount(), "raised, the same file opens");
        }
    }

    @Test
    void pickleSize() throws IOException {
        Path pth = Fixtures.tiny("tiny_v1").resolve("model_orig.pth");
        System.setProperty("efficientformer.limits.pickle.bytes", "12000");
        refused(CheckpointException.class, () -> TorchCheckpoint.open(pth).close(), pth.toString(),
                "model_orig/data.pkl of 12511 bytes exceeds the limit of 12000 bytes",
                "-Defficientformer.limits.pickle.bytes=12511");
        refused(CheckpointException.class, () -> RestrictedUnpickler.unpickle(new byte[12001], "x.pth"),
                "x.pth: pickle of 12001 bytes exceeds the limit of 12000 bytes");
        System.setProperty("efficientformer.limits.pickle.bytes", "12511");
        TorchCheckpoint.open(pth).close();
    }

    @Test
    void imagePixels() {
        Path chelsea = Fixtures.resource("preprocess/images/chelsea.png");
        assertEquals(451, ImageDecoder.withDefaults().decode(chelsea).width());
        System.setProperty("efficientformer.limits.image.pixels", "135299");
        assertEquals(135299, ImageDecoder.withDefaults().maxPixels());
        refused(ImageDecodingException.class, () -> ImageDecoder.withDefaults().decode(chelsea), chelsea.toString(),
                "451x300 = 135300 pixels, above the image pixel limit of 135299 pixels",
                "raise it with -Defficientformer.limits.image.pixels=135300 or ImageDecoder.withMaxPixels(135300)");
        // The model's preprocessing uses the default decoder, so the property reaches it too.
        try (EfficientFormerModel m = EfficientFormerModel.load(Fixtures.tiny("tiny_v1").resolve("model.safetensors"),
                ModelOptions.defaults().withBackend("java"))) {
            refused(ImageDecodingException.class, () -> m.classify(chelsea, 1), "above the image pixel limit of 135299");
        }
        System.setProperty("efficientformer.limits.image.pixels", "135300");
        assertEquals(300, ImageDecoder.withDefaults().decode(chelsea).height());
        // An explicit limit is the decoder's own; its message points at withMaxPixels only.
        ImageDecodingException e = refused(ImageDecodingException.class,
                () -> ImageDecoder.withMaxPixels(10).decode(chelsea), "raise it with ImageDecoder.withMaxPixels(135300)");
        assertTrue(!e.getMessage().contains("-Defficientformer"), e.getMessage());
    }
}
