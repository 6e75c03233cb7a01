package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * The models of this JVM (a Spark executor, or the driver in local mode): one per checkpoint file
 * and options, loaded by the first task that needs it, shared by every task after it (models are
 * safe for concurrent use), and closed when the JVM exits. A task never loads a model another
 * task of the same JVM has loaded: loading L7 takes seconds and a copy of its weights.
 *
 * <p>Thread-safety: safe from any thread.
 */
final class ExecutorModels {
    /** A model is the same model only for the same file contents: a replaced file loads anew. */
    private record Key(Path file, long size, long modified, ModelOptions options, List<String> labels) {
    }

    private static final ConcurrentHashMap<Key, EfficientFormerModel> MODELS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "efficientformer-spark-close-models"));
    }

    private ExecutorModels() {
    }

    /**
     * The model for {@code settings} running {@code threads} threads per prediction, loaded on first use.
     *
     * @throws EfficientFormerException when the checkpoint cannot be found or loaded (this fails the
     *     task: no image of it could be classified)
     */
    static EfficientFormerModel get(ImageInferenceSettings settings, int threads) {
        Path file = checkpoint(settings);
        Key key;
        try {
            Path real = file.toRealPath();
            key = new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis(), settings.options().withThreads(threads),
                    settings.labels());
        } catch (IOException e) {
            throw new EfficientFormerException("cannot read the checkpoint " + file + " on this executor: " + e.getMessage()
                    + (settings.weightsFromSparkFiles()
                    ? " (ship checkpoints with ImageInference.distribute: on Spark 4 a file added with SparkContext.addFile alone"
                    + " does not reach the executors of a DataFrame query)"
                    : " (a path must be readable on every executor; or ship the file with ImageInference.distribute)"), e);
        }
        return MODELS.computeIfAbsent(key, k -> k.labels().isEmpty()
                ? EfficientFormerModel.load(k.file(), k.options())
                : EfficientFormerModel.load(k.file(), k.options(), k.labels()));
    }

    /** Where this JVM reads the checkpoint. */
    static Path checkpoint(ImageInferenceSettings settings) {
        return settings.weightsFromSparkFiles() ? Path.of(SparkFiles.get(settings.weights())) : Path.of(settings.weights());
    }

    /** How many models this JVM holds (for tests). */
    static int loaded() {
        return MODELS.size();
    }

    private static void closeAll() {
        for (EfficientFormerModel m : MODELS.values()) {
            m.close();
        }
        MODELS.clear();
    }
}
