package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code efficientformer download NAME}: fetches pretrained weights into the cache. This build has
 * no model zoo yet, so it says so and fails.
 *
 * <p>Thread-safety: one instance runs one command line.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download pretrained weights into the per-user cache (for classify/bench --model NAME).")
public final class DownloadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "efficientformer_l1, efficientformer_l3 or efficientformer_l7.")
    String name;

    @Override
    public Integer call() {
        ModelCatalog.requireKnown(name);
        throw new EfficientFormerException("download is not available in this build; pass --weights FILE to use a checkpoint you have");
    }
}
