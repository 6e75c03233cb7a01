package dev.efficientformer.benchmarks.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads back the parts of an ONNX file that define its op structure, with a minimal protobuf
 * decoder written for the test: each node's op type, input and output counts and the exact bytes
 * of its attributes, the graph's input and output declarations, and its initializer count.
 */
record OnnxFileNodes(List<String> nodes, List<String> valueInfos, int initializers, long irVersion, long opset) {

    /**
     * Fails unless {@code ours} has the op structure of {@code torch}'s file: IR version, opset,
     * input and output declarations byte for byte, initializer count, and node for node the op
     * type, arity and attribute bytes.
     */
    static void assertSameStructure(Path torchFile, Path oursFile) throws IOException {
        OnnxFileNodes torch = read(torchFile);
        OnnxFileNodes ours = read(oursFile);
        assertEquals(torch.irVersion(), ours.irVersion(), "ir_version");
        assertEquals(torch.opset(), ours.opset(), "opset");
        assertEquals(torch.valueInfos(), ours.valueInfos(), "graph input and output declarations, byte for byte");
        assertEquals(torch.initializers(), ours.initializers(), "initializer count");
        assertEquals(torch.nodes().size(), ours.nodes().size(), "node count");
        for (int i = 0; i < torch.nodes().size(); i++) {
            assertEquals(torch.nodes().get(i), ours.nodes().get(i), "node " + i + ": op type, arity and attribute bytes");
        }
    }

    /** Reads {@code file}; each node is listed as {@code OpType in=N out=M [attribute hex, ...]}. */
    static OnnxFileNodes read(Path file) throws IOException {
        byte[] model = Files.readAllBytes(file);
        long ir = 0;
        long opset = 0;
        byte[] graph = null;
        for (Field f : fields(model)) {
            switch (f.number) {
                case 1 -> ir = f.varint;
                case 7 -> graph = f.bytes;
                case 8 -> opset = fields(f.bytes).stream().filter(g -> g.number == 2).findFirst().orElseThrow().varint;
                default -> { }
            }
        }
        if (graph == null) {
            throw new IOException(file + " has no graph");
        }
        List<String> nodes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int inits = 0;
        HexFormat hex = HexFormat.of();
        for (Field f : fields(graph)) {
            switch (f.number) {
                case 1 -> {
                    String op = "?";
                    int in = 0;
                    int out = 0;
                    List<String> attrs = new ArrayList<>();
                    for (Field n : fields(f.bytes)) {
                        switch (n.number) {
                            case 1 -> in++;
                            case 2 -> out++;
                            case 4 -> op = new String(n.bytes, java.nio.charset.StandardCharsets.UTF_8);
                            case 5 -> attrs.add(hex.formatHex(n.bytes));
                            default -> { }
                        }
                    }
                    nodes.add(op + " in=" + in + " out=" + out + " " + attrs);
                }
                case 5 -> inits++;
                case 11, 12 -> values.add(f.number + ":" + hex.formatHex(f.bytes));
                default -> { }
            }
        }
        return new OnnxFileNodes(nodes, values, inits, ir, opset);
    }

    private record Field(int number, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = varint(b, pos);
            int number = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> out.add(new Field(number, varint(b, pos), null));
                case 1 -> pos[0] += 8;
                case 5 -> pos[0] += 4;
                case 2 -> {
                    int len = (int) varint(b, pos);
                    byte[] v = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
                    pos[0] += len;
                    out.add(new Field(number, 0, v));
                }
                default -> throw new IllegalArgumentException("wire type " + (key & 7) + " at byte " + pos[0]);
            }
        }
        return out;
    }

    private static long varint(byte[] b, int[] pos) {
        long r = 0;
        for (int shift = 0; ; shift += 7) {
            int c = b[pos[0]++] & 0xff;
            r |= (long) (c & 0x7f) << shift;
            if (c < 0x80) {
                return r;
            }
        }
    }
}
