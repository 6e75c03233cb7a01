package dev.efficientformer.benchmarks.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Protocol Buffers wire encoding, written by hand (no protobuf library): varints, fixed32,
 * length-delimited fields and embedded messages, appended to a growable byte array.
 *
 * <p>Only what ONNX files need. Repeated integer fields are written unpacked, one tag per element,
 * as {@code onnx.proto} (proto2 syntax) declares them and as torch.onnx.export writes them; readers
 * accept either form.
 *
 * <p>Thread-safety: not thread-safe.
 */
public final class ProtobufWriter {
    /** Wire type of varint fields (int32, int64, enum, bool). */
    public static final int VARINT = 0;
    /** Wire type of length-delimited fields (strings, bytes, embedded messages). */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type of 4-byte little-endian fields (float, fixed32). */
    public static final int FIXED32 = 5;

    private byte[] bytes = new byte[64];
    private int size;

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes the bytes written so far to {@code out}, without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** A varint field: int32, int64 (negative values take ten bytes, as in protobuf), enum. */
    public ProtobufWriter varintField(int field, long value) {
        tag(field, VARINT);
        return varint(value);
    }

    /** A float field (fixed32, little-endian IEEE 754). */
    public ProtobufWriter floatField(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    /** A string field, UTF-8. */
    public ProtobufWriter stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtobufWriter bytesField(int field, byte[] value) {
        lengthDelimitedHeader(field, value.length);
        append(value, 0, value.length);
        return this;
    }

    /** An embedded message field: the bytes {@code message} holds, with their length. */
    public ProtobufWriter messageField(int field, ProtobufWriter message) {
        lengthDelimitedHeader(field, message.size);
        append(message.bytes, 0, message.size);
        return this;
    }

    /**
     * The tag and length of a length-delimited field whose {@code length} bytes the caller writes
     * next (here or straight to a stream), so a large message need not be copied into its parent.
     */
    public ProtobufWriter lengthDelimitedHeader(int field, long length) {
        tag(field, LENGTH_DELIMITED);
        return varint(length);
    }

    /** A field key: {@code (field << 3) | wireType}. */
    public ProtobufWriter tag(int field, int wireType) {
        if (field < 1 || field > (1 << 29) - 1) {
            throw new IllegalArgumentException("protobuf field number " + field + " is out of range 1..2^29-1");
        }
        return varint(((long) field << 3) | wireType);
    }

    /** A base-128 varint, low group first; negative values as their 64-bit two's complement. */
    public ProtobufWriter varint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
        return this;
    }

    private void append(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("protobuf message over 2 GB: ONNX files cannot hold it without external data");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        }
    }
}
