package dev.efficientformer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Spark stage in {@code local[2]}: one JVM, two task threads, the real engine. */
class SparkLocalTest {
    @TempDir
    static Path temp;
    static SparkSession spark;
    static List<Path> files;

    @BeforeAll
    static void start() {
        files = TestImages.write(temp.resolve("images"));
        spark = SparkSessions.local(2);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        Path tiny = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        for (String backend : List.of("dnnl", "java")) {
            out.add(Arguments.of(backend, tiny));
        }
        Fixtures.sharedL1().ifPresent(l1 -> out.add(Arguments.of("dnnl", l1.resolve("model.safetensors"))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void transformerEqualsThePlainLibraryBitForBit(String backend, Path checkpoint) {
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString()).repartition(3);
        EfficientFormerClassifier classifier = new EfficientFormerClassifier()
                .setWeights(checkpoint.toString()).setBackend(backend).setBatchSize(4).setTopK(3)
                .setWithLogits(true).setWithEmbeddings(true);
        List<Row> rows = classifier.transform(images).select("path", "prediction", "error").collectAsList();
        try (EfficientFormerModel model = EfficientFormerModel.load(checkpoint, ModelOptions.defaults().withBackend(backend))) {
            ResultCheck.assertMatches(rows, files, model, classifier.settings());
        }
    }

    @Test
    void aNonSquareInputRunsAtTheGivenHeightAndWidth() {
        Path checkpoint = Fixtures.tiny("tiny_v2_rect").resolve("model.safetensors");
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString()).repartition(2);
        EfficientFormerClassifier classifier = new EfficientFormerClassifier()
                .setWeights(checkpoint.toString()).setBackend("java").setBatchSize(2).setWithLogits(true)
                .setImageSize(96).setImageWidth(64);
        assertEquals(List.of(96, 64), List.of(classifier.settings().options().imageHeight(), classifier.settings().options().imageWidth()));
        List<Row> rows = classifier.transform(images).select("path", "prediction", "error").collectAsList();
        try (EfficientFormerModel model = EfficientFormerModel.load(checkpoint,
                ModelOptions.defaults().withBackend("java").withImageSize(96, 64))) {
            ResultCheck.assertMatches(rows, files, model, classifier.settings());
        }
        assertEquals(96, new EfficientFormerClassifier().setWeights("w").setImageSize(96).settings().options().imageWidth(),
                "without imageWidth the input is square");
    }

    @Test
    void theJobTakesANonSquareImageSize() {
        ClassifyImagesJob.Arguments a = ClassifyImagesJob.Arguments.parse(
                new String[] {"--weights", "w", "--image-size", "211x224", "in", "out"});
        assertEquals(List.of(211, 224), List.of(a.imageHeight(), a.imageWidth()));
        ClassifyImagesJob.Arguments square = ClassifyImagesJob.Arguments.parse(
                new String[] {"--weights", "w", "--image-size", "208", "in", "out"});
        assertEquals(List.of(208, 208), List.of(square.imageHeight(), square.imageWidth()));
        for (String bad : List.of("211x", "x224", "211x224x3", "big")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ClassifyImagesJob.Arguments.parse(new String[] {"--weights", "w", "--image-size", bad, "in", "out"}));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void listImagesGivesEqualPartitionsOfPaths() {
        Dataset<Row> listed = ImageInference.listImages(spark, temp.resolve("images").toString());
        assertEquals(List.of("path"), List.of(listed.schema().fieldNames()));
        assertEquals(2, listed.rdd().getNumPartitions(), "a multiple of local[2]'s cores");
        List<Path> found = new ArrayList<>();
        for (Row r : listed.collectAsList()) {
            found.add(ResultCheck.pathOf(r.getString(0)).toAbsolutePath());
        }
        List<Path> expected = new ArrayList<>(files.stream().map(Path::toAbsolutePath).toList());
        found.sort(null);
        expected.sort(null);
        assertEquals(expected, found, "every image file, and no text file");
    }

    @Test
    void pathColumnsAreReadThroughHadoopFileSystems() {
        Path checkpoint = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        List<String> paths = new ArrayList<>();
        for (Path f : files) {
            paths.add(f.toString());
        }
        Path missing = temp.resolve("images/missing.png");
        paths.add(missing.toString());
        Dataset<Row> input = spark.createDataset(paths, Encoders.STRING()).toDF("path");
        ImageInferenceSettings s = ImageInferenceSettings.forCheckpoint(checkpoint).withColumns("path", "result", "why")
                .withOptions(ModelOptions.defaults().withBackend("java")).withBatchSize(3);
        List<Row> rows = new ArrayList<>(ImageInference.apply(input, s).collectAsList());
        Row last = rows.removeLast();
        assertTrue(last.isNullAt(1) && last.getString(2).contains("missing.png"), "a missing file is a failed row: " + last);
        try (EfficientFormerModel model = EfficientFormerModel.load(checkpoint, ModelOptions.defaults().withBackend("java"))) {
            ResultCheck.assertMatches(rows, files, model, s);
        }
    }

    @Test
    void aModelIsLoadedOncePerJvmAndSharedByItsTasks() {
        // Options no other test uses, so that this test's model is a new one.
        Path checkpoint = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        ImageInferenceSettings s = ImageInference.distribute(spark, checkpoint)
                .withOptions(ModelOptions.defaults().withBackend("java").withMatmulPrecision(MatmulPrecision.HIGH));
        int before = ExecutorModels.loaded();
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString()).repartition(6);
        assertEquals(files.size(), ImageInference.apply(images, s).count());
        assertEquals(files.size(), ImageInference.apply(images, s.withTopK(1)).count());
        assertEquals(before + 1, ExecutorModels.loaded(), "six partitions on two task threads, twice, share one model");
    }

    @Test
    void theJobWritesParquet() {
        Path checkpoint = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        Path out = temp.resolve("job-out");
        long[] counts = ClassifyImagesJob.run(spark, ClassifyImagesJob.Arguments.parse(new String[] {
            "--weights", checkpoint.toString(), "--embeddings", "--top", "2", "--batch", "4", "--backend", "java",
            temp.resolve("images").toString(), out.toString()}));
        assertEquals(files.size(), counts[0], "one row per image, the text file skipped");
        assertEquals(2, counts[1], "the corrupt and the truncated image failed");
        Dataset<Row> written = spark.read().parquet(out.toString());
        assertEquals(List.of("path", "prediction", "error"), List.of(written.schema().fieldNames()));
        ImageInferenceSettings s = ImageInferenceSettings.forCheckpoint(checkpoint).withTopK(2).withOutputs(false, true)
                .withBatchSize(4).withOptions(ModelOptions.defaults().withBackend("java"));
        try (EfficientFormerModel model = EfficientFormerModel.load(checkpoint, s.options())) {
            ResultCheck.assertMatches(written.collectAsList(), files, model, s);
        }
    }

    @Test
    void jobUsageErrorsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> ClassifyImagesJob.Arguments.parse(new String[] {"in", "out"}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifyImagesJob.Arguments.parse(new String[] {"--weights", "w", "--top", "x", "in", "out"}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifyImagesJob.Arguments.parse(new String[] {"--weights", "w", "--frobnicate", "in", "out"}));
    }

    @Test
    void aSavedClassifierLoadsWithItsParams() throws java.io.IOException {
        EfficientFormerClassifier c = new EfficientFormerClassifier().setWeights("w.safetensors").setWeightsFromSparkFiles(true)
                .setTopK(7).setWithEmbeddings(true).setBatchSize(16).setLabels(new String[] {"a", "b"})
                .setImageSize(211).setImageWidth(224);
        String dir = temp.resolve("saved-stage").toString();
        c.write().save(dir);
        EfficientFormerClassifier loaded = EfficientFormerClassifier.load(dir);
        assertEquals(c.uid(), loaded.uid());
        assertEquals(c.settings(), loaded.settings());
    }

    @Test
    void mistakesFailOnTheDriverBeforeAnyTask() {
        Path checkpoint = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString());
        ImageInferenceSettings s = ImageInferenceSettings.forCheckpoint(checkpoint);
        assertThrows(EfficientFormerException.class, () -> ImageInference.apply(images, s.withColumns("pixels", "p", "e")));
        assertThrows(EfficientFormerException.class, () -> ImageInference.apply(images, s.withColumns("length", "p", "e")));
        assertThrows(EfficientFormerException.class, () -> ImageInference.apply(images, s.withColumns("content", "path", "e")));
        assertThrows(EfficientFormerException.class, () -> s.withBatchSize(0));
        assertThrows(EfficientFormerException.class, () -> new EfficientFormerClassifier().transform(images));
    }

    @Test
    void aCheckpointThatCannotBeLoadedFailsTheJobNamingIt() {
        Dataset<Row> images = ImageInference.readImages(spark, temp.resolve("images").toString());
        ImageInferenceSettings s = ImageInferenceSettings.forCheckpoint(temp.resolve("no-such.safetensors"));
        SparkException e = assertThrows(SparkException.class, () -> ImageInference.apply(images, s).count());
        assertTrue(e.getMessage().contains("no-such.safetensors"), e.getMessage());
    }
}
