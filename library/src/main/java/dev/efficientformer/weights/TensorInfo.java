package dev.efficientformer.weights;

import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;

/**
 * What a checkpoint says about one tensor, without touching its data.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the key in the checkpoint
 * @param dtype element type
 * @param shape logical shape
 */
public record TensorInfo(String name, DType dtype, Shape shape) {
}
