package dev.efficientformer.backend.java;

import dev.efficientformer.graph.Ops;

/**
 * A convolution or linear layer as {@link VectorGemm} calls, with its epilogue fused: bias, then
 * the activation (ReLU or GELU) that followed the layer, then the residual that was added to it,
 * applied to each output tile while it is still in L1.
 *
 * <p>Layout: activations are NCHW per image, as the graph defines them. That makes a 1x1
 * convolution the plain GEMM {@code Y[out, HW] = W[out, in] X[in, HW]} (vectorised along HW, the
 * long contiguous dim; W packed once into row panels; each column tile of X copied into
 * contiguous per-thread scratch {@code [in, NR]} and reused by every row panel), and any other
 * convolution the same GEMM on an im2col of one column tile at a time into that scratch
 * ({@code [in*k*k, NR]}). NHWC would make 1x1 convolutions {@code X[HW, in] W^T} instead, as
 * fast, but the pool mixer, which dominates the memory traffic of the early stages, is
 * simplest and fastest per contiguous plane. Tokens {@code [N, C]} are row-major, so a
 * linear layer is {@code Y[N, out] = X[N, in] W^T}: X read in place as the broadcast operand,
 * {@code W^T} packed once into column tiles, vectorised along {@code out}.
 *
 * <p>Work items are (image, column tile, row block); a plan with several threads gives each a
 * contiguous run of items of about equal cost (computed here, once). Row blocks are only cut
 * when there are too few column tiles to keep every thread busy.
 *
 * <p>Thread-safety: each share writes disjoint output tiles and uses its own scratch.
 */
final class GemmStep implements VectorStep {
    static final int ACT_NONE = 0;
    static final int ACT_RELU = 1;
    static final int ACT_GELU = 2;

    /**
     * {@code CONV_1X1}: rows are output channels, columns pixels. {@code CONV_1X1_TOKENS}: the
     * transposed product {@code Y^T[HW, out] = X^T[HW, in] W^T} for small planes (7x7), whose 49
     * columns would fill only 3 of 4 vectors: rows are pixels (X packed per image into row
     * panels), columns output channels (whole vectors), and the epilogue writes the tile back
     * transposed. {@code CONV_IM2COL}: any other convolution. {@code LINEAR}: token rows.
     */
    private enum Form { CONV_1X1, CONV_1X1_TOKENS, CONV_IM2COL, LINEAR }

    private final String kind;
    private final Form form;
    private final int images;
    private final int m;
    private final int n;
    private final int k;
    private final float[] packed;
    private final float[] x;
    private final float[] y;
    private final float[] bias;
    private final int act;
    private final float[] residual;
    private final float[][] scratch;
    private final VectorGemm.Operands[] operands;
    // im2col geometry
    private final int cin;
    private final int h;
    private final int w;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final int ow;
    // work split
    private final int colTiles;
    private final int[] tileStart;
    private final int[] tileWidth;
    private final int rowBlocks;
    private final int panels;
    private final int items;
    private final int[] bounds;

