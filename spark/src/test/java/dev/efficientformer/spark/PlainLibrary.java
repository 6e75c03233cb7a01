package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOutputs;
import java.nio.file.Path;

/**
 * What the plain library gives for one image at a batch size: the image in a batch of that many
 * copies (a batch's other images do not change an image's result on any backend, measured; its
 * size does, on oneDNN).
 */
final class PlainLibrary {
    private PlainLibrary() {
    }

    static ModelOutputs outputs(EfficientFormerModel model, Path image, int batchSize) {
        float[] chw = model.preprocessor().toChw(image);
        float[] nchw = new float[batchSize * chw.length];
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(chw, 0, nchw, i * chw.length, chw.length);
        }
        ModelOutputs all = model.forward(nchw, batchSize);
        return new ModelOutputs(java.util.Arrays.copyOf(all.logits(), model.numClasses()),
                java.util.Arrays.copyOf(all.embeddings(), model.embeddingSize()));
    }
}
