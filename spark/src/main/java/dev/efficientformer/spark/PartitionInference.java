package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOutputs;
import dev.efficientformer.Prediction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies one partition in micro-batches: reads {@code batchSize} rows, decodes their images,
 * runs the decodable ones as one batch of exactly {@code batchSize} (padded with zeros when some
 * failed), and yields each row with its result, or with a null result and the reason when its
 * image could not be read. The partition's last, shorter batch runs in powers of two (7 = 4 + 2 + 1),
 * so a model compiles plans for at most log2(batchSize) + 2 batch sizes. Rows leave in the order
 * they came, a batch at a time, so a partition is never held in memory whole.
 *
 * <p>The model comes from {@link ExecutorModels} (one per JVM) with as many threads per prediction
 * as the task has CPUs ({@code spark.task.cpus}): an executor with N cores runs N / task.cpus
 * tasks at once, so its cores are used once and not oversubscribed.
 *
 * <p>Thread-safety: Spark calls one instance per partition; the returned iterator is the task's.
 */
final class PartitionInference implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ImageInferenceSettings settings;
    private final StructType inputSchema;

    PartitionInference(ImageInferenceSettings settings, StructType inputSchema) {
        this.settings = settings;
        this.inputSchema = inputSchema;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();
            private Batches batches;

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && rows.hasNext()) {
                    if (batches == null) {
                        batches = new Batches();
                    }
                    batches.next(rows, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.removeFirst();
            }
        };
    }

    /** A task's model, reader and buffers, made when its first row arrives (an empty partition loads nothing). */
    private final class Batches {
        private final EfficientFormerModel model;
        private final ImageReader reader;
        private final int imageIndex;
        private final int pathIndex;
        private final int per;
        private final float[] nchw;
        private long rowNumber;

        Batches() {
            TaskContext task = TaskContext.get();
            model = ExecutorModels.get(settings, task == null ? 1 : Math.max(1, task.cpus()));
            imageIndex = inputSchema.fieldIndex(settings.inputColumn());
            reader = new ImageReader(inputSchema.fields()[imageIndex].dataType(), settings.inputColumn());
            pathIndex = Arrays.asList(inputSchema.fieldNames()).contains("path")
                    && inputSchema.apply("path").dataType() instanceof org.apache.spark.sql.types.StringType
                    ? inputSchema.fieldIndex("path") : -1;
            per = model.inputFloatsPerImage();
            nchw = new float[settings.batchSize() * per];
        }

        /** Reads up to one batch of rows and appends them, with their results, to {@code out}. */
        void next(Iterator<Row> rows, ArrayDeque<Row> out) {
            List<Row> batch = new ArrayList<>(settings.batchSize());
            String[] errors = new String[settings.batchSize()];
            int[] slot = new int[settings.batchSize()];
            int good = 0;
            while (batch.size() < settings.batchSize() && rows.hasNext()) {
                Row row = rows.next();
                int i = batch.size();
                batch.add(row);
                String name = nameOf(row);
                try {
                    float[] chw = model.preprocessor().toChw(reader.read(row.get(imageIndex), name));
                    System.arraycopy(chw, 0, nchw, good * per, per);
                    slot[i] = good++;
                } catch (EfficientFormerException e) {
                    errors[i] = e.getMessage();
                } catch (RuntimeException e) {
                    // A decoder's own failure on a hostile file is this image's problem, not the job's.
                    errors[i] = "cannot decode " + name + ": " + e;
                }
                rowNumber++;
            }
            if (good == 0) {
                for (int i = 0; i < batch.size(); i++) {
                    out.add(withResult(batch.get(i), null, errors[i]));
                }
                return;
            }
            ModelOutputs outputs;
            if (batch.size() == settings.batchSize()) {
                Arrays.fill(nchw, good * per, nchw.length, 0f);
                outputs = run(nchw, settings.batchSize());
            } else {
                // A partition's last images: powers of two (e.g. 6 = 4 + 2) instead of a padded batch,
                // which would compute up to batchSize - 1 images for nothing in every partition.
                outputs = new ModelOutputs(new float[good * model.numClasses()],
                        settings.withEmbeddings() ? new float[good * model.embeddingSize()] : null);
                for (int from = 0; from < good; ) {
                    int n = Integer.highestOneBit(good - from);
                    ModelOutputs part = run(Arrays.copyOfRange(nchw, from * per, (from + n) * per), n);
                    System.arraycopy(part.logits(), 0, outputs.logits(), from * model.numClasses(), part.logits().length);
                    if (part.embeddings() != null) {
                        System.arraycopy(part.embeddings(), 0, outputs.embeddings(), from * model.embeddingSize(),
                                part.embeddings().length);
                    }
                    from += n;
                }
            }
            int classes = model.numClasses();
            int features = model.embeddingSize();
            for (int i = 0; i < batch.size(); i++) {
                if (errors[i] != null) {
                    out.add(withResult(batch.get(i), null, errors[i]));
                    continue;
                }
                int s = slot[i];
                float[] logits = Arrays.copyOfRange(outputs.logits(), s * classes, (s + 1) * classes);
                float[] embedding = outputs.embeddings() == null ? null
                        : Arrays.copyOfRange(outputs.embeddings(), s * features, (s + 1) * features);
                out.add(withResult(batch.get(i), result(model.topK(logits, settings.topK()), logits, embedding), null));
            }
        }

        private ModelOutputs run(float[] images, int n) {
            return settings.withEmbeddings() ? model.forward(images, n) : new ModelOutputs(model.predict(images, n), null);
        }

        private String nameOf(Row row) {
            if (pathIndex >= 0 && !row.isNullAt(pathIndex)) {
                return row.getString(pathIndex);
            }
            if (reader.readsPaths() && !row.isNullAt(imageIndex)) {
                return row.getString(imageIndex);
            }
            TaskContext task = TaskContext.get();
            return "row " + rowNumber + (task == null ? "" : " of partition " + task.partitionId());
        }
    }

    private Row result(List<Prediction> top, float[] logits, float[] embedding) {
        String[] labels = new String[top.size()];
        int[] indices = new int[top.size()];
        float[] probabilities = new float[top.size()];
        for (int i = 0; i < top.size(); i++) {
            labels[i] = top.get(i).label();
            indices[i] = top.get(i).classIndex();
            probabilities[i] = top.get(i).probability();
        }
        List<Object> fields = new ArrayList<>(5);
        fields.add(labels);
        fields.add(indices);
        fields.add(probabilities);
        if (settings.withLogits()) {
            fields.add(logits);
        }
        if (settings.withEmbeddings()) {
            fields.add(embedding);
        }
        return RowFactory.create(fields.toArray());
    }

    private static Row withResult(Row row, Row result, String error) {
        Object[] values = new Object[row.length() + 2];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        values[row.length()] = result;
        values[row.length() + 1] = error;
        return RowFactory.create(values);
    }
}
