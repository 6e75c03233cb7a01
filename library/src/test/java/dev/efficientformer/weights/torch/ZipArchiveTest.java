package dev.efficientformer.weights.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.Fixtures;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchiveTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTorchFixtureWithItsZip64RecordsAndAlignedData() throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.tinyV1Pth());
        try (Arena arena = Arena.ofConfined()) {
            ZipArchive zip = ZipArchive.map(Fixtures.tinyV1Pth(), arena);
            assertTrue(zip.isZip64());
            assertEquals(123, zip.entries().size());
            ZipArchive.Entry pickle = zip.find("model_orig/data.pkl").orElseThrow();
            // Offsets from Python's zipfile: header offset + 30 + name + local extra (torch pads to 64).
            assertEquals(64, pickle.dataOffset());
            assertEquals(12511, pickle.size());
            ZipArchive.Entry first = zip.find("model_orig/data/0").orElseThrow();
            assertEquals(12591 + 30 + 17 + 34, first.dataOffset());
            assertEquals(432, first.size());
            for (ZipArchive.Entry e : zip.entries()) {
                assertEquals(ZipArchive.STORED, e.method(), e.name());
                assertEquals(0, e.dataOffset() % 64, e.name());
            }
            MemorySegment data = zip.storedData(first);
            assertArrayEquals(Arrays.copyOfRange(file, (int) first.dataOffset(), (int) first.dataOffset() + 432),
                    data.toArray(ValueLayout.JAVA_BYTE));
            assertEquals(0x80, zip.storedData(pickle).get(ValueLayout.JAVA_BYTE, 0) & 0xFF);
        }
    }

    @Test
    void readsAZipWithoutZip64AndFindsStoredBytes() throws IOException {
        Path file = new TorchZipWriter().entry("a/x", bytes("hello")).deflatedEntry("a/y", bytes("compressed text"))
                .entry("a/z", bytes("world")).write(dir.resolve("plain.zip"));
        try (Arena arena = Arena.ofConfined()) {
            ZipArchive zip = ZipArchive.map(file, arena);
            assertFalse(zip.isZip64());
            assertEquals("hello", text(zip.storedData(zip.find("a/x").orElseThrow())));
            assertEquals("world", text(zip.storedData(zip.find("a/z").orElseThrow())));
            ZipArchive.Entry y = zip.find("a/y").orElseThrow();
            assertEquals(8, y.method());
            assertEquals(15, y.size());
            CheckpointException e = assertThrows(CheckpointException.class, () -> zip.storedData(y));
            assertTrue(e.getMessage().contains("entry 'a/y' of " + file + " is compressed (method 8, deflate)"),
                    e.getMessage());
        }
    }

    @Test
    void rejectsFilesThatAreNotZips() throws IOException {
        assertRejected(Files.writeString(dir.resolve("text.pth"), "this is not a zip file at all, just text"),
                "no end-of-central-directory record");
        assertRejected(Files.write(dir.resolve("empty.pth"), new byte[0]), "too short for a zip's end record");
    }

    @Test
    void rejectsTruncatedZips() throws IOException {
        byte[] fixture = Files.readAllBytes(Fixtures.tinyV1Pth());
        assertRejected(Files.write(dir.resolve("half.pth"), Arrays.copyOf(fixture, fixture.length / 2)),
                "no end-of-central-directory record");
        assertRejected(Files.write(dir.resolve("short.pth"), Arrays.copyOf(fixture, fixture.length - 1)),
                "no end-of-central-directory record");
        // The end records survive but the central directory they point to is gone.
        byte[] tail = Arrays.copyOfRange(fixture, fixture.length - 98, fixture.length);
        assertRejected(Files.write(dir.resolve("tail.pth"), tail), "outside the file");
    }

    @Test
    void rejectsDirectoriesAndHeadersOutsideTheFile() throws IOException {
        byte[] zip = Files.readAllBytes(new TorchZipWriter().entry("a/x", bytes("hello")).write(dir.resolve("ok.zip")));
        int eocd = zip.length - 22;

        byte[] farDirectory = zip.clone();
        putInt(farDirectory, eocd + 16, 0x7fff_0000);
        assertRejected(Files.write(dir.resolve("far.zip"), farDirectory), "lies outside the file");

        byte[] manyEntries = zip.clone();
        putShort(manyEntries, eocd + 8, 0xfff0);
        putShort(manyEntries, eocd + 10, 0xfff0);
        assertRejected(Files.write(dir.resolve("many.zip"), manyEntries), "cannot hold 65520 entries");

        int central = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(eocd + 16);
        byte[] farLocal = zip.clone();
        putInt(farLocal, central + 42, 0x7000_0000);
        assertRejected(Files.write(dir.resolve("local.zip"), farLocal), "is not before the central directory");

        byte[] longName = zip.clone();
        putShort(longName, central + 28, 0xffff);
        assertRejected(Files.write(dir.resolve("name.zip"), longName), "runs past the end of the directory");

        byte[] hugeEntry = zip.clone();
        putInt(hugeEntry, central + 20, 0x7fff_fff0);
        putInt(hugeEntry, central + 24, 0x7fff_fff0);
        assertRejected(Files.write(dir.resolve("huge.zip"), hugeEntry), "runs into the central directory");

        byte[] stolenName = zip.clone();
        stolenName[30] = 'b'; // the local header's name no longer matches the directory's
        assertRejected(Files.write(dir.resolve("renamed.zip"), stolenName), "different name in its local header");
    }

    @Test
    void rejectsEndRecordsThatDisagreeWithTheZip64Record() throws IOException {
        byte[] fixture = Files.readAllBytes(Fixtures.tinyV1Pth());
        int eocd = fixture.length - 22;
        putShort(fixture, eocd + 10, 122);
        assertRejected(Files.write(dir.resolve("disagree.pth"), fixture), "disagree on the entry count (122 vs 123)");
    }

    private void assertRejected(Path file, String fragment) {
        try (Arena arena = Arena.ofConfined()) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> ZipArchive.map(file, arena));
            assertTrue(e.getMessage().startsWith(file + " is not a readable zip archive: "), e.getMessage());
            assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(MemorySegment segment) {
        return new String(segment.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
    }

    private static void putInt(byte[] b, int offset, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    }

    private static void putShort(byte[] b, int offset, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
    }
}
