package dev.efficientformer.weights.torch;

import dev.efficientformer.weights.CheckpointException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The directory of a zip archive read straight from a memory-mapped file, giving each entry's
 * exact data offset so that stored (uncompressed) entries can be used in place.
 *
 * <p>Written here because {@link java.util.zip.ZipFile} hides where an entry's bytes start, and a
 * checkpoint's tensors must be mapped, not copied. Only what PyTorch's writer produces is
 * needed: a single-disk archive, with or without zip64 records, entries stored or compressed
 * (compressed ones can be listed but not read). Every offset and size read from the file is
 * checked against the file's length before it is used, so a truncated or hostile archive gives a
 * {@link CheckpointException} naming the file, never an out-of-bounds access.
 *
 * <p>Thread-safety: immutable after construction; safe to share. The mapping belongs to the arena
 * it was made in: closing that arena ends this archive's usefulness, and any later read throws
 * {@link IllegalStateException}.
 */
public final class ZipArchive {
    /** Compression method of an entry kept as is. */
    public static final int STORED = 0;

    // A checkpoint holds one entry per storage: tens of thousands at most. The limit keeps a
    // forged entry count from turning into a long loop or a huge allocation.
    static final int MAX_ENTRIES = 1 << 20;
    // Torch names entries "<archive>/data/<key>"; anything near the format's 64 KiB limit is forged.
    static final int MAX_NAME_BYTES = 4096;

    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int ZIP64_EOCD_SIZE = 56;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int LOCAL_SIZE = 30;
    private static final int ZIP64_EXTRA_ID = 0x0001;
    private static final int FLAG_ENCRYPTED = 0x0001;
    private static final long SATURATED_16 = 0xFFFFL;
    private static final long SATURATED_32 = 0xFFFFFFFFL;

    /**
     * One entry of the archive. Immutable.
     *
     * @param name the entry's path inside the archive
     * @param method compression method ({@link #STORED} is 0, deflate 8, ...)
     * @param compressedSize bytes the entry occupies in the file
     * @param size bytes once decompressed (equal to {@code compressedSize} when stored)
     * @param dataOffset file offset of the entry's first data byte: the local header's offset plus
     *     30 plus the local name and extra-field lengths
     */
    public record Entry(String name, int method, long compressedSize, long size, long dataOffset) {
    }

    private final Path path;
    private final MemorySegment file;
    private final Map<String, Entry> entries;
    private final boolean zip64;

    private ZipArchive(Path path, MemorySegment file, Map<String, Entry> entries, boolean zip64) {
        this.path = path;
        this.file = file;
        this.entries = entries;
        this.zip64 = zip64;
    }

