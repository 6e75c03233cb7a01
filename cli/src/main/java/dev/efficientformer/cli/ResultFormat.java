package dev.efficientformer.cli;

import dev.efficientformer.ImageClassification;
import dev.efficientformer.Prediction;
import dev.efficientformer.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How {@code classify} prints each image's result on standard output:
 * <ul>
 *   <li>{@code text}: K aligned lines per image, {@code <image>  <rank>  <probability>%  <label>};</li>
 *   <li>{@code tsv}: K lines per image, {@code image, rank, index, label, probability} separated by
 *       tabs (tabs and line breaks in a path or label become spaces, other control characters
 *       {@code \xNN});</li>
 *   <li>{@code json}: one JSON object per image and line: {@code {"path": ..., "top": [{"rank",
 *       "index", "label", "probability", "logit"}...]}}, or {@code {"path": ..., "error": ...}}.</li>
 * </ul>
 * A failed image prints nothing in text and tsv (its error goes to standard error).
 */
enum ResultFormat {
    TEXT, TSV, JSON;

    void print(PrintWriter out, ImageClassification c, int nameWidth, int rankWidth) {
        String path = c.image().toString();
        String shown = ErrorReporter.escapeControls(path); // a file name may hold escape sequences
        switch (this) {
            case TEXT -> {
                List<Prediction> preds = c.predictions();
                for (int r = 0; r < preds.size(); r++) {
                    Prediction p = preds.get(r);
                    out.printf(Locale.ROOT, "%-" + nameWidth + "s  %" + rankWidth + "d  %6.2f%%  %s%n", shown, r + 1,
                            100.0 * p.probability(), ErrorReporter.escapeControls(p.label()));
                }
            }
            case TSV -> {
                List<Prediction> preds = c.predictions();
                for (int r = 0; r < preds.size(); r++) {
                    Prediction p = preds.get(r);
                    out.printf(Locale.ROOT, "%s\t%d\t%d\t%s\t%.6f%n", field(path), r + 1, p.classIndex(), field(p.label()), p.probability());
                }
            }
            case JSON -> {
                StringBuilder b = new StringBuilder("{\"path\":").append(Json.quote(path));
                if (!c.ok()) {
                    b.append(",\"error\":").append(Json.quote(ErrorReporter.describe(c.failure())));
                } else {
                    b.append(",\"top\":[");
                    List<Prediction> preds = c.predictions();
                    for (int r = 0; r < preds.size(); r++) {
                        Prediction p = preds.get(r);
                        b.append(r == 0 ? "" : ",").append(String.format(Locale.ROOT,
                                "{\"rank\":%d,\"index\":%d,\"label\":%s,\"probability\":%s,\"logit\":%s}", r + 1, p.classIndex(),
                                Json.quote(p.label()), number(p.probability()), number(p.logit())));
                    }
                    b.append(']');
                }
                out.println(b.append('}'));
            }
        }
    }

    private static String field(String s) {
        return ErrorReporter.escapeControls(s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
    }

    /** A JSON number; NaN and infinities (which JSON lacks) as null. */
    private static String number(float v) {
        return Float.isFinite(v) ? Float.toString(v) : "null";
    }
}
