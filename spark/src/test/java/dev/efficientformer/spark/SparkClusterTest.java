package dev.efficientformer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark stage on a real cluster on this machine: Spark's {@code local-cluster} mode starts a
 * standalone master and a worker in this JVM, and the worker starts an executor as a separate JVM
 * (two cores), which extracts the natives and loads the model itself, from a checkpoint shipped
 * with {@code SparkContext.addFile}.
 */
class SparkClusterTest {
    @TempDir
    static Path temp;
    static SparkSession spark;
    static List<Path> files;

    @BeforeAll
    static void start() {
        files = TestImages.write(temp.resolve("images"));
        String classFolders = SparkHome.prepare();
        String jvm = System.getProperty("spark.jvm.args", "");
        spark = SparkSessions.builder("local-cluster[1,2,1024]")
                .config("spark.executor.extraClassPath", classFolders)
                .config("spark.executor.extraJavaOptions", jvm)
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void executorsAreSeparateJvmsThatLoadTheModelOnceAndMatchThePlainLibrary() {
        long driver = ProcessHandle.current().pid();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Long> executors = sc.parallelize(List.of(1, 2, 3, 4), 4).map(i -> ProcessHandle.current().pid()).distinct().collect();
        assertEquals(1, executors.size(), "one executor JVM: " + executors);
        assertNotEquals(driver, executors.get(0), "the executor is not the driver's JVM");

        Path checkpoint = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        ImageInferenceSettings s = ImageInference.distribute(spark, checkpoint)
                .withOptions(ModelOptions.defaults().withBackend("dnnl")).withOutputs(true, true).withBatchSize(4);
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString()).repartition(4);
        List<Row> rows = ImageInference.apply(images, s).select("path", "prediction", "error").collectAsList();
        try (EfficientFormerModel model = EfficientFormerModel.load(checkpoint, s.options())) {
            ResultCheck.assertMatches(rows, files, model, s);
        }
        List<Integer> loaded = sc.parallelize(List.of(1, 2, 3, 4), 4).map(i -> ExecutorModels.loaded()).distinct().collect();
        assertEquals(List.of(1), loaded, "four partitions on the executor's two cores share one model");
    }
}
