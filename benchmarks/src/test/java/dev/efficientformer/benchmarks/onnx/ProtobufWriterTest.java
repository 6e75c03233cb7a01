package dev.efficientformer.benchmarks.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The wire encoding against known bytes (protobuf's encoding guide, and torch's ONNX files). */
class ProtobufWriterTest {
    private static String hex(ProtobufWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void varintsAreBase128LowGroupFirst() {
        assertEquals("00", hex(new ProtobufWriter().varint(0)));
        assertEquals("01", hex(new ProtobufWriter().varint(1)));
        assertEquals("7f", hex(new ProtobufWriter().varint(127)));
        assertEquals("8001", hex(new ProtobufWriter().varint(128)));
        assertEquals("ac02", hex(new ProtobufWriter().varint(300)));
        assertEquals("ffffffff07", hex(new ProtobufWriter().varint(Integer.MAX_VALUE)));
    }

    @Test
    void negativeVarintsTakeTenBytes() {
        // int64 -1 (ONNX's axis=-1): the 64-bit two's complement, not zigzag.
        assertEquals("ffffffffffffffffff01", hex(new ProtobufWriter().varint(-1)));
    }

    @Test
    void fieldsCarryTheirTagAndWireType() {
        assertEquals("089601", hex(new ProtobufWriter().varintField(1, 150)));
        assertEquals("120774657374696e67", hex(new ProtobufWriter().stringField(2, "testing")));
        assertEquals("1a03089601", hex(new ProtobufWriter().messageField(3, new ProtobufWriter().varintField(1, 150))));
        assertEquals("150000803f", hex(new ProtobufWriter().floatField(2, 1f)));
        assertEquals("a00107", hex(new ProtobufWriter().varintField(20, 7)), "field 20 needs a two-byte tag");
        assertEquals("0a00", hex(new ProtobufWriter().bytesField(1, new byte[0])));
    }

    @Test
    void lengthHeaderLetsTheCallerStreamTheBody() {
        ProtobufWriter body = new ProtobufWriter().varintField(1, 150);
        ProtobufWriter w = new ProtobufWriter().lengthDelimitedHeader(3, body.size());
        assertEquals(hex(new ProtobufWriter().messageField(3, body)), hex(w) + hex(body));
    }

    @Test
    void growsPastItsFirstBuffer() {
        byte[] big = new byte[100_000];
        big[99_999] = 42;
        ProtobufWriter w = new ProtobufWriter().bytesField(9, big);
        assertEquals(1 + 3 + 100_000, w.size(), "1-byte tag, 3-byte length, payload");
        assertEquals(42, w.toByteArray()[w.size() - 1]);
    }

    @Test
    void rejectsFieldNumbersOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ProtobufWriter().varintField(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProtobufWriter().varintField(1 << 29, 1));
    }

    @Test
    void attributesEncodeAsTorchWritesThem() {
        // Bytes copied from the L1 file torch.onnx.export wrote: name, unpacked ints, type.
        assertEquals("0a0470616473" + "4001".repeat(4) + "a00107", hex(OnnxAttribute.ints("pads", 1, 1, 1, 1).encode()));
        assertEquals("0a0567726f75701801a00102", hex(OnnxAttribute.of("group", 1L).encode()));
        assertEquals("0a0576616c75652a0810014a040000003fa00104", hex(OnnxAttribute.of("value", OnnxTensorData.scalar(0.5f)).encode()));
        assertEquals("0a0576616c75652a0e080110074a08ffffffffffffffffa00104", hex(OnnxAttribute.of("value", OnnxTensorData.vector(-1)).encode()));
    }
}
