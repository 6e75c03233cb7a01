package dev.efficientformer.weights.torch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test-only: writes torch-style checkpoint zips (entries STORED unless asked otherwise). */
public final class TorchZipWriter {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Set<String> deflated = new HashSet<>();

    public TorchZipWriter entry(String name, byte[] data) {
        entries.put(name, data);
        return this;
    }

    public TorchZipWriter deflatedEntry(String name, byte[] data) {
        deflated.add(name);
        return entry(name, data);
    }

    /** A checkpoint {@code {'model': OrderedDict(...)}} whose items {@code items} writes (key, value pairs). */
    public static byte[] modelPickle(Consumer<PickleWriter> items) {
        PickleWriter w = new PickleWriter().proto(2).raw('}').str("model").orderedDict().mark();
        items.accept(w);
        return w.raw('u', 's').stop().bytes();
    }

    public Path write(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (deflated.contains(e.getKey())) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }
}
