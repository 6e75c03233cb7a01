package dev.efficientformer.spark;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.ModelOptions;
import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML pipeline stage that classifies, and optionally embeds, a column of images with an
 * EfficientFormer model: {@link ImageInference#apply} with its settings as ML params, so that it
 * can sit in a {@code Pipeline} and be saved and loaded with it.
 *
 * <pre>{@code
 * String shipped = ImageInference.distribute(spark, Path.of("/models/efficientformer_l1.safetensors")).weights();
 * EfficientFormerClassifier classifier = new EfficientFormerClassifier()
 *         .setWeights(shipped).setWeightsFromSparkFiles(true)
 *         .setTopK(3).setWithEmbeddings(true);
 * Dataset<Row> labelled = classifier.transform(spark.read().format("binaryFile").load("photos/"));
 * }</pre>
 *
 * <p>Params: {@code weights} (required), {@code weightsFromSparkFiles} (false), {@code inputCol}
 * ("content"; binary images or string paths), {@code outputCol} ("prediction"), {@code errorCol}
 * ("error"), {@code topK} (5), {@code withLogits} (false), {@code withEmbeddings} (false),
 * {@code batchSize} (8), {@code backend} ("auto"), {@code matmulPrecision} ("highest"),
 * {@code imageSize} (224: the input's height, and its width unless {@code imageWidth} is set),
 * {@code imageWidth} (unset: square), {@code labels} (none: ImageNet's). They mean what the
 * components of {@link ImageInferenceSettings} and {@link ModelOptions} mean.
 *
 * <p>Thread-safety: as every Spark ML stage, set params from one thread; {@code transform} may be
 * called from any thread once they are set.
 */
public final class EfficientFormerClassifier extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> weights;
    private final BooleanParam weightsFromSparkFiles;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> errorCol;
    private final IntParam topK;
    private final BooleanParam withLogits;
    private final BooleanParam withEmbeddings;
    private final IntParam batchSize;
    private final Param<String> backend;
    private final Param<String> matmulPrecision;
    private final IntParam imageSize;
    private final IntParam imageWidth;
    private final StringArrayParam labels;

    /** A classifier with a random uid. */
    public EfficientFormerClassifier() {
        this(Identifiable$.MODULE$.randomUID("efficientformer"));
    }

    /** A classifier with this uid (how Spark copies and loads stages). */
    public EfficientFormerClassifier(String uid) {
        this.uid = uid;
        weights = new Param<>(uid, "weights", "the checkpoint: a path every executor can read, or the name ImageInference.distribute gave a shipped file");
        weightsFromSparkFiles = new BooleanParam(uid, "weightsFromSparkFiles", "whether weights names a file shipped with ImageInference.distribute");
        inputCol = new Param<>(uid, "inputCol", "the image column: binary (encoded images) or string (paths or URIs)");
        outputCol = new Param<>(uid, "outputCol", "the result struct column (null for an image that failed)");
        errorCol = new Param<>(uid, "errorCol", "the column saying why an image failed (null when it did not)");
        topK = new IntParam(uid, "topK", "classes listed per image (>= 1)");
        withLogits = new BooleanParam(uid, "withLogits", "whether each result holds all logits");
        withEmbeddings = new BooleanParam(uid, "withEmbeddings", "whether each result holds the embedding (pooled pre-logits features)");
        batchSize = new IntParam(uid, "batchSize", "images per model run (1 to " + ImageInferenceSettings.MAX_BATCH + ")");
        backend = new Param<>(uid, "backend", "auto, dnnl, acl or java");
        matmulPrecision = new Param<>(uid, "matmulPrecision", "highest (strict fp32) or high (bf16x3 where AMX gains)");
        imageSize = new IntParam(uid, "imageSize", "the model's input height (and width, unless imageWidth is set)");
        imageWidth = new IntParam(uid, "imageWidth", "the model's input width (unset: imageSize, a square input)");
        labels = new StringArrayParam(this, "labels", "class names for a checkpoint that is not an ImageNet classifier (empty: ImageNet's)");
        setDefault(weightsFromSparkFiles, false);
        setDefault(inputCol, "content");
        setDefault(outputCol, "prediction");
        setDefault(errorCol, "error");
        setDefault(topK, 5);
        setDefault(withLogits, false);
        setDefault(withEmbeddings, false);
        setDefault(batchSize, 8);
        setDefault(backend, "auto");
        setDefault(matmulPrecision, "highest");
        setDefault(imageSize, 224);
        setDefault(labels, new String[0]);
    }

    /** Loads a classifier saved with {@code write().save(path)} (or inside a saved pipeline). */
    public static MLReader<EfficientFormerClassifier> read() {
        return new DefaultParamsReadable<EfficientFormerClassifier>() {
        }.read();
    }

    /** Loads a classifier saved at {@code path}. */
    public static EfficientFormerClassifier load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The settings these params stand for (checked). */
    public ImageInferenceSettings settings() {
        if (!isDefined(weights)) {
            throw new dev.efficientformer.EfficientFormerException("EfficientFormerClassifier needs weights: setWeights(...)");
        }
        int height = (Integer) getOrDefault(imageSize);
        ModelOptions options = ModelOptions.defaults()
                .withBackend((String) getOrDefault(backend))
                .withImageSize(height, isDefined(imageWidth) ? (Integer) getOrDefault(imageWidth) : height)
                .withMatmulPrecision(MatmulPrecision.parse((String) getOrDefault(matmulPrecision)));
        return new ImageInferenceSettings((String) getOrDefault(weights), (Boolean) getOrDefault(weightsFromSparkFiles), options,
                Arrays.asList((String[]) getOrDefault(labels)), (String) getOrDefault(inputCol), (String) getOrDefault(outputCol),
                (String) getOrDefault(errorCol), (Integer) getOrDefault(topK), (Boolean) getOrDefault(withLogits),
                (Boolean) getOrDefault(withEmbeddings), (Integer) getOrDefault(batchSize));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return ImageInference.apply(dataset, settings());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return ResultSchema.output(schema, settings());
    }

    @Override
    public EfficientFormerClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    // Params and their setters, as Spark ML stages have them.

    public Param<String> weights() {
        return weights;
    }

    public EfficientFormerClassifier setWeights(String value) {
        set(weights, value);
        return this;
    }

    public BooleanParam weightsFromSparkFiles() {
        return weightsFromSparkFiles;
    }

    public EfficientFormerClassifier setWeightsFromSparkFiles(boolean value) {
        set(weightsFromSparkFiles, value);
        return this;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public EfficientFormerClassifier setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public EfficientFormerClassifier setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public EfficientFormerClassifier setErrorCol(String value) {
        set(errorCol, value);
        return this;
    }

    public IntParam topK() {
        return topK;
    }

    public EfficientFormerClassifier setTopK(int value) {
        set(topK, value);
        return this;
    }

    public BooleanParam withLogits() {
        return withLogits;
    }

    public EfficientFormerClassifier setWithLogits(boolean value) {
        set(withLogits, value);
        return this;
    }

    public BooleanParam withEmbeddings() {
        return withEmbeddings;
    }

    public EfficientFormerClassifier setWithEmbeddings(boolean value) {
        set(withEmbeddings, value);
        return this;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public EfficientFormerClassifier setBatchSize(int value) {
        set(batchSize, value);
        return this;
    }

    public Param<String> backend() {
        return backend;
    }

    public EfficientFormerClassifier setBackend(String value) {
        set(backend, value);
        return this;
    }

    public Param<String> matmulPrecision() {
        return matmulPrecision;
    }

    public EfficientFormerClassifier setMatmulPrecision(String value) {
        set(matmulPrecision, value);
        return this;
    }

    public IntParam imageSize() {
        return imageSize;
    }

    public EfficientFormerClassifier setImageSize(int value) {
        set(imageSize, value);
        return this;
    }

    public IntParam imageWidth() {
        return imageWidth;
    }

    /** A {@code imageSize x value} input (height x width); without it the input is square. */
    public EfficientFormerClassifier setImageWidth(int value) {
        set(imageWidth, value);
        return this;
    }

    public StringArrayParam labels() {
        return labels;
    }

    public EfficientFormerClassifier setLabels(String[] value) {
        set(labels, value);
        return this;
    }
}
