package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.model.EfficientFormerSpec;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code efficientformer infer}: logits for a preprocessed input tensor, file to file, for
 * scripts and for checking against a reference implementation. Input and output are raw
 * little-endian float32; one summary line goes to standard output.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the model on a raw float32 tensor (preprocessed images, NCHW) and write the logits.",
            "Input and output are little-endian float32 without a header; the output is [N, classes].",
            "An input holding NaN or an infinity is refused, naming the first such value.",
            "Prints one summary line on standard output."})
public final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--weights", paramLabel = "FILE", required = true, description = "A checkpoint file: .safetensors or PyTorch .pth.")
    Path weights;

    @Option(names = "--input", paramLabel = "X.f32", required = true, description = "Input tensor, N x C x H x W float32.")
    Path input;

    @Option(names = "--shape", paramLabel = "N,C,H,W", required = true, converter = NchwShape.Converter.class,
            description = "Shape of the input, e.g. 1,3,224,224 (C = 3; H and W " + EfficientFormerSpec.MIN_INPUT + " to "
                    + EfficientFormerSpec.MAX_INPUT + ", square or not; V2 models need 209 to 224).")
    NchwShape shape;

    @Option(names = "--output", paramLabel = "Y.f32", required = true, description = "Where to write the logits (replaced if present).")
    Path output;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        checkShape();
        CliFiles.requireReadableFile(weights, "weights file");
        CliFiles.requireReadableFile(input, "input");
        RawFloats.checkSize(input, shape.elements(), shape.toString());
        long t0 = System.nanoTime();
        // Raw floats from a file may hold NaN or infinities, whose logits would be meaningless
        // (oneDNN can even make them look finite): refuse them, naming the first.
        try (EfficientFormerModel model = EfficientFormerModel.load(weights, run.modelOptions(shape.h()).withImageSize(shape.h(), shape.w()).withRejectNonFinite(true));
             Arena arena = Arena.ofShared()) { // shared: a batch split's workers read it too
            long t1 = System.nanoTime();
            MemorySegment in = RawFloats.read(input, shape.elements(), shape.toString(), arena);
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, (long) shape.n() * model.numClasses());
            long t2 = System.nanoTime();
            try {
                model.predict(in, shape.n(), logits);
            } catch (EfficientFormerException e) {
                throw new EfficientFormerException(input + ": " + e.getMessage(), e);
            }
            long t3 = System.nanoTime();
            RawFloats.write(output, logits);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote logits [%d, %d] float32 to %s (backend %s, %d thread%s; load %.1f ms, inference %.1f ms)%n",
                    shape.n(), model.numClasses(), output, model.backendName(), model.options().threads(),
                    model.options().threads() == 1 ? "" : "s", (t1 - t0) / 1e6, (t3 - t2) / 1e6);
        }
        return 0;
    }

    // Shape errors are usage errors: the file may be fine, the command line is not.
    private void checkShape() {
        if (shape.c() != 3) {
            throw new ParameterException(spec.commandLine(), "--shape " + shape + ": EfficientFormer takes 3 channels (RGB), not " + shape.c());
        }
        if (shape.h() < EfficientFormerSpec.MIN_INPUT || shape.h() > EfficientFormerSpec.MAX_INPUT
                || shape.w() < EfficientFormerSpec.MIN_INPUT || shape.w() > EfficientFormerSpec.MAX_INPUT) {
            throw new ParameterException(spec.commandLine(), "--shape " + shape + ": H and W must be " + EfficientFormerSpec.MIN_INPUT
                    + " to " + EfficientFormerSpec.MAX_INPUT + " (the last stage must be 7 x 7)");
        }
    }
}
