package dev.efficientformer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOutputs;
import dev.efficientformer.Prediction;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/** Checks Spark's result rows against the plain library, bit for bit. */
final class ResultCheck {
    private ResultCheck() {
    }

    /** The local path of a binaryFile {@code path} value ({@code file:/...}) or of a plain path. */
    static Path pathOf(String value) {
        return value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
    }

    /**
     * Asserts that {@code rows} (columns {@code path}, the result struct and the error) hold one row
     * per file of {@code files}: the bad ones with a null result and an error naming them, the others
     * with exactly the plain library's top-k, logits and embedding at the batch size the image ran in.
     */
    static void assertMatches(List<Row> rows, List<Path> files, EfficientFormerModel model, ImageInferenceSettings s) {
        assertEquals(files.size(), rows.size(), "one row per image");
        Set<Path> seen = new HashSet<>();
        for (Row row : rows) {
            Path file = pathOf(row.getString(row.fieldIndex("path")));
            assertTrue(seen.add(file.toAbsolutePath()), "one row for " + file);
            Row result = row.getStruct(row.fieldIndex(s.outputColumn()));
            String error = row.getString(row.fieldIndex(s.errorColumn()));
            if (TestImages.bad(file)) {
                assertNull(result, file + " cannot be decoded and must have no result");
                assertNotNull(error, file + " must have an error");
                assertTrue(error.contains(file.getFileName().toString()), "the error names the file: " + error);
                continue;
            }
            assertNull(error, file + ": " + error);
            assertNotNull(result, file + " has no result");
            ModelOutputs expected = expected(model, file, s, result);
            List<Prediction> top = model.topK(expected.logits(), s.topK());
            List<String> labels = result.getList(result.fieldIndex(ResultSchema.LABELS));
            List<Integer> indices = result.getList(result.fieldIndex(ResultSchema.INDICES));
            List<Float> probabilities = result.getList(result.fieldIndex(ResultSchema.PROBABILITIES));
            assertEquals(top.size(), labels.size(), file + ": top-k size");
            for (int i = 0; i < top.size(); i++) {
                assertEquals(top.get(i).label(), labels.get(i), file + " label " + i);
                assertEquals(top.get(i).classIndex(), (int) indices.get(i), file + " index " + i);
                assertEquals(Float.floatToIntBits(top.get(i).probability()), Float.floatToIntBits(probabilities.get(i)),
                        file + " probability " + i);
            }
            if (s.withLogits()) {
                assertBits(expected.logits(), result.getList(result.fieldIndex(ResultSchema.LOGITS)), file + " logits");
            }
            if (s.withEmbeddings()) {
                assertBits(expected.embeddings(), result.getList(result.fieldIndex(ResultSchema.EMBEDDING)), file + " embedding");
            }
        }
    }

    /**
     * The plain library's outputs at the batch size this image ran in: {@code batchSize}, or a
     * smaller power of two for a partition's last images. Which one is not reported, so the
     * candidates are tried, largest first; the logits (or, without them, the probabilities) must
     * then equal one of them exactly.
     */
    private static ModelOutputs expected(EfficientFormerModel model, Path file, ImageInferenceSettings s, Row result) {
        List<Float> probabilities = result.getList(result.fieldIndex(ResultSchema.PROBABILITIES));
        ModelOutputs first = null;
        for (int n = s.batchSize(); n >= 1; n = n == s.batchSize() ? Integer.highestOneBit(n - 1) : n / 2) {
            ModelOutputs candidate = PlainLibrary.outputs(model, file, n);
            first = first == null ? candidate : first;
            float p = model.topK(candidate.logits(), 1).get(0).probability();
            boolean same = s.withLogits()
                    ? sameBits(candidate.logits(), result.getList(result.fieldIndex(ResultSchema.LOGITS)))
                    : Float.floatToIntBits(p) == Float.floatToIntBits(probabilities.get(0));
            if (same) {
                return candidate;
            }
            if (n == 1) {
                break;
            }
        }
        return first;
    }

    private static boolean sameBits(float[] expected, List<Float> actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual.get(i))) {
                return false;
            }
        }
        return expected.length == actual.size();
    }

    private static void assertBits(float[] expected, List<Float> actual, String what) {
        assertEquals(expected.length, actual.size(), what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual.get(i))) {
                throw new AssertionError(what + " differ at " + i + ": plain library " + expected[i] + ", Spark " + actual.get(i));
            }
        }
    }
}
