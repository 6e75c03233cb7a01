package dev.efficientformer.benchmarks.onnx;

/**
 * Folds an inference-mode BatchNorm into the convolution before it, as torch.onnx.export does for
 * a Conv2d followed by BatchNorm2d in eval mode: with {@code s = gamma / sqrt(var + eps)} per
 * output channel, the weight becomes {@code w * s} and the bias {@code (b - mean) * s + beta}.
 * Computed in double and rounded once.
 *
 * <p>Thread-safety: stateless.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {
    }

    /**
     * The folded convolution.
     *
     * @param weight the convolution's weight, output channel first ({@code [out, ...]})
     * @param bias its bias ({@code [out]})
     * @param mean BatchNorm's running mean
     * @param var BatchNorm's running variance
     * @param gamma BatchNorm's weight
     * @param beta BatchNorm's bias
     * @param eps BatchNorm's epsilon
     */
    public static Folded fold(float[] weight, float[] bias, float[] mean, float[] var, float[] gamma, float[] beta, float eps) {
        int out = bias.length;
        if (weight.length % out != 0 || mean.length != out || var.length != out || gamma.length != out || beta.length != out) {
            throw new IllegalArgumentException("BatchNorm of " + mean.length + " channels does not match a convolution of " + out
                    + " output channels (" + weight.length + " weights)");
        }
        int perChannel = weight.length / out;
        float[] w = new float[weight.length];
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            double s = gamma[o] / Math.sqrt((double) var[o] + eps);
            for (int i = 0; i < perChannel; i++) {
                w[o * perChannel + i] = (float) (weight[o * perChannel + i] * s);
            }
            b[o] = (float) (((double) bias[o] - mean[o]) * s + beta[o]);
        }
        return new Folded(w, b);
    }

    /**
     * A convolution with its BatchNorm folded in.
     *
     * @param weight same layout as the convolution's weight
     * @param bias one per output channel
     */
    public record Folded(float[] weight, float[] bias) {
    }
}