    /**
     * Maps {@code path} read-only into {@code arena} and reads its directory.
     *
     * @throws CheckpointException naming the file when it cannot be read or is not a well-formed zip
     */
    public static ZipArchive map(Path path, Arena arena) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arena, "arena");
        MemorySegment mapped;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(path, mapped);
    }

    /**
     * Reads the directory of a zip held in {@code file}; {@code path} is only used in messages.
     *
     * @throws CheckpointException naming the file when it is not a well-formed zip
     */
    public static ZipArchive parse(Path path, MemorySegment file) {
        return new Reader(path, file, MAX_ENTRIES, n -> "it claims " + n + " entries (at most " + MAX_ENTRIES
                + " are accepted)").read();
    }

    /**
     * Reads the directory of a zip held in {@code file} that may have at most {@code maxEntries}
     * entries (checked before any entry is read); {@code tooMany} makes the problem's description
     * from the entry count the archive claims.
     *
     * @throws CheckpointException naming the file when it is not a well-formed zip or has too many entries
     */
    public static ZipArchive parse(Path path, MemorySegment file, long maxEntries, LongFunction<String> tooMany) {
        return new Reader(path, file, Math.min(maxEntries, MAX_ENTRIES), tooMany).read();
    }

    /** The file this archive was read from. */
    public Path path() {
        return path;
    }

    /** Whether the archive carries zip64 end records (PyTorch's writer always adds them). */
    public boolean isZip64() {
        return zip64;
    }

    /** All entries, in central-directory order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry with this exact name. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * The bytes of a stored entry, as a slice of the mapping (no copy).
     *
     * @throws CheckpointException when the entry is compressed: its bytes cannot be used in place
     */
    public MemorySegment storedData(Entry entry) {
        if (!entry.equals(entries.get(entry.name()))) {
            throw new IllegalArgumentException("entry '" + entry.name() + "' is not from " + path);
        }
        if (entry.method() != STORED) {
            throw new CheckpointException("entry '" + entry.name() + "' of " + path + " is compressed ("
                    + methodName(entry.method()) + "); torch.save stores entries uncompressed so that tensors can be"
                    + " mapped, so this archive was repacked: re-save it with torch.save or rezip it with 'zip -0'");
        }
        return file.asSlice(entry.dataOffset(), entry.size());
    }

    static String methodName(int method) {
        return switch (method) {
            case 0 -> "method 0, stored";
            case 8 -> "method 8, deflate";
            case 9 -> "method 9, deflate64";
            case 12 -> "method 12, bzip2";
            case 14 -> "method 14, lzma";
            case 93 -> "method 93, zstd";
            default -> "method " + method;
        };
    }

    /** One pass over the end records, the central directory and the local headers. */
    private static final class Reader {
        private final Path path;
        private final MemorySegment file;
        private final long length;
        private final long maxEntries;
        private final LongFunction<String> tooMany;

        Reader(Path path, MemorySegment file, long maxEntries, LongFunction<String> tooMany) {
            this.path = Objects.requireNonNull(path, "path");
            this.file = Objects.requireNonNull(file, "file");
            this.length = file.byteSize();
            this.maxEntries = maxEntries;
            this.tooMany = Objects.requireNonNull(tooMany, "tooMany");
        }

        ZipArchive read() {
            long eocd = findEndOfCentralDirectory();
            if (u16(eocd + 4) != 0 || u16(eocd + 6) != 0) {
                throw fail("it spans several disks, which is not supported");
            }
            long count = u16(eocd + 10);
            long directorySize = u32(eocd + 12);
            long directoryOffset = u32(eocd + 16);
            long directoryEnd = eocd;

            boolean zip64 = eocd >= ZIP64_LOCATOR_SIZE && u32(eocd - ZIP64_LOCATOR_SIZE) == ZIP64_LOCATOR_SIGNATURE;
            if (zip64) {
                long locator = eocd - ZIP64_LOCATOR_SIZE;
                long record = u64(locator + 8, "zip64 end record offset");
                if (record > locator - ZIP64_EOCD_SIZE || record < 0) {
                    throw fail("its zip64 end record offset " + record + " is outside the file");
                }
                if (u32(record) != ZIP64_EOCD_SIGNATURE) {
                    throw fail("no zip64 end record at offset " + record + " where the locator points");
                }
                if (u32(record + 16) != 0 || u32(record + 20) != 0) {
                    throw fail("it spans several disks, which is not supported");
                }
                // The classic fields must either be saturated (meaning "see zip64") or agree, so
                // that no two readers can see different directories in one file.
                count = reconcile(count, SATURATED_16, u64(record + 32, "zip64 entry count"), "entry count");
                directorySize = reconcile(directorySize, SATURATED_32, u64(record + 40, "zip64 directory size"),
                        "central directory size");
                directoryOffset = reconcile(directoryOffset, SATURATED_32, u64(record + 48, "zip64 directory offset"),
                        "central directory offset");
                directoryEnd = record;
            } else if (count == SATURATED_16 || directorySize == SATURATED_32 || directoryOffset == SATURATED_32) {
                throw fail("its end record needs zip64 values but there is no zip64 locator");
            }

            if (directoryOffset > directoryEnd || directorySize > directoryEnd - directoryOffset) {
                throw fail("its central directory (offset " + directoryOffset + ", " + directorySize
                        + " bytes) lies outside the file of " + length + " bytes");
            }
            if (count > maxEntries) {
                throw fail(tooMany.apply(count));
            }
            if (count * CENTRAL_SIZE > directorySize) {
                throw fail("its central directory of " + directorySize + " bytes cannot hold " + count + " entries");
            }
            Map<String, Entry> entries = readDirectory((int) count, directoryOffset, directoryOffset + directorySize);
            return new ZipArchive(path, file, Collections.unmodifiableMap(entries), zip64);
        }

        private long findEndOfCentralDirectory() {
            if (length < EOCD_SIZE) {
                throw fail("it is " + length + " bytes long, too short for a zip's end record");
            }
            long lowest = Math.max(0, length - EOCD_SIZE - MAX_COMMENT);
            for (long pos = length - EOCD_SIZE; pos >= lowest; pos--) {
                // The comment length must reach exactly to the end: this rejects the signature's
                // bytes occurring by chance inside tensor data.
                if (u32(pos) == EOCD_SIGNATURE && pos + EOCD_SIZE + u16(pos + 20) == length) {
                    return pos;
                }
            }
            throw fail("no end-of-central-directory record (not a zip file, or truncated)");
        }

        private long reconcile(long classic, long saturated, long zip64Value, String what) {
            if (classic != saturated && classic != zip64Value) {
                throw fail("its end record and zip64 end record disagree on the " + what + " (" + classic
                        + " vs " + zip64Value + ")");
            }
            return zip64Value;
        }

        private Map<String, Entry> readDirectory(int count, long start, long end) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            long pos = start;
            for (int i = 0; i < count; i++) {
                if (end - pos < CENTRAL_SIZE || u32(pos) != CENTRAL_SIGNATURE) {
                    throw fail("central directory entry " + i + " at offset " + pos + " is missing or damaged");
                }
                int flags = u16(pos + 8);
                int method = u16(pos + 10);
                long compressed = u32(pos + 20);
                long size = u32(pos + 24);
                int nameLength = u16(pos + 28);
                int extraLength = u16(pos + 30);
                int commentLength = u16(pos + 32);
                long localOffset = u32(pos + 42);
                long recordEnd = pos + CENTRAL_SIZE + nameLength + extraLength + commentLength;
                if (recordEnd > end) {
                    throw fail("central directory entry " + i + " runs past the end of the directory");
                }
                byte[] nameBytes = nameBytes(pos + CENTRAL_SIZE, nameLength, "central directory entry " + i);
                String name = decodeName(nameBytes, i);
                if ((flags & FLAG_ENCRYPTED) != 0) {
                    throw fail("entry '" + name + "' is encrypted");
                }
                long[] sizes = {size, compressed, localOffset};
                applyZip64Extra(pos + CENTRAL_SIZE + nameLength, extraLength, sizes, name);
                size = sizes[0];
                compressed = sizes[1];
                localOffset = sizes[2];
                if (method == STORED && compressed != size) {
                    throw fail("stored entry '" + name + "' has compressed size " + compressed + " but size " + size);
                }
                long dataOffset = dataOffset(localOffset, nameBytes, method, compressed, start, name);
                if (entries.put(name, new Entry(name, method, compressed, size, dataOffset)) != null) {
                    throw fail("entry '" + name + "' occurs twice");
                }
                pos = recordEnd;
            }
            if (pos != end) {
                throw fail("its central directory has " + (end - pos) + " bytes after the last of " + count + " entries");
            }
            return entries;
        }

        /** Replaces saturated 32-bit fields (size, compressed size, local offset) by their zip64 values. */
        private void applyZip64Extra(long start, int extraLength, long[] sizes, String name) {
            boolean needed = sizes[0] == SATURATED_32 || sizes[1] == SATURATED_32 || sizes[2] == SATURATED_32;
            long pos = start;
            long end = start + extraLength;
            while (end - pos >= 4) {
                int id = u16(pos);
                int fieldLength = u16(pos + 2);
                long body = pos + 4;
                if (fieldLength > end - body) {
                    throw fail("an extra field of entry '" + name + "' runs past its end");
                }
                if (id == ZIP64_EXTRA_ID) {
                    long cursor = body;
                    for (int k = 0; k < 3; k++) {
                        if (sizes[k] == SATURATED_32) {
                            if (body + fieldLength - cursor < 8) {
                                throw fail("the zip64 extra field of entry '" + name + "' is too short");
                            }
                            sizes[k] = u64(cursor, "zip64 size of entry '" + name + "'");
                            cursor += 8;
                        }
                    }
                    return;
                }
                pos = body + fieldLength;
            }
            if (needed) {
                throw fail("entry '" + name + "' needs a zip64 extra field but has none");
            }
        }

        private long dataOffset(long localOffset, byte[] centralName, int method, long compressed, long directoryStart,
                String name) {
            if (localOffset > directoryStart - LOCAL_SIZE || localOffset < 0) {
                throw fail("the local header of entry '" + name + "' (offset " + localOffset
                        + ") is not before the central directory");
            }
            if (u32(localOffset) != LOCAL_SIGNATURE) {
                throw fail("no local header at offset " + localOffset + " for entry '" + name + "'");
            }
            if (u16(localOffset + 8) != method) {
                throw fail("entry '" + name + "' has different compression methods in its local and central headers");
            }
            int nameLength = u16(localOffset + 26);
            int extraLength = u16(localOffset + 28);
            byte[] localName = nameBytes(localOffset + LOCAL_SIZE, nameLength, "local header of '" + name + "'");
            if (!Arrays.equals(localName, centralName)) {
                throw fail("entry '" + name + "' has a different name in its local header");
            }
            // Sizes in the local header may be zero (data-descriptor flag): the central directory's are used.
            long data = localOffset + LOCAL_SIZE + nameLength + extraLength;
            if (data > directoryStart || compressed > directoryStart - data) {
                throw fail("the data of entry '" + name + "' (offset " + data + ", " + compressed
                        + " bytes) runs into the central directory or past the end of the file");
            }
            return data;
        }

        private byte[] nameBytes(long offset, int nameLength, String where) {
            if (nameLength == 0 || nameLength > MAX_NAME_BYTES) {
                throw fail(where + " has a name of " + nameLength + " bytes (1 to " + MAX_NAME_BYTES + " accepted)");
            }
            check(offset, nameLength, where + " name");
            return file.asSlice(offset, nameLength).toArray(ValueLayout.JAVA_BYTE);
        }

        private String decodeName(byte[] bytes, int index) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw fail("central directory entry " + index + " has a name that is not UTF-8");
            }
        }

        private int u16(long offset) {
            check(offset, 2, "field");
            return Short.toUnsignedInt(file.get(U16, offset));
        }

        private long u32(long offset) {
            check(offset, 4, "field");
            return Integer.toUnsignedLong(file.get(U32, offset));
        }

        private long u64(long offset, String what) {
            check(offset, 8, what);
            long v = file.get(U64, offset);
            if (v < 0) {
                throw fail("its " + what + " (" + Long.toUnsignedString(v) + ") is beyond any file size");
            }
            return v;
        }

        private void check(long offset, long size, String what) {
            if (offset < 0 || offset > length || size > length - offset) {
                throw fail("a " + what + " at offset " + offset + " lies outside the file of " + length + " bytes");
            }
        }

        private CheckpointException fail(String problem) {
            return new CheckpointException(path + " is not a readable zip archive: " + problem);
        }
    }

    @Override
    public String toString() {
        return "ZipArchive[" + path + ", " + entries.size() + " entries]";
    }
}
