package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies and embeds a Dataset of images with an EfficientFormer model, for Spark users who do
 * not build ML pipelines ({@link EfficientFormerClassifier} is the same as a pipeline stage).
 *
 * <pre>{@code
 * Dataset<Row> images = ImageInference.listImages(spark, "s3a://bucket/photos");
 * ImageInferenceSettings settings = ImageInference.distribute(spark, Path.of("efficientformer_l1.safetensors"))
 *         .withColumns("path", "prediction", "error")
 *         .withOutputs(false, true);   // embeddings too
 * ImageInference.apply(images, settings).select("path", "prediction", "error").write().parquet("out");
 * }</pre>
 *
 * <p>Each executor JVM loads the model once and shares it between its tasks; partitions run in
 * micro-batches of {@link ImageInferenceSettings#batchSize()}; an image that cannot be read or
 * decoded gets a null result and a message in the error column instead of failing the job. A
 * checkpoint that cannot be loaded fails the job (no image could be classified).
 *
 * <p>Thread-safety: stateless; call from any thread.
 */
public final class ImageInference {
    /** The file name pattern {@link #readImages} keeps (the formats the decoder reads). */
    public static final String IMAGE_FILES = "*.{jpg,jpeg,png,JPG,JPEG,PNG}";

    private ImageInference() {
    }

    /**
     * The rows of {@code images} with the result and error columns of {@code settings} added.
     * Lazy, as every Dataset transformation: nothing runs until an action.
     *
     * @throws EfficientFormerException when the image column is missing or of the wrong type, or an
     *     output column already exists
     */
    public static Dataset<Row> apply(Dataset<?> images, ImageInferenceSettings settings) {
        Dataset<Row> rows = images.toDF();
        StructType input = rows.schema();
        StructType output = ResultSchema.output(input, settings);
        // Fails here, on the driver, for a column of the wrong type.
        new ImageReader(input.apply(settings.inputColumn()).dataType(), settings.inputColumn());
        return rows.mapPartitions(new PartitionInference(settings, input), Encoders.row(output));
    }

    /**
     * Ships a checkpoint to every executor ({@code SparkContext.addFile}, under this session's
     * artifacts: see the note below) and returns default settings that read it there through
     * {@code SparkFiles}; for a checkpoint already on a file system every executor mounts,
     * {@link ImageInferenceSettings#forCheckpoint} avoids the copy.
     *
     * <p>Use this rather than calling {@code addFile} yourself: on Spark 4, with session artifact
     * isolation (the default), a file added to the context alone never reaches the executors of a
     * DataFrame query.
     *
     * @throws EfficientFormerException when the file does not exist
     */
    public static ImageInferenceSettings distribute(SparkSession spark, Path checkpoint) {
        if (!Files.isRegularFile(checkpoint)) {
            throw new EfficientFormerException("no checkpoint at " + checkpoint);
        }
        return ImageInferenceSettings.forSparkFile(SessionFiles.add(spark, checkpoint));
    }

    /** About how many images {@link #listImages} puts in a partition. */
    public static final int IMAGES_PER_PARTITION = 256;

    /**
     * The JPEG and PNG files under {@code directory}, recursively, through Spark's
     * {@code binaryFile} source: columns {@code path}, {@code modificationTime}, {@code length}
     * and {@code content}, in binaryFile's partitions (packed by bytes: 128 MB, each file counted
     * 4 MB more, so some 30 photos each).
     */
    public static Dataset<Row> readImages(SparkSession spark, String directory) {
        return spark.read().format("binaryFile")
                .option("recursiveFileLookup", "true")
                .option("pathGlobFilter", IMAGE_FILES)
                .load(directory);
    }

    /**
     * The paths (column {@code path}, string) of the JPEG and PNG files under {@code directory},
     * recursively, for {@link #apply} with {@code inputColumn} {@code "path"}: the executors read
     * the files themselves. What this gives over {@link #readImages}: partitions of equal image
     * counts, about {@value #IMAGES_PER_PARTITION} each and their number a multiple of the
     * session's default parallelism (its cores). Inference costs per image, not per byte:
     * binaryFile's byte-packed partitions end each in a short batch, and on 2 cores 256 photos made
     * 9 partitions whose last ran alone (measured: 27-36% slower than the plain library; with
     * these partitions 7-14%, see docs/spark.md). Files are listed once, on the driver.
     */
    public static Dataset<Row> listImages(SparkSession spark, String directory) {
        List<String> files = Arrays.asList(readImages(spark, directory).inputFiles());
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        int wanted = Math.max(1, (files.size() + IMAGES_PER_PARTITION - 1) / IMAGES_PER_PARTITION);
        int partitions = (wanted + slots - 1) / slots * slots;
        JavaRDD<String> paths = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, partitions);
        return spark.createDataset(paths.rdd(), Encoders.STRING()).toDF("path");
    }
}