    private GemmStep(String kind, Form form, int images, int m, int n, int k, float[] packed, float[] x, float[] y, float[] bias,
                     int act, float[] residual, float[][] scratch, int threads, Ops.Conv2d conv, int h, int w) {
        this.kind = kind;
        this.form = form;
        this.images = images;
        this.m = m;
        this.n = n;
        this.k = k;
        this.packed = packed;
        this.x = x;
        this.y = y;
        this.bias = bias;
        this.act = act;
        this.residual = residual;
        this.scratch = scratch;
        this.cin = conv == null ? 0 : conv.inChannels();
        this.h = h;
        this.w = w;
        this.kernel = conv == null ? 1 : conv.kernel();
        this.stride = conv == null ? 1 : conv.stride();
        this.pad = conv == null ? 0 : conv.padding();
        this.ow = conv == null ? 0 : conv.outputSize(w);
        this.operands = new VectorGemm.Operands[threads];
        for (int i = 0; i < threads; i++) {
            VectorGemm.Operands o = new VectorGemm.Operands();
            o.m = m;
            o.n = n;
            o.k = k;
            o.c = y;
            o.ldc = n;
            if (form == Form.LINEAR) {
                o.a = x;
                o.lda = k;
                o.b = packed;
            } else if (form == Form.CONV_1X1_TOKENS) {
                o.aPacked = true;
                o.aBase = VectorGemm.MR * VectorGemm.NR;
                o.b = packed;
                o.ldc = VectorGemm.NR;
            } else {
                o.a = packed;
                o.aPacked = true;
            }
            operands[i] = o;
        }
        int[][] tiles = columnTiles(n, form == Form.LINEAR || form == Form.CONV_1X1_TOKENS);
        this.tileStart = tiles[0];
        this.tileWidth = tiles[1];
        this.colTiles = tileStart.length;
        this.panels = (m + VectorGemm.MR - 1) / VectorGemm.MR;
        int tileCount = images * colTiles;
        this.rowBlocks = threads == 1 || tileCount >= 8 * threads ? 1 : Math.min(panels, (8 * threads + tileCount - 1) / tileCount);
        this.items = tileCount * rowBlocks;
        this.bounds = split(threads);
    }

    /** A convolution over {@code [cin, h, w]} images; the output {@code y} is {@code [cout, oh, ow]} per image. */
    static GemmStep conv(String kind, Ops.Conv2d c, int images, int h, int w, float[] x, float[] y, int act, float[] residual,
                         float[][] scratch, int threads) {
        int k = c.inChannels() * c.kernel() * c.kernel();
        int n = c.outputSize(h) * c.outputSize(w);
        boolean direct = c.kernel() == 1 && c.stride() == 1 && c.padding() == 0;
        if (direct && n < VectorGemm.NR && c.outChannels() >= VectorGemm.NR) {
            return new GemmStep(kind, Form.CONV_1X1_TOKENS, images, n, c.outChannels(), k,
                    VectorGemm.packBTransposed(c.weight(), c.outChannels(), k), x, y, c.bias(), act, residual, scratch, threads, c, h, w);
        }
        return new GemmStep(kind, direct ? Form.CONV_1X1 : Form.CONV_IM2COL, images, c.outChannels(), n, k,
                VectorGemm.packA(c.weight(), c.outChannels(), k), x, y, c.bias(), act, residual, scratch, threads, c, h, w);
    }

    /** A linear layer over {@code rows} rows of {@code x} (all images' rows together). */
    static GemmStep linear(String kind, Ops.Linear l, int rows, float[] x, float[] y, int act, float[] residual, float[][] scratch,
                           int threads) {
        return new GemmStep(kind, Form.LINEAR, 1, rows, l.outFeatures(), l.inFeatures(),
                VectorGemm.packBTransposed(l.weight(), l.outFeatures(), l.inFeatures()), x, y, l.bias(), act, residual, scratch,
                threads, null, 0, 0);
    }

    /**
     * Column tiles {@code {starts, widths}} of at most {@link VectorGemm#NV} vectors. Packed B fixes
     * them at multiples of {@code NR}. Raw B may start anywhere: a last tile of a single vector
     * (which re-streams all of A for 16 columns, bound by its broadcasts) is avoided by making the
     * last two tiles 3 + 2 vectors instead of 4 + 1.
     */
    static int[][] columnTiles(int n, boolean nrAligned) {
        int l = VectorGemm.L;
        int vectors = (n + l - 1) / l;
        int full = vectors / VectorGemm.NV;
        int rest = vectors % VectorGemm.NV;
        int[] sizes;
        if (!nrAligned && rest == 1 && full > 0) {
            sizes = new int[full + 1];
            java.util.Arrays.fill(sizes, VectorGemm.NV);
            sizes[full - 1] = 3;
            sizes[full] = 2;
        } else {
            sizes = new int[full + (rest > 0 ? 1 : 0)];
            java.util.Arrays.fill(sizes, VectorGemm.NV);
            if (rest > 0) {
                sizes[full] = rest;
            }
        }
        int[] starts = new int[sizes.length];
        int[] widths = new int[sizes.length];
        int j = 0;
        for (int t = 0; t < sizes.length; t++) {
            starts[t] = j;
            widths[t] = Math.min(sizes[t] * l, n - j);
            j += sizes[t] * l;
        }
        return new int[][] {starts, widths};
    }

