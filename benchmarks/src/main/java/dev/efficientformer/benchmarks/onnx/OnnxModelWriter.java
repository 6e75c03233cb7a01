package dev.efficientformer.benchmarks.onnx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an ONNX {@code ModelProto} file around a graph: IR version 8 and the default-domain
 * opset 17, the pair torch.onnx.export (torch 1.13, {@code opset_version=17}) wrote the L1 file
 * with, and the weights inside the file (no external data).
 *
 * <p>Thread-safety: stateless.
 */
public final class OnnxModelWriter {
    /** {@code ModelProto.ir_version}. */
    public static final int IR_VERSION = 8;
    /** The default domain's opset. */
    public static final int OPSET = 17;
    /** {@code ModelProto.producer_name}. */
    public static final String PRODUCER = "efficientformer-java";

    // ModelProto and OperatorSetIdProto field numbers (onnx.proto).
    private static final int IR_VERSION_FIELD = 1;
    private static final int PRODUCER_NAME = 2;
    private static final int GRAPH = 7;
    private static final int OPSET_IMPORT = 8;
    private static final int OPSET_VERSION = 2;

    private OnnxModelWriter() {
    }

    /** Writes the model to {@code file}, replacing it. */
    public static void write(OnnxGraph graph, Path file) throws IOException {
        ProtobufWriter body = graph.encode();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            // The graph holds every weight: stream it after its field header instead of copying it
            // into the model message.
            ProtobufWriter head = new ProtobufWriter().varintField(IR_VERSION_FIELD, IR_VERSION).stringField(PRODUCER_NAME, PRODUCER)
                    .lengthDelimitedHeader(GRAPH, body.size());
            head.writeTo(out);
            body.writeTo(out);
            new ProtobufWriter().messageField(OPSET_IMPORT, new ProtobufWriter().varintField(OPSET_VERSION, OPSET)).writeTo(out);
        }
    }
}
