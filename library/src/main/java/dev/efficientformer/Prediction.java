package dev.efficientformer;

/**
 * One class of a classification result.
 *
 * <p>Thread-safety: immutable.
 *
 * @param classIndex index into the model's outputs
 * @param label the class name (ImageNet's for 1000-class models)
 * @param probability softmax probability over all classes
 * @param logit the raw model output
 */
public record Prediction(int classIndex, String label, float probability, float logit) {
}
