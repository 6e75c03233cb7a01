package dev.efficientformer.weights;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.Limits;
import dev.efficientformer.json.Json;
import dev.efficientformer.json.JsonTooLargeException;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Layout;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.tensor.Tensor;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A <a href="https://github.com/huggingface/safetensors">safetensors</a> file, memory-mapped:
 * tensors are zero-copy views of the mapping, so opening a 50 MB checkpoint costs a header parse,
 * not a 50 MB read.
 *
 * <p>The header is untrusted and checked before any view is made, with the rules of the reference
 * implementation: its length fits the file and {@link Limits#SAFETENSORS_HEADER_BYTES}, it is UTF-8 JSON without duplicate keys,
 * every entry has a known dtype, a non-negative shape and {@code data_offsets} whose length is
 * exactly shape x dtype size, and the byte ranges lie inside the data area, in one contiguous run
 * without overlaps or holes that covers it exactly.
 *
 * <p>Thread-safety: immutable after {@link #open}; any number of threads may read tensors at once.
 * {@link #close()} may race with readers safely: the mapping is owned by a shared {@link Arena},
 * so a read after (or during) close fails with {@link IllegalStateException}, never a crash.
 */
public final class SafetensorsFile implements WeightFile {
    /**
     * Default largest header accepted; the limit in force is {@link Limits#SAFETENSORS_HEADER_BYTES}
     * (system property {@code efficientformer.limits.safetensors.headerBytes}).
     */
    public static final long MAX_HEADER_BYTES = Limits.SAFETENSORS_HEADER_BYTES.defaultValue();

    private static final String METADATA_KEY = "__metadata__";

    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private record Entry(TensorInfo info, long begin, long end) {
    }

    private SafetensorsFile(Path path, Arena arena, MemorySegment data, Map<String, Entry> entries,
                            Map<String, String> metadata) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.entries = entries;
        this.metadata = metadata;
    }

    /**
     * Maps and validates a safetensors file.
     *
     * @throws CheckpointException naming the file and what is wrong with it, or the limit (see
     *     {@link Limits}) it exceeds
     */
    public static SafetensorsFile open(Path path) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new EfficientFormerException("safetensors data is little-endian; this platform is not");
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment file;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size < 8) {
                    throw new CheckpointException(path + ": not a safetensors file: " + size
                            + " bytes, shorter than the 8-byte header length");
                }
                file = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            }
            return read(path, file, arena);
        } catch (IOException e) {
            arena.close();
            throw new CheckpointException(path + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Validates a safetensors file held in {@code file} (a mapping or any other segment); the
     * result owns {@code arena} and closes it when closed. {@code path} is only used in messages.
     * For the fuzz tests, which feed bytes without a file.
     */
    static SafetensorsFile read(Path path, MemorySegment file, Arena arena) {
        if (file.byteSize() < 8) {
            throw new CheckpointException(path + ": not a safetensors file: " + file.byteSize()
                    + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        long available = file.byteSize() - 8;
        if (headerLength < 0 || headerLength > available) {
            throw new CheckpointException(path + ": header length " + Long.toUnsignedString(headerLength)
                    + " runs past the end of the file (" + available + " bytes after the length field)");
        }
        if (Limits.SAFETENSORS_HEADER_BYTES.isExceededBy(headerLength)) {
            throw new CheckpointException(path + ": " + Limits.SAFETENSORS_HEADER_BYTES.exceeded(headerLength));
        }
        if (headerLength < 2) {
            throw new CheckpointException(path + ": header of " + headerLength + " bytes cannot be a JSON object");
        }
        long dataSize = available - headerLength;
        if (Limits.CHECKPOINT_TOTAL_BYTES.isExceededBy(dataSize)) {
            throw new CheckpointException(path + ": " + Limits.CHECKPOINT_TOTAL_BYTES.exceeded(
                    "tensor data of " + dataSize + " bytes", dataSize));
        }
        String header = decodeUtf8(path, file.asSlice(8, headerLength));
        MemorySegment data = file.asSlice(8 + headerLength);
        Map<String, Object> json;
        try {
            json = Json.parseObject(header, Limits.checkpointValues());
        } catch (JsonTooLargeException e) {
            throw new CheckpointException(path + ": " + Limits.valuesExceeded("header", e.maxValues()), e);
        } catch (EfficientFormerException e) {
            throw new CheckpointException(path + ": header is not a valid JSON object: " + e.getMessage(), e);
        }
        long tensors = json.size() - (json.containsKey(METADATA_KEY) ? 1 : 0);
        if (Limits.CHECKPOINT_TENSORS.isExceededBy(tensors)) {
            throw new CheckpointException(path + ": " + Limits.CHECKPOINT_TENSORS.exceeded(
                    "header of " + tensors + " tensors", tensors));
        }
        Map<String, String> metadata = parseMetadata(path, json.get(METADATA_KEY));
        Map<String, Entry> entries = parseEntries(path, json, data.byteSize());
        return new SafetensorsFile(path, arena, data, entries, metadata);
    }

    private static String decodeUtf8(Path path, MemorySegment bytes) {
        ByteBuffer buf = bytes.asByteBuffer();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(path + ": header is not valid UTF-8", e);
        }
    }

    private static Map<String, String> parseMetadata(Path path, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new CheckpointException(path + ": \"" + METADATA_KEY + "\" must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new CheckpointException(path + ": metadata value of \"" + e.getKey() + "\" is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Entry> parseEntries(Path path, Map<String, Object> json, long dataSize) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            String name = e.getKey();
            if (name.equals(METADATA_KEY)) {
                continue;
            }
            entries.put(name, parseEntry(path, name, e.getValue(), dataSize));
        }
        checkRangesTileData(path, entries, dataSize);
        return Collections.unmodifiableMap(entries);
    }

    private static Entry parseEntry(Path path, String name, Object value, long dataSize) {
        String where = path + ": tensor \"" + name + "\"";
        if (!(value instanceof Map<?, ?> m)) {
            throw new CheckpointException(where + ": entry is not an object");
        }
        for (Object k : m.keySet()) {
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) {
                throw new CheckpointException(where + ": unknown field \"" + k + "\"");
            }
        }
        if (!(m.get("dtype") instanceof String dtypeName)) {
            throw new CheckpointException(where + ": missing or non-string \"dtype\"");
        }
        DType dtype;
        try {
            dtype = DType.fromSafetensorsName(dtypeName);
        } catch (EfficientFormerException ex) {
            throw new CheckpointException(where + ": " + ex.getMessage(), ex);
        }
        long[] dims = longArray(where, "shape", m.get("shape"), -1);
        for (long d : dims) {
            if (d < 0) {
                throw new CheckpointException(where + ": negative dimension in shape " + java.util.Arrays.toString(dims));
            }
        }
        Shape shape;
        long expectedBytes;
        try {
            shape = Shape.of(dims);
            expectedBytes = shape.byteSize(dtype);
        } catch (EfficientFormerException ex) {
            throw new CheckpointException(where + ": " + ex.getMessage(), ex);
        }
        long[] offsets = longArray(where, "data_offsets", m.get("data_offsets"), 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < begin || end > dataSize) {
            throw new CheckpointException(where + ": data_offsets [" + begin + ", " + end
                    + "] are outside the data area of " + dataSize + " bytes");
        }
        if (end - begin != expectedBytes) {
            throw new CheckpointException(where + ": shape " + shape + " of " + dtype + " needs " + expectedBytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        return new Entry(new TensorInfo(name, dtype, shape), begin, end);
    }

    private static long[] longArray(String where, String field, Object value, int requiredLength) {
        if (!(value instanceof List<?> list)) {
            throw new CheckpointException(where + ": missing or non-array \"" + field + "\"");
        }
        if (requiredLength >= 0 && list.size() != requiredLength) {
            throw new CheckpointException(where + ": \"" + field + "\" must have " + requiredLength + " entries, has " + list.size());
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw new CheckpointException(where + ": \"" + field + "\" holds " + list.get(i)
                        + ", not an integer in the range of a long");
            }
            out[i] = l;
        }
        return out;
    }

    /** Sorted by start, each range must begin where the previous one ended, the last at the end. */
    private static void checkRangesTileData(Path path, Map<String, Entry> entries, long dataSize) {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.begin < expected) {
                throw new CheckpointException(path + ": tensor \"" + e.info.name() + "\" [" + e.begin + ", " + e.end
                        + "] overlaps tensor \"" + previous + "\" which ends at " + expected);
            }
            if (e.begin > expected) {
                throw new CheckpointException(path + ": " + (e.begin - expected) + " unused bytes before tensor \""
                        + e.info.name() + "\" at offset " + expected);
            }
            expected = e.end;
            previous = e.info.name();
        }
        if (expected != dataSize) {
            throw new CheckpointException(path + ": tensors cover " + expected + " of the " + dataSize
                    + " data bytes; the file has trailing bytes or is inconsistent");
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return "safetensors";
    }

    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        return entry(name).info;
    }

    /** The string map under {@code "__metadata__"} (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Tensor tensor(String name) {
        Entry e = entry(name);
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException(path + " is closed");
        }
        MemorySegment slice = data.asSlice(e.begin, e.end - e.begin);
        return Tensor.wrap(slice, e.info.dtype(), Layout.ROW_MAJOR, e.info.shape());
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new CheckpointException(path + ": no tensor named \"" + name + "\"");
        }
        return e;
    }

    @Override
    public void close() {
        synchronized (arena) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + path + ", " + entries.size() + " tensors]";
    }
}
