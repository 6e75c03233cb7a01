package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ImageEmbedding;
import dev.efficientformer.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code efficientformer embed}: each image's embedding (the pooled features before the
 * classifier, timm's {@code pre_logits}) as one JSON object per line, {@code {"path": ...,
 * "embedding": [...]}}, or {@code {"path": ..., "error": ...}} for an image that cannot be read
 * (also reported on standard error; the exit code is then 1). Images are taken as by classify.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Embeddings of images: the pooled features before the classifier, as JSON lines {\"path\", \"embedding\"}.",
            "IMAGE is a file, a directory (searched recursively for image files) or - (paths read from standard input).",
            "Exit code: 0 when every image was embedded, 1 when any failed (each failure is reported on standard error)."})
public final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelSelection source; // null when neither option is given

    @Mixin
    RunOptions run;

    @Mixin
    ImageSizeOption imageSize;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files, directories, or - for paths on standard input.")
    List<String> images;

    @Override
    public Integer call() {
        Path weights = ModelSelection.checkpoint(source, ClassifyCommand.DEFAULT_MODEL);
        List<Path> files = ImageInputs.expand(images);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        try (EfficientFormerModel model = EfficientFormerModel.load(weights, imageSize.apply(run.modelOptions(224)))) {
            StatusLine status = StatusLine.of(spec);
            // Chunks as in classify: results appear as they are computed, and the model batches within each.
            for (int from = 0; from < files.size(); from += ClassifyCommand.CHUNK) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + ClassifyCommand.CHUNK));
                if (files.size() > ClassifyCommand.CHUNK) {
                    status.show("embed: " + from + "/" + files.size() + " images");
                }
                List<ImageEmbedding> results = model.embedEach(chunk);
                status.clear();
                for (ImageEmbedding r : results) {
                    StringBuilder line = new StringBuilder("{\"path\":").append(Json.quote(r.image().toString()));
                    if (r.ok()) {
                        float[] e = r.embedding();
                        line.append(",\"embedding\":[");
                        for (int i = 0; i < e.length; i++) {
                            line.append(i == 0 ? "" : ",").append(Float.isFinite(e[i]) ? Float.toString(e[i]) : "null");
                        }
                        line.append(']');
                    } else {
                        failed++;
                        line.append(",\"error\":").append(Json.quote(ErrorReporter.describe(r.failure())));
                        err.println(ErrorReporter.PREFIX + ErrorReporter.describe(r.failure()));
                    }
                    out.println(line.append('}'));
                }
                out.flush();
                err.flush();
            }
        }
        return failed > 0 ? 1 : 0;
    }
}
