package dev.efficientformer;

/**
 * What one run of a model gives for a batch: the logits and the embeddings (timm's pooled
 * {@code pre_logits}), image after image.
 *
 * <p>Thread-safety: the arrays are the caller's own copies; share them as any array.
 *
 * @param logits {@code batch x classes} floats
 * @param embeddings {@code batch x embeddingSize} floats
 */
public record ModelOutputs(float[] logits, float[] embeddings) {
}
