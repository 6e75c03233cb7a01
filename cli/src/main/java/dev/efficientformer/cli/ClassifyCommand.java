package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.Prediction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * {@code efficientformer classify}: the top-K ImageNet classes of each image. Prints K lines per
 * image, {@code <image>  <rank>  <probability>%  <label>}, columns aligned across all images.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify images (JPEG, PNG): the top K classes of each, with probabilities.",
            "Without --model or --weights, the downloaded efficientformer_l1 is used."})
public final class ClassifyCommand implements Callable<Integer> {
    /** The model classify uses when none is named. */
    static final String DEFAULT_MODEL = "efficientformer_l1";
    // Images are run in batches of this many: one batch per image would recompile nothing but waste
    // the batched kernels, one batch of all images could need gigabytes for a large directory.
    private static final int BATCH = 8;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelSelection source; // null when neither option is given

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Classes to show per image. Default: ${DEFAULT-VALUE}.")
    int top;

    @Mixin
    RunOptions run;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
    List<Path> images;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        Path weights = source != null && source.weights != null ? source.weights
                : ModelCatalog.downloadedOrFail(source != null && source.model != null ? source.model : DEFAULT_MODEL);
        CliFiles.requireReadableFile(weights, "weights file");
        for (Path image : images) {
            CliFiles.requireReadableFile(image, "image");
        }
        PrintWriter out = spec.commandLine().getOut();
        int nameWidth = images.stream().mapToInt(p -> p.toString().length()).max().orElse(0);
        int rankWidth = Integer.toString(top).length();
        try (EfficientFormerModel model = EfficientFormerModel.load(weights, run.modelOptions(224))) {
            if (ErrorReporter.verbose(spec.root().commandLine().getParseResult())) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("efficientformer: backend " + model.backendDescription() + ", " + model.options().threads() + " thread(s)");
                err.flush();
            }
            for (int from = 0; from < images.size(); from += BATCH) {
                List<Path> chunk = images.subList(from, Math.min(images.size(), from + BATCH));
                List<List<Prediction>> results = model.classify(chunk, top);
                for (int i = 0; i < chunk.size(); i++) {
                    List<Prediction> preds = results.get(i);
                    for (int r = 0; r < preds.size(); r++) {
                        Prediction p = preds.get(r);
                        out.printf(Locale.ROOT, "%-" + nameWidth + "s  %" + rankWidth + "d  %6.2f%%  %s%n",
                                chunk.get(i), r + 1, 100.0 * p.probability(), p.label());
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
}