    /** Per-thread scratch floats: one tile of partial sums, plus one im2col column tile. */
    int scratchSize() {
        int tileScratch = VectorGemm.MR * VectorGemm.NR;
        return switch (form) {
            case LINEAR -> tileScratch;
            case CONV_1X1, CONV_IM2COL -> tileScratch + k * VectorGemm.NR;
            case CONV_1X1_TOKENS -> tileScratch + tokensOffset() + panels * VectorGemm.MR * VectorGemm.NR;
        };
    }

    /** Where the C tile starts in scratch, after the packed pixels (CONV_1X1_TOKENS). */
    private int tokensOffset() {
        return panels * VectorGemm.MR * k;
    }

    private int rowStart(int rb) {
        return Math.min(m, VectorStep.from(panels, rb, rowBlocks) * VectorGemm.MR);
    }

    private long cost(int item) {
        int tile = item / rowBlocks % colTiles;
        int rb = item % rowBlocks;
        int width = tileWidth[tile];
        // A partial vector costs as much as a full one.
        int vectors = (width + VectorGemm.L - 1) / VectorGemm.L;
        return (long) (rowStart(rb + 1) - rowStart(rb)) * vectors;
    }

    /** Item boundaries giving each of {@code parts} shares about the same number of vector FMAs. */
    private int[] split(int parts) {
        long total = 0;
        for (int i = 0; i < items; i++) {
            total += cost(i);
        }
        int[] b = new int[parts + 1];
        long acc = 0;
        int part = 1;
        for (int i = 0; i < items && part < parts; i++) {
            acc += cost(i);
            while (part < parts && acc * parts >= total * part) {
                b[part++] = i + 1;
            }
        }
        while (part <= parts) {
            b[part++] = items;
        }
        b[parts] = items;
        return b;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** {@code MxKxN} of one GEMM (per image for convolutions), for profiles. */
    String shape() {
        return m + "x" + k + "x" + n + (images > 1 ? " x" + images : "");
    }

    @Override
    public void run(int part, int parts) {
        int first = parts == 1 ? 0 : bounds[part];
        int end = parts == 1 ? items : bounds[part + 1];
        float[] s = scratch[part];
        VectorGemm.Operands o = operands[part];
        int packedImage = -1;
        for (int item = first; item < end; item++) {
            int image = item / (colTiles * rowBlocks);
            int tile = item / rowBlocks % colTiles;
            int rb = item % rowBlocks;
            int j0 = tileStart[tile];
            int width = tileWidth[tile];
            int r0 = rowStart(rb);
            int r1 = rowStart(rb + 1);
            o.cBase = image * m * n;
            o.bColumnOrigin = j0;
            if (form == Form.CONV_1X1_TOKENS) {
                if (image != packedImage) {
                    packPixels(image * k * m, s, o.aBase);
                    packedImage = image;
                }
                o.a = s;
                o.c = s;
                o.bBase = j0 * k;
                int cTile = o.aBase + tokensOffset();
                o.cBase = cTile - j0;
                VectorGemm.tile(o, r0, r1, j0, width, s);
                transposedEpilogue(s, image, cTile, r0, r1, j0, width);
                continue;
            }
            switch (form) {
                case CONV_1X1 -> {
                    o.b = s;
                    o.bBase = VectorGemm.MR * VectorGemm.NR;
                    packColumns(image * k * n, s, o.bBase, j0, width);
                }
                case CONV_IM2COL -> {
                    o.b = s;
                    o.bBase = VectorGemm.MR * VectorGemm.NR;
                    im2col(image * cin * h * w, s, o.bBase, j0, width);
                }
                case LINEAR -> o.bBase = j0 * k;
                default -> throw new IllegalStateException();
            }
            VectorGemm.tile(o, r0, r1, j0, width, s);
            epilogue(o.cBase, r0, r1, j0, width);
        }
    }

    /**
     * Copies columns {@code [j0, j0 + width)} of the image's {@code X [k, n]} into contiguous
     * rows of {@code NR} floats. Read in place, rows {@code n} floats apart that are not a whole
     * number of cache lines (n = 196, 49) made the B block of one K block overflow L1 and ran at a
     * third of the speed; packed, it is {@code KC * NR} contiguous floats.
     */
    private void packColumns(int xo, float[] dst, int dstOff, int j0, int width) {
        for (int kk = 0; kk < k; kk++) {
            System.arraycopy(x, xo + kk * n + j0, dst, dstOff + kk * VectorGemm.NR, width);
        }
    }

    /**
     * The image's {@code X [k, pixels]} as the packed A of the transposed product: row panels of
     * {@code MR} pixels, k-major ({@code m} here is the number of pixels, the GEMM's rows).
     */
    private void packPixels(int xo, float[] dst, int dstOff) {
        int mr = VectorGemm.MR;
        for (int p = 0; p < panels; p++) {
            int base = dstOff + p * k * mr;
            for (int r = 0; r < mr; r++) {
                int t = p * mr + r;
                if (t < m) {
                    for (int kk = 0; kk < k; kk++) {
                        dst[base + kk * mr + r] = x[xo + kk * m + t];
                    }
                } else {
                    for (int kk = 0; kk < k; kk++) {
                        dst[base + kk * mr + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * The epilogue of the transposed product: bias (per column, i.e. output channel) and
     * activation on the C tile in scratch, then the tile written back transposed into
     * {@code Y [channels, pixels]}, adding the residual.
     */
    private void transposedEpilogue(float[] c, int image, int cTile, int r0, int r1, int j0, int width) {
        for (int t = r0; t < r1; t++) {
            int off = cTile + t * VectorGemm.NR;
            VectorElementwise.addInPlace(c, off, bias, j0, width);
            if (act == ACT_RELU) {
                VectorElementwise.relu(c, off, c, off, width);
            } else if (act == ACT_GELU) {
                VectorErf.gelu(c, off, c, off, width);
            }
        }
        int yBase = image * m * n;
        for (int j = 0; j < width; j++) {
            int yRow = yBase + (j0 + j) * m;
            for (int t = r0; t < r1; t++) {
                float v = c[cTile + t * VectorGemm.NR + j];
                y[yRow + t] = residual == null ? v : v + residual[yRow + t];
            }
        }
    }

    /** Rows {@code [(c*k + ky)*k + kx]} of the im2col matrix for output columns {@code [j0, j0 + width)}. */
    private void im2col(int xo, float[] col, int co, int j0, int width) {
        int end = j0 + width;
        for (int c = 0; c < cin; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int dst = co + ((c * kernel + ky) * kernel + kx) * VectorGemm.NR - j0;
                    int q = j0;
                    while (q < end) {
                        int oy = q / ow;
                        int ox = q - oy * ow;
                        int segEnd = Math.min(end, (oy + 1) * ow);
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= h) {
                            for (; q < segEnd; q++) {
                                col[dst + q] = 0f;
                            }
                        } else {
                            int rowBase = xo + (c * h + iy) * w;
                            int ix = ox * stride + kx - pad;
                            for (; q < segEnd; q++, ix += stride) {
                                col[dst + q] = ix >= 0 && ix < w ? x[rowBase + ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Bias, activation and residual on rows {@code [r0, r1)} x columns {@code [j0, j0 + width)} of C. */
    private void epilogue(int cBase, int r0, int r1, int j0, int width) {
        for (int i = r0; i < r1; i++) {
            int off = cBase + i * n + j0;
            if (form == Form.LINEAR) {
                VectorElementwise.addInPlace(y, off, bias, j0, width);
            } else {
                VectorElementwise.addScalarInPlace(y, off, bias[i], width);
            }
            if (act == ACT_RELU) {
                VectorElementwise.relu(y, off, y, off, width);
            } else if (act == ACT_GELU) {
                VectorErf.gelu(y, off, y, off, width);
            }
            if (residual != null) {
                VectorElementwise.addInPlace(y, off, residual, off, width);
            }
        }
    }
}
