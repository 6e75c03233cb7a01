package dev.efficientformer.cli;

import dev.efficientformer.ClassLabels;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ImageClassification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code efficientformer classify}: the top-K classes of each image, for files, directories
 * (searched recursively) and {@code -} (paths from standard input). An image that cannot be read
 * or decoded is reported on standard error (and, with {@code --format json}, as an object with an
 * {@code error}); the others still print, and the exit code is 1 when any image failed.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify images (JPEG, PNG, BMP, GIF, TIFF): the top K classes of each, with probabilities.",
            "IMAGE is a file, a directory (searched recursively for image files) or - (paths read from standard input).",
            "Without --model or --weights, the downloaded efficientformer_l1 is used.",
            "Exit code: 0 when every image was classified, 1 when any failed (each failure is reported on standard error)."})
public final class ClassifyCommand implements Callable<Integer> {
    /** The model classify uses when none is named. */
    static final String DEFAULT_MODEL = "efficientformer_l1";
    // Images are decoded and classified this many at a time, so that results appear as they come
    // and a large directory never needs its images in memory at once.
    static final int CHUNK = 64;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelSelection source; // null when neither option is given

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Classes to show per image. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned columns), tsv (image, rank, index, label, probability) or json (one object per image"
                    + " and line). Default: ${DEFAULT-VALUE}.")
    ResultFormat format;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names, one per line in UTF-8 (index = class), for a checkpoint fine-tuned on other classes."
                    + " Default: ImageNet's for 1000 classes, class_<i> otherwise.")
    Path labelsFile;

    @Mixin
    RunOptions run;

    @Mixin
    ImageSizeOption imageSize;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, directories, or - for paths on standard input.")
    List<String> images;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        Path weights = ModelSelection.checkpoint(source, DEFAULT_MODEL);
        List<Path> files = ImageInputs.expand(images);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int nameWidth = files.stream().mapToInt(p -> p.toString().length()).max().orElse(0);
        int rankWidth = Integer.toString(top).length();
        int failed = 0;
        List<String> labels = labelsFile == null ? null : ClassLabels.read(labelsFile);
        try (EfficientFormerModel model = EfficientFormerModel.load(weights, imageSize.apply(run.modelOptions(224)), labels)) {
            if (ErrorReporter.verbose(spec.root().commandLine().getParseResult())) {
                err.println("efficientformer: backend " + model.backendDescription() + ", " + model.options().threads() + " thread(s)");
                err.flush();
            }
            StatusLine status = StatusLine.of(spec);
            for (int from = 0; from < files.size(); from += CHUNK) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
                if (files.size() > CHUNK) {
                    status.show("classify: " + from + "/" + files.size() + " images");
                }
                List<ImageClassification> results = model.classifyEach(chunk, top);
                status.clear();
                for (ImageClassification c : results) {
                    format.print(out, c, nameWidth, rankWidth);
                    if (!c.ok()) {
                        failed++;
                        err.println(ErrorReporter.PREFIX + ErrorReporter.describe(c.failure()));
                    }
                }
                out.flush();
                err.flush();
            }
        }
        return failed > 0 ? 1 : 0;
    }
}
