package dev.efficientformer.backend;

/**
 * How long one step of a plan took in a profiled run.
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind the op kind, or the fused kernel's name ({@code conv1x1}, {@code pool_mixer}, ...)
 * @param stage the part of the model ({@code stem}, {@code stage_0} ... {@code head})
 * @param nanos wall-clock time
 */
public record StepTime(String kind, String stage, long nanos) {
}
