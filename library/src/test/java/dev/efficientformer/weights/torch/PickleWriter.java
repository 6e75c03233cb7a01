package dev.efficientformer.weights.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test-only: writes pickles opcode by opcode, so tests can build both what torch.save writes and
 * what an attacker would.
 */
public final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Raw bytes, for opcodes and arguments this writer has no method for. */
    public PickleWriter raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public PickleWriter proto(int version) {
        return raw(0x80, version);
    }

    public PickleWriter mark() {
        return raw('(');
    }

    public PickleWriter tuple() {
        return raw('t');
    }

    public PickleWriter reduce() {
        return raw('R');
    }

    public PickleWriter stop() {
        return raw('.');
    }

    /** BINUNICODE. */
    public PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        raw('X');
        le(b.length, 4);
        out.writeBytes(b);
        return this;
    }

    /** SHORT_BINUNICODE (protocol 4). */
    public PickleWriter shortStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        raw(0x8c, b.length);
        out.writeBytes(b);
        return this;
    }

    /** The smallest integer opcode that holds {@code v}, as Python's pickler chooses. */
    public PickleWriter integer(long v) {
        if (v >= 0 && v < 256) {
            return raw('K', (int) v);
        }
        if (v >= 0 && v < 65536) {
            raw('M');
            return le(v, 2);
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            raw('J');
            return le(v, 4);
        }
        raw(0x8a, 8);
        return le(v, 8);
    }

    public PickleWriter global(String module, String name) {
        raw('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public PickleWriter stackGlobal(String module, String name) {
        return shortStr(module).shortStr(name).raw(0x93);
    }

    public PickleWriter put(int index) {
        return raw('q', index);
    }

    public PickleWriter get(int index) {
        return raw('h', index);
    }

    /** A tuple of integers, as torch writes sizes and strides. */
    public PickleWriter ints(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return tuple();
    }

    /** {@code collections.OrderedDict()}. */
    public PickleWriter orderedDict() {
        return global("collections", "OrderedDict").raw(')').reduce();
    }

    /** {@code _rebuild_tensor_v2(('storage', torch.<storageClass>, key, 'cpu', numel), offset, size, stride, False, OrderedDict())}. */
    public PickleWriter tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).tuple().raw('Q');
        integer(offset).ints(size).ints(stride).raw(0x89).orderedDict();
        return tuple().reduce();
    }

    /** Little-endian {@code width} bytes of {@code v}. */
    public PickleWriter le(long v, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
