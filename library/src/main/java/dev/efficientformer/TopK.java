package dev.efficientformer;

import java.util.ArrayList;
import java.util.List;

/** Softmax and selection of the largest logits. */
final class TopK {
    private TopK() {
    }

    static List<Prediction> of(float[] logits, int k, List<String> labels) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        boolean[] taken = new boolean[logits.length];
        List<Prediction> out = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < logits.length; i++) {
                // NaN never wins, so a NaN logit cannot hide a real class.
                if (!taken[i] && (best < 0 || logits[i] > logits[best] || Float.isNaN(logits[best]))) {
                    best = i;
                }
            }
            taken[best] = true;
            out.add(new Prediction(best, labels.get(best), (float) (Math.exp(logits[best] - max) / sum), logits[best]));
        }
        return out;
    }
}
