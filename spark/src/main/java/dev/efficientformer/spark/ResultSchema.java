package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link ImageInference} adds: a nullable result struct and a nullable error string.
 *
 * <p>Thread-safety: stateless.
 */
final class ResultSchema {
    static final String LABELS = "labels";
    static final String INDICES = "indices";
    static final String PROBABILITIES = "probabilities";
    static final String LOGITS = "logits";
    static final String EMBEDDING = "embedding";

    private ResultSchema() {
    }

    /** The result struct for these settings. */
    static StructType result(ImageInferenceSettings s) {
        StructType t = new StructType()
                .add(LABELS, DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add(INDICES, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add(PROBABILITIES, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        if (s.withLogits()) {
            t = t.add(LOGITS, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        }
        if (s.withEmbeddings()) {
            t = t.add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        }
        return t;
    }

    /**
     * The input's columns followed by the result and error columns.
     *
     * @throws EfficientFormerException when the image column is missing or an output column exists
     */
    static StructType output(StructType input, ImageInferenceSettings s) {
        if (!Arrays.asList(input.fieldNames()).contains(s.inputColumn())) {
            throw new EfficientFormerException("no image column '" + s.inputColumn() + "' among " + Arrays.toString(input.fieldNames()));
        }
        for (String out : new String[] {s.outputColumn(), s.errorColumn()}) {
            if (Arrays.asList(input.fieldNames()).contains(out)) {
                throw new EfficientFormerException("the output column '" + out + "' already exists: choose another name");
            }
        }
        return input.add(s.outputColumn(), result(s), true).add(s.errorColumn(), DataTypes.StringType, true);
    }
}
