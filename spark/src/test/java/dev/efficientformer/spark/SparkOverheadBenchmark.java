package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.image.ImageDecoder;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Images per second through Spark against the plain library on the same machine, the same images
 * and the same model, at 1 and 2 cores: Spark's overhead. Not a test (nothing is asserted);
 * {@code docs/spark.md} gives the command (exec:exec in this module's pom).
 *
 * <p>Both sides do the same work per image: read the file's bytes, decode, preprocess, and predict
 * in batches of {@code --batch}, one thread per prediction. The plain library runs one Java thread
 * per core over a share of the files, on one shared model; Spark runs {@code local-cluster[1,N]}
 * (one executor JVM with N cores, the deployment the issue asks about) or, with
 * {@code --master local}, {@code local[N]}, writing to Spark's {@code noop} sink so that no output
 * is timed. After a warm-up run of each (model load, JIT), the two alternate {@code --runs} times
 * and the medians are reported: the machine is shared, and its speed drifts.
 */
public final class SparkOverheadBenchmark {
    private SparkOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path weights = null;
        int images = 256;
        int batch = 8;
        int runs = 3;
        String master = "cluster";
        String backend = "dnnl";
        int executorMemoryMb = 4096;
        int[] coreCounts = {1, 2};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--weights" -> weights = Path.of(args[++i]);
                case "--images" -> images = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--master" -> master = args[++i];
                case "--backend" -> backend = args[++i];
                case "--executor-memory-mb" -> executorMemoryMb = Integer.parseInt(args[++i]);
                case "--cores" -> coreCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (weights == null) {
            weights = Fixtures.sharedL1().map(p -> p.resolve("model.safetensors"))
                    .orElseThrow(() -> new IllegalArgumentException("--weights FILE (or the shared L1 fixture)"));
        }
        Path dir = Files.createTempDirectory("efficientformer-spark-bench");
        List<Path> files = writeImages(dir, images);
        System.out.printf("cpu: %s; %d images, batch %d, backend %s, weights %s%n", cpuName(), files.size(), batch, backend, weights);
        System.out.println("| cores | plain library (images/s) | Spark " + master + ", listImages (images/s) | overhead"
                + " | Spark, readImages (binaryFile) (images/s) | overhead |");
        System.out.println("|---|---|---|---|---|---|");
        for (int cores : coreCounts) {
            double[] rates = measure(weights, backend, dir, files, batch, cores, runs, master, executorMemoryMb);
            System.out.printf("| %d | %.1f | %.1f | %+.1f%% | %.1f | %+.1f%% |%n", cores, rates[0], rates[1], 100 * (rates[0] / rates[1] - 1),
                    rates[2], 100 * (rates[0] / rates[2] - 1));
        }
    }

    /** {@code count} image files: the fixture photos, as PNG and JPEG, repeated. */
    private static List<Path> writeImages(Path dir, int count) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path p : TestImages.write(dir.resolve("sources"))) {
            if (!TestImages.bad(p)) {
                sources.add(p);
            }
        }
        Path out = Files.createDirectories(dir.resolve("images"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path src = sources.get(i % sources.size());
            String name = src.getFileName().toString();
            files.add(Files.copy(src, out.resolve(i + "_" + name)));
        }
        return files;
    }

    /**
     * Images per second of the plain library and of Spark, medians of {@code runs} alternating runs
     * (plain, Spark, plain, ...) after one warm-up run of each, so that a drift of the shared
     * machine's speed hits both alike.
     */
    private static double[] measure(Path weights, String backend, Path dir, List<Path> files, int batch, int cores, int runs,
                                    String master, int executorMemoryMb) throws Exception {
        SparkSession.Builder b;
        if (master.equals("cluster")) {
            b = SparkSessions.builder("local-cluster[1," + cores + "," + executorMemoryMb + "]")
                    .config("spark.executor.extraClassPath", SparkHome.prepare())
                    .config("spark.executor.extraJavaOptions", System.getProperty("spark.jvm.args", "") + " "
                            + System.getProperty("bench.executor.options", ""));
        } else {
            b = SparkSessions.builder("local[" + cores + "]");
        }
        SparkSession spark = b.getOrCreate();
        try (EfficientFormerModel model = EfficientFormerModel.load(weights, ModelOptions.defaults().withBackend(backend));
             ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            ImageInferenceSettings s = ImageInference.distribute(spark, weights)
                    .withOptions(ModelOptions.defaults().withBackend(backend)).withBatchSize(batch);
            String images = dir.resolve("images").toString();
            System.err.printf("spark %s, %d cores: listImages %d partitions, readImages %d%n", master, cores,
                    ImageInference.listImages(spark, images).rdd().getNumPartitions(),
                    ImageInference.readImages(spark, images).rdd().getNumPartitions());
            Dataset<Row> pathRows = ImageInference.listImages(spark, images);
            ImageInferenceSettings byPath = s.withColumns("path", "prediction", "error");
            double[] plain = new double[runs];
            double[] viaSpark = new double[runs];
            double[] viaBinaryFile = new double[runs];
            for (int r = -1; r < runs; r++) {
                long start = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int c = 0; c < cores; c++) {
                    List<Path> share = files.subList(files.size() * c / cores, files.size() * (c + 1) / cores);
                    parts.add(pool.submit(() -> classify(model, share, batch)));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                long middle = System.nanoTime();
                ImageInference.apply(pathRows, byPath).write().format("noop").mode("overwrite").save();
                long end = System.nanoTime();
                ImageInference.apply(ImageInference.readImages(spark, images), s).write().format("noop").mode("overwrite").save();
                long last = System.nanoTime();
                if (r >= 0) {
                    plain[r] = files.size() / ((middle - start) / 1e9);
                    viaSpark[r] = files.size() / ((end - middle) / 1e9);
                    viaBinaryFile[r] = files.size() / ((last - end) / 1e9);
                }
            }
            return new double[] {median(plain), median(viaSpark), median(viaBinaryFile)};
        } finally {
            spark.stop();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** What one Spark task does per micro-batch, with the library's public API. */
    private static void classify(EfficientFormerModel model, List<Path> files, int batch) {
        ImageDecoder decoder = ImageDecoder.withDefaults();
        int per = model.inputFloatsPerImage();
        float[] nchw = new float[batch * per];
        for (int from = 0; from < files.size(); from += batch) {
            int n = Math.min(batch, files.size() - from);
            for (int i = 0; i < n; i++) {
                try {
                    byte[] bytes = Files.readAllBytes(files.get(from + i));
                    float[] chw = model.preprocessor().toChw(decoder.decode(bytes, files.get(from + i).toString()));
                    System.arraycopy(chw, 0, nchw, i * per, per);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            Arrays.fill(nchw, n * per, nchw.length, 0f);
            float[] logits = model.predict(nchw, batch);
            for (int i = 0; i < n; i++) {
                model.topK(Arrays.copyOfRange(logits, i * model.numClasses(), (i + 1) * model.numClasses()), 5);
            }
        }
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
