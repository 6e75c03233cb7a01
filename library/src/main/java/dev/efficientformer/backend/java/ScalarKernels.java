package dev.efficientformer.backend.java;

/**
 * The obviously correct kernels: plain loops in double-free float arithmetic, one image at a
 * time, written to be read rather than to be fast. They are the control every other backend is
 * tested against, so they follow each op's definition in {@code dev.efficientformer.graph.Ops}
 * literally.
 *
 * <p>Thread-safety: stateless; callers own the arrays.
 */
public final class ScalarKernels {
    private ScalarKernels() {
    }

    /** Square-kernel convolution with zero padding, {@code x [cin, h, w] -> y [cout, oh, ow]}. */
    public static void conv2d(float[] x, int xo, int cin, int h, int w, float[] weight, float[] bias, int cout, int k,
                              int stride, int pad, float[] y, int yo) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float acc = bias[o];
                    for (int c = 0; c < cin; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            int yy = i * stride + ky - pad;
                            if (yy < 0 || yy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < k; kx++) {
                                int xx = j * stride + kx - pad;
                                if (xx < 0 || xx >= w) {
                                    continue;
                                }
                                acc += weight[((o * cin + c) * k + ky) * k + kx] * x[xo + (c * h + yy) * w + xx];
                            }
                        }
                    }
                    y[yo + (o * oh + i) * ow + j] = acc;
                }
            }
        }
    }

    /** Eval-mode batch norm over dim 0 of {@code [c, spatial]}. */
    public static void batchNorm(float[] x, int xo, int c, int spatial, float[] mean, float[] var, float[] gamma, float[] beta,
                                 float eps, float[] y, int yo) {
        for (int ch = 0; ch < c; ch++) {
            float inv = (float) (1.0 / Math.sqrt(var[ch] + eps));
            for (int s = 0; s < spatial; s++) {
                int i = ch * spatial + s;
                y[yo + i] = (x[xo + i] - mean[ch]) * inv * gamma[ch] + beta[ch];
            }
        }
    }

    /** {@code max(x, 0)}. */
    public static void relu(float[] x, int xo, int n, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = Math.max(x[xo + i], 0f);
        }
    }

    /** Exact GELU, {@code x * (1 + erf(x / sqrt 2)) / 2}. */
    public static void gelu(float[] x, int xo, int n, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            y[yo + i] = (float) (0.5 * v * (1.0 + Erf.erf(v / Math.sqrt(2.0))));
        }
    }

    /** Average pooling with a square window, excluding padding from the count. */
    public static void avgPool(float[] x, int xo, int c, int h, int w, int k, int stride, int pad, float[] y, int yo) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float sum = 0;
                    int count = 0;
                    for (int ky = 0; ky < k; ky++) {
                        int yy = i * stride + ky - pad;
                        for (int kx = 0; kx < k; kx++) {
                            int xx = j * stride + kx - pad;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                sum += x[xo + (ch * h + yy) * w + xx];
                                count++;
                            }
                        }
                    }
                    y[yo + (ch * oh + i) * ow + j] = sum / count;
                }
            }
        }
    }

    /** {@code y = a + b}. */
    public static void add(float[] a, int ao, float[] b, int bo, int n, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = a[ao + i] + b[bo + i];
        }
    }

    /** {@code y = a - b}. */
    public static void sub(float[] a, int ao, float[] b, int bo, int n, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = a[ao + i] - b[bo + i];
        }
    }

    /**
     * Per-channel scale of {@code [outer, channels, inner]}: channel-first feature maps have
     * {@code outer = 1}, token sequences {@code inner = 1}.
     */
    public static void channelScale(float[] x, int xo, int outer, int channels, int inner, float[] scale, float[] y, int yo) {
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < inner; i++) {
                    int idx = (o * channels + c) * inner + i;
                    y[yo + idx] = x[xo + idx] * scale[c];
                }
            }
        }
    }

    /** {@code [c, hw] -> [hw, c]}. */
    public static void toTokens(float[] x, int xo, int c, int hw, float[] y, int yo) {
        for (int ch = 0; ch < c; ch++) {
            for (int t = 0; t < hw; t++) {
                y[yo + t * c + ch] = x[xo + ch * hw + t];
            }
        }
    }

    /** Layer norm over the last dim of {@code [rows, c]}, biased variance. */
    public static void layerNorm(float[] x, int xo, int rows, int c, float[] gamma, float[] beta, float eps, float[] y, int yo) {
        for (int r = 0; r < rows; r++) {
            int base = r * c;
            float mean = 0;
            for (int i = 0; i < c; i++) {
                mean += x[xo + base + i];
            }
            mean /= c;
            float var = 0;
            for (int i = 0; i < c; i++) {
                float d = x[xo + base + i] - mean;
                var += d * d;
            }
            var /= c;
            float inv = (float) (1.0 / Math.sqrt(var + eps));
            for (int i = 0; i < c; i++) {
                y[yo + base + i] = (x[xo + base + i] - mean) * inv * gamma[i] + beta[i];
            }
        }
    }

    /** {@code y[r, o] = bias[o] + sum_i w[o, i] x[r, i]} over {@code rows} rows. */
    public static void linear(float[] x, int xo, int rows, int in, float[] w, float[] bias, int out, float[] y, int yo) {
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                float acc = bias[o];
                for (int i = 0; i < in; i++) {
                    acc += w[o * in + i] * x[xo + r * in + i];
                }
                y[yo + r * out + o] = acc;
            }
        }
    }

    /**
     * EfficientFormer V1 attention over {@code qkv [n, heads * (2kd + vd)]}, per-head
     * {@code (q, k, v)} contiguous; writes {@code [n, heads * vd]}. {@code scores} is scratch of
     * at least {@code n} floats.
     */
    public static void attention(float[] qkv, int xo, int n, int heads, int kd, int vd, float[] bias, float[] y, int yo,
                                 float[] scores) {
        int hw = 2 * kd + vd;
        int row = heads * hw;
        float scale = (float) (1.0 / Math.sqrt(kd));
        for (int h = 0; h < heads; h++) {
            int qOff = h * hw;
            int kOff = qOff + kd;
            int vOff = qOff + 2 * kd;
            for (int i = 0; i < n; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    float dot = 0;
                    for (int d = 0; d < kd; d++) {
                        dot += qkv[xo + i * row + qOff + d] * qkv[xo + j * row + kOff + d];
                    }
                    float s = dot * scale + bias[(h * n + i) * n + j];
                    scores[j] = s;
                    max = Math.max(max, s);
                }
                float sum = 0;
                for (int j = 0; j < n; j++) {
                    scores[j] = (float) Math.exp(scores[j] - max);
                    sum += scores[j];
                }
                for (int d = 0; d < vd; d++) {
                    float acc = 0;
                    for (int j = 0; j < n; j++) {
                        acc += scores[j] * qkv[xo + j * row + vOff + d];
                    }
                    y[yo + i * heads * vd + h * vd + d] = acc / sum;
                }
            }
        }
    }

    /** {@code [n, c] -> [c]}: mean over rows. */
    public static void meanTokens(float[] x, int xo, int n, int c, float[] y, int yo) {
        for (int ch = 0; ch < c; ch++) {
            float sum = 0;
            for (int t = 0; t < n; t++) {
                sum += x[xo + t * c + ch];
            }
            y[yo + ch] = sum / n;
        }
    }

    /** Depthwise square-kernel convolution with zero padding, {@code x [c, h, w] -> y [c, oh, ow]}. */
    public static void depthwiseConv2d(float[] x, int xo, int c, int h, int w, float[] weight, float[] bias, int k, int stride,
                                       int pad, float[] y, int yo) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        for (int ch = 0; ch < c; ch++) {
            depthwisePlane(x, xo + ch * h * w, h, w, weight, ch * k * k, bias[ch], k, stride, pad, y, yo + ch * oh * ow);
        }
    }

    /** One channel plane of {@link #depthwiseConv2d}: its {@code k x k} weights at {@code weight[wo ..]}. */
    public static void depthwisePlane(float[] x, int xo, int h, int w, float[] weight, int wo, float bias, int k, int stride, int pad,
                                      float[] y, int yo) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                float acc = bias;
                for (int ky = 0; ky < k; ky++) {
                    int yy = i * stride + ky - pad;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int xx = j * stride + kx - pad;
                        if (xx >= 0 && xx < w) {
                            acc += weight[wo + ky * k + kx] * x[xo + yy * w + xx];
                        }
                    }
                }
                y[yo + i * ow + j] = acc;
            }
        }
    }

    /**
     * EfficientFormerV2 attention ({@code dev.efficientformer.graph.Ops.Attention2d}) of one image:
     * {@code q}, {@code k}, {@code v} channel-major at offsets {@code qo}, {@code ko}, {@code vo}.
     * {@code scores} is scratch of at least {@code 2 * heads * nq * nk} floats.
     */
    public static void attention2d(float[] q, int qo, float[] k, int ko, float[] v, int vo,
                                   dev.efficientformer.graph.Ops.Attention2d a, float[] y, int yo, float[] scores) {
        int heads = a.heads();
        int nq = a.queries();
        int nk = a.keys();
        int kd = a.keyDim();
        int plane = nq * nk;
        int mixed = heads * plane;
        float scale = a.scale();
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < nq; i++) {
                for (int j = 0; j < nk; j++) {
                    float dot = 0;
                    for (int d = 0; d < kd; d++) {
                        dot += q[qo + (h * kd + d) * nq + i] * k[ko + (h * kd + d) * nk + j];
                    }
                    scores[h * plane + i * nk + j] = dot * scale + a.bias()[h * plane + i * nk + j];
                }
            }
        }
        int p = 0;
        if (a.talkingHeads()) {
            mixHeads(scores, 0, a.mixBefore(), a.mixBeforeBias(), heads, plane, scores, mixed);
            p = mixed;
        }
        for (int r = 0; r < heads * nq; r++) {
            int row = p + r * nk;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < nk; j++) {
                max = Math.max(max, scores[row + j]);
            }
            float sum = 0;
            for (int j = 0; j < nk; j++) {
                scores[row + j] = (float) Math.exp(scores[row + j] - max);
                sum += scores[row + j];
            }
            for (int j = 0; j < nk; j++) {
                scores[row + j] /= sum;
            }
        }
        if (a.talkingHeads()) {
            mixHeads(scores, mixed, a.mixAfter(), a.mixAfterBias(), heads, plane, scores, 0);
            p = 0;
        }
        int vd = a.valDim();
        for (int h = 0; h < heads; h++) {
            for (int e = 0; e < vd; e++) {
                for (int i = 0; i < nq; i++) {
                    float acc = 0;
                    for (int j = 0; j < nk; j++) {
                        acc += scores[p + h * plane + i * nk + j] * v[vo + (h * vd + e) * nk + j];
                    }
                    y[yo + (h * vd + e) * nq + i] = acc;
                }
            }
        }
    }

    /** {@code out[g] = bias[g] + sum_h mix[g, h] * in[h]} over {@code heads} planes of {@code plane} floats. */
    private static void mixHeads(float[] in, int io, float[] mix, float[] bias, int heads, int plane, float[] out, int oo) {
        for (int g = 0; g < heads; g++) {
            for (int t = 0; t < plane; t++) {
                float acc = bias[g];
                for (int h = 0; h < heads; h++) {
                    acc += mix[g * heads + h] * in[io + h * plane + t];
                }
                out[oo + g * plane + t] = acc;
            }
        }
    }

    /** Bilinear x2 upsampling with half-pixel centres, {@code x [c, h, w] -> y [c, 2h, 2w]}. */
    public static void upsample2x(float[] x, int xo, int c, int h, int w, float[] y, int yo) {
        int oh = 2 * h;
        int ow = 2 * w;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < oh; i++) {
                float sy = Math.max(0f, (i + 0.5f) * 0.5f - 0.5f);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, h - 1);
                float ly = sy - y0;
                for (int j = 0; j < ow; j++) {
                    float sx = Math.max(0f, (j + 0.5f) * 0.5f - 0.5f);
                    int x0 = (int) sx;
                    int x1 = Math.min(x0 + 1, w - 1);
                    float lx = sx - x0;
                    int base = xo + ch * h * w;
                    float top = (1 - lx) * x[base + y0 * w + x0] + lx * x[base + y0 * w + x1];
                    float bottom = (1 - lx) * x[base + y1 * w + x0] + lx * x[base + y1 * w + x1];
                    y[yo + (ch * oh + i) * ow + j] = (1 - ly) * top + ly * bottom;
                }
            }
        }
    }
}
