package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.ModelOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ImageInference} computes and from which checkpoint: shipped from the driver to the
 * executors with each task, so it holds names and numbers only, never a loaded model.
 *
 * <p>Thread-safety: immutable.
 *
 * @param weights a checkpoint path every executor can read (a shared file system), or, with
 *     {@code weightsFromSparkFiles}, the name {@code SparkFiles.get} resolves for a file
 *     {@link ImageInference#distribute} shipped
 * @param weightsFromSparkFiles whether {@code weights} names a file in {@code SparkFiles}
 * @param options the backend, image size and precision; the thread count per prediction is not
 *     taken from here but from the task's CPUs ({@code spark.task.cpus}) on each executor
 * @param labels class names for a checkpoint whose classes are not ImageNet's, or an empty list
 * @param inputColumn the images: a binary column (encoded file bytes, as Spark's {@code binaryFile}
 *     source gives in {@code content}) or a string column of paths or URIs that the executors
 *     read through Hadoop's file systems
 * @param outputColumn the result struct ({@code labels}, {@code indices}, {@code probabilities},
 *     and {@code logits} and {@code embedding} when asked for); null for an image that failed
 * @param errorColumn why an image failed, null when it did not
 * @param topK how many classes each result lists
 * @param withLogits whether the result holds every logit
 * @param withEmbeddings whether the result holds the embedding (timm's pooled pre-logits)
 * @param batchSize images per model run; a partition's last, shorter batch runs in powers of two.
 *     An image's result is bit for bit the plain library's at the batch size it ran in (oneDNN's
 *     last bits depend on the batch size, not on the batch's other images)
 */
public record ImageInferenceSettings(String weights, boolean weightsFromSparkFiles, ModelOptions options, List<String> labels,
                                     String inputColumn, String outputColumn, String errorColumn, int topK,
                                     boolean withLogits, boolean withEmbeddings, int batchSize) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest micro-batch: more only holds more decoded images in memory per task. */
    public static final int MAX_BATCH = 256;

    /** Settings; checked here, on the driver, so that a mistake fails before any task runs. */
    public ImageInferenceSettings {
        if (weights == null || weights.isEmpty()) {
            throw new EfficientFormerException("no weights given: a checkpoint path, or the name ImageInference.distribute gave a shipped file");
        }
        if (options == null) {
            throw new EfficientFormerException("options must not be null (ModelOptions.defaults())");
        }
        labels = List.copyOf(labels == null ? List.of() : labels);
        for (String[] c : new String[][] {{"inputColumn", inputColumn}, {"outputColumn", outputColumn}, {"errorColumn", errorColumn}}) {
            if (c[1] == null || c[1].isEmpty()) {
                throw new EfficientFormerException(c[0] + " must name a column");
            }
        }
        if (outputColumn.equals(errorColumn)) {
            throw new EfficientFormerException("outputColumn and errorColumn must differ, both are '" + outputColumn + "'");
        }
        if (topK < 1) {
            throw new EfficientFormerException("topK must be at least 1, got " + topK);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new EfficientFormerException("batchSize must be 1 to " + MAX_BATCH + ", got " + batchSize);
        }
    }

    /**
     * Defaults for a checkpoint every executor reads at {@code checkpoint}: the {@code content}
     * column in, {@code prediction} and {@code error} out, top 5, batches of 8, automatic backend.
     */
    public static ImageInferenceSettings forCheckpoint(Path checkpoint) {
        return new ImageInferenceSettings(checkpoint.toString(), false, ModelOptions.defaults().withThreads(1), List.of(),
                "content", "prediction", "error", 5, false, false, 8);
    }

    /** Defaults as {@link #forCheckpoint}, for a file shipped to the executors (see {@link ImageInference#distribute}). */
    public static ImageInferenceSettings forSparkFile(String fileName) {
        return forCheckpoint(Path.of(fileName)).withWeights(fileName, true);
    }

    /** These settings with another checkpoint. */
    public ImageInferenceSettings withWeights(String weights, boolean fromSparkFiles) {
        return new ImageInferenceSettings(weights, fromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, topK,
                withLogits, withEmbeddings, batchSize);
    }

    /** These settings with other model options (backend, precision, image size). */
    public ImageInferenceSettings withOptions(ModelOptions options) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, topK,
                withLogits, withEmbeddings, batchSize);
    }

    /** These settings with class names for a checkpoint that is not an ImageNet classifier. */
    public ImageInferenceSettings withLabels(List<String> labels) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, topK,
                withLogits, withEmbeddings, batchSize);
    }

    /** These settings with other column names. */
    public ImageInferenceSettings withColumns(String input, String output, String error) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, input, output, error, topK,
                withLogits, withEmbeddings, batchSize);
    }

    /** These settings listing {@code k} classes per image. */
    public ImageInferenceSettings withTopK(int k) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, k,
                withLogits, withEmbeddings, batchSize);
    }

    /** These settings with or without the logits and the embeddings in each result. */
    public ImageInferenceSettings withOutputs(boolean logits, boolean embeddings) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, topK,
                logits, embeddings, batchSize);
    }

    /** These settings running {@code size} images per model run. */
    public ImageInferenceSettings withBatchSize(int size) {
        return new ImageInferenceSettings(weights, weightsFromSparkFiles, options, labels, inputColumn, outputColumn, errorColumn, topK,
                withLogits, withEmbeddings, size);
    }
}
