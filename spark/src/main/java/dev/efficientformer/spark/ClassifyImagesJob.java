package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.ModelOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A {@code spark-submit} job: classifies (and optionally embeds) every JPEG and PNG under a
 * directory and writes Parquet with one row per image: {@code path}, {@code prediction}
 * ({@code labels}, {@code indices}, {@code probabilities}, and {@code logits} /
 * {@code embedding} when asked for) and {@code error}. The checkpoint is shipped to the executors
 * with {@link ImageInference#distribute}. See {@code docs/spark.md} for the command.
 *
 * <pre>
 * spark-submit --class dev.efficientformer.spark.ClassifyImagesJob [spark options] efficientformer-spark.jar \
 *     --weights FILE [--top K] [--logits] [--embeddings] [--batch N] [--backend B] [--image-size H[xW]] INPUT_DIR OUTPUT_DIR
 * </pre>
 *
 * <p>Exit: 0 when the job ran (failed images are rows with an error, counted on standard output),
 * 2 for a usage error; a checkpoint that cannot be loaded fails the job.
 */
public final class ClassifyImagesJob {
    private ClassifyImagesJob() {
    }

    /** What the command line asked for. */
    record Arguments(Path weights, String input, String output, int topK, boolean logits, boolean embeddings, int batch,
                     String backend, MatmulPrecision precision, int imageHeight, int imageWidth) {
        static final String USAGE = "usage: ClassifyImagesJob --weights FILE [--top K] [--logits] [--embeddings] [--batch N]"
                + " [--backend auto|dnnl|acl|java] [--matmul-precision highest|high] [--image-size H[xW]] INPUT_DIR OUTPUT_DIR";

        static Arguments parse(String[] args) {
            Path weights = null;
            int top = 5;
            int batch = 8;
            boolean logits = false;
            boolean embeddings = false;
            String backend = "auto";
            MatmulPrecision precision = MatmulPrecision.HIGHEST;
            int[] size = {224, 224};
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--weights" -> weights = Path.of(value(args, ++i));
                    case "--top" -> top = number(args, ++i);
                    case "--batch" -> batch = number(args, ++i);
                    case "--backend" -> backend = value(args, ++i);
                    case "--matmul-precision" -> precision = MatmulPrecision.parse(value(args, ++i));
                    case "--image-size" -> size = heightAndWidth(args, ++i);
                    case "--logits" -> logits = true;
                    case "--embeddings" -> embeddings = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (weights == null || positional.size() != 2) {
                throw new IllegalArgumentException(weights == null ? "--weights is required" : "expected INPUT_DIR and OUTPUT_DIR");
            }
            return new Arguments(weights, positional.get(0), positional.get(1), top, logits, embeddings, batch, backend, precision,
                    size[0], size[1]);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i) {
            try {
                return Integer.parseInt(value(args, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " needs a number, got " + args[i]);
            }
        }

        /** {@code H} (a square) or {@code HxW}, as the CLI's {@code --image-size} takes it ({@link ModelOptions#withImageSize(String)}). */
        private static int[] heightAndWidth(String[] args, int i) {
            try {
                ModelOptions parsed = ModelOptions.defaults().withImageSize(value(args, i));
                return new int[] {parsed.imageHeight(), parsed.imageWidth()};
            } catch (EfficientFormerException e) {
                throw new IllegalArgumentException(args[i - 1] + ": " + e.getMessage());
            }
        }
    }

    /** Runs the job in the session {@code spark-submit} configured; see the class comment. */
    public static void main(String[] args) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException | EfficientFormerException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("efficientformer classify " + a.input()).getOrCreate();
        try {
            long[] counts = run(spark, a);
            System.out.println("classified " + counts[0] + " images into " + a.output() + ", " + counts[1] + " failed");
        } finally {
            spark.stop();
        }
    }

    /** Runs the job in {@code spark}; returns the number of images and of failures. */
    static long[] run(SparkSession spark, Arguments a) {
        ImageInferenceSettings settings = ImageInference.distribute(spark, a.weights())
                .withOptions(ModelOptions.defaults().withBackend(a.backend()).withMatmulPrecision(a.precision())
                        .withImageSize(a.imageHeight(), a.imageWidth()))
                .withTopK(a.topK())
                .withOutputs(a.logits(), a.embeddings())
                .withBatchSize(a.batch())
                .withColumns("path", "prediction", "error");
        Dataset<Row> results = ImageInference.apply(ImageInference.listImages(spark, a.input()), settings)
                .select("path", settings.outputColumn(), settings.errorColumn());
        results.write().parquet(a.output());
        // One pass over what was written: all rows, and those whose error is set (count skips nulls).
        Row counts = spark.read().parquet(a.output())
                .agg(functions.count(functions.lit(1)), functions.count(functions.col(settings.errorColumn())))
                .first();
        return new long[] {counts.getLong(0), counts.getLong(1)};
    }
}
