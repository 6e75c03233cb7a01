package dev.efficientformer.cli;

import dev.efficientformer.download.ProgressListener;
import dev.efficientformer.download.TerminalProgressBar;
import dev.efficientformer.download.WeightDownloader;
import dev.efficientformer.model.ModelZoo;
import dev.efficientformer.model.ZooEntry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code efficientformer download NAME}: fetches a zoo model's pretrained weights into the
 * per-user cache (resuming an interrupted transfer, verifying the SHA-256), where
 * {@code classify --model} and {@code bench --model} find them. The progress bar goes to standard
 * error; the file's path is printed on standard output.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download pretrained weights (Hugging Face hub) into the per-user cache, for --model NAME.",
            "Resumes an interrupted download; does nothing when the weights are already there.",
            "Cache: $EFFICIENTFORMER_CACHE_DIR, else $XDG_CACHE_HOME/efficientformer-java, else ~/.cache/efficientformer-java.",
            "Hub: $EFFICIENTFORMER_HUB_URL (a mirror), else " + ModelZoo.DEFAULT_HUB_URL + "."})
public final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", converter = ModelSelection.ZooName.class,
            description = "efficientformer_l1, _l3, _l7 or EfficientFormerV2 efficientformerv2_s0, _s1, _s2, _l.")
    String name;

    @Override
    public Integer call() {
        ZooEntry entry = ModelCatalog.entry(name);
        WeightDownloader downloader = new WeightDownloader();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> cached = downloader.cached(entry);
        if (cached.isPresent()) {
            out.println(entry.name() + " is already downloaded: " + cached.get());
        } else {
            Path file = downloader.download(entry, progressBar());
            out.println("downloaded " + entry.name() + " to " + file);
        }
        out.flush();
        return 0;
    }

    // The bar redraws one line with carriage returns only on a real terminal; the launcher's
    // standard error is one when EfficientFormerCli.main says so, a captured writer never is.
    private ProgressListener progressBar() {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = ((EfficientFormerCli) spec.root().userObject()).errIsTerminal();
        return new TerminalProgressBar(new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8), terminal,
                System::nanoTime);
    }
}
