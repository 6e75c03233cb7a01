package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blocked single-precision GEMM of the vector tier: {@code C[M, N] = A[M, K] B[K, N]}, with a
 * register-tiled micro-kernel of {@link #MR} rows by {@link #NV} vectors ({@link #NR} columns),
 * K split into blocks of {@link #KC} so that the B block of one column tile stays in L1 while every
 * row panel of A streams past it.
 *
 * <p>B is always <em>packed</em>: k-major tiles of {@code NR} columns,
 * {@code Bp[tile * K * NR + k * NR + j % NR]}: weights reordered once at compile time (linear
 * layers), or one column tile of the activations copied (1x1 convolutions) or gathered (im2col)
 * into per-thread scratch. A is either <em>packed</em> (convolution weights: panels of
 * {@code MR} rows, k-major, rows interleaved, {@code Ap[(i / MR) * K * MR + k * MR + i % MR]},
 * zero rows padding the last panel) or <em>raw</em> (the token rows of a linear layer,
 * row-major, leading dimension {@code lda}). The micro-kernels broadcast one A element per row
 * and load contiguous B vectors, so the vectorised dimension is N, the output columns; only the
 * last vector's store is masked, and B's loads never need a mask (its tiles are whole).
 *
 * <p>The kernels are written out for each tile width and each kind of A, with every stride a
 * constant or a loop invariant: C2 removes the range checks of accesses affine in the loop
 * index with constant scale, which made them half again as fast as one kernel taking strides as
 * arguments; and a vector cannot be handed to a helper method (it would be boxed).
 *
 * <p>Thread-safety: stateless; callers own the arrays and split work by output tiles.
 */
final class VectorGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Float lanes per vector. */
    static final int L = S.length();
    /** Rows per micro-tile. */
    static final int MR = 4;
    /** Vectors per micro-tile. */
    static final int NV = 4;
    /** Columns per micro-tile (and per packed B tile). */
    static final int NR = NV * L;
    /**
     * K block: the {@code KC x NR} floats of B a block reads (32 KiB with 16 lanes) stay in L1
     * while every row panel of A streams past them.
     */
    static final int KC = 128;

    private VectorGemm() {
    }

    /** Packs a row-major {@code [m, k]} matrix as the A operand (panels of {@link #MR} rows). */
    static float[] packA(float[] a, int m, int k) {
        int panels = (m + MR - 1) / MR;
        float[] p = new float[panels * MR * k];
        for (int i = 0; i < m; i++) {
            for (int kk = 0; kk < k; kk++) {
                p[(i / MR) * k * MR + kk * MR + i % MR] = a[i * k + kk];
            }
        }
        return p;
    }

    /**
     * Packs PyTorch's linear weight {@code W[n, k]} as the B operand {@code B[k, n] = W[n, k]}
     * (tiles of {@link #NR} columns).
     */
    static float[] packBTransposed(float[] w, int n, int k) {
        int tiles = (n + NR - 1) / NR;
        float[] p = new float[tiles * NR * k];
        for (int j = 0; j < n; j++) {
            for (int kk = 0; kk < k; kk++) {
                p[(j / NR) * k * NR + kk * NR + j % NR] = w[j * k + kk];
            }
        }
        return p;
    }

    /**
     * Where A and B are for one GEMM call. Mutable so that a step can point it at the current
     * image or scratch without allocating; one instance per thread part.
     */
    static final class Operands {
        int m;
        int n;
        int k;
        float[] a;
        boolean aPacked;
        /** Where A starts (row 0 of raw A, panel 0 of packed A), and raw A's leading dimension. */
        int aBase;
        int lda;
        float[] b;
        /** Where the packed tile that holds column {@code bColumnOrigin} starts. */
        int bBase;
        int bColumnOrigin;
        float[] c;
        int cBase;
        int ldc;

        int aOffset(int i, int k0) {
            return aPacked ? aBase + (i / MR) * k * MR + k0 * MR + i % MR : aBase + i * lda + k0;
        }

        int bOffset(int k0, int j) {
            return bBase + k0 * NR + (j - bColumnOrigin);
        }
    }

    /**
     * Computes rows {@code [i0, i1)} of the column tile {@code [j0, j0 + width)} (at most
     * {@link #NR} columns, all in one packed B tile) over all of K, storing raw sums into C.
     * The first K block writes C; each later block is computed into {@code scratch} (at least
     * {@link #MR} x {@link #NR} floats, owned by the calling thread) and added to C, so that the
     * micro-kernels never read C: they stay small enough for C1 to compile, which is what lets
     * C2 see them early and intrinsify every vector operation.
     */
    static void tile(Operands o, int i0, int i1, int j0, int width, float[] scratch) {
        int nv = (width + L - 1) / L;
        int last = width - (nv - 1) * L;
        for (int k0 = 0; k0 < o.k; k0 += KC) {
            int kl = Math.min(KC, o.k - k0);
            boolean first = k0 == 0;
            float[] c = first ? o.c : scratch;
            int ldc = first ? o.ldc : NR;
            int bo = o.bOffset(k0, j0);
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                int ao = o.aOffset(i, k0);
                int cRow = o.cBase + i * o.ldc + j0;
                int co = first ? cRow : 0;
                if (o.aPacked) {
                    switch (nv) {
                        case 4 -> packed4x4(o.a, ao, o.b, bo, kl, c, co, ldc, last);
                        case 3 -> packed4x3(o.a, ao, o.b, bo, kl, c, co, ldc, last);
                        case 2 -> packed4x2(o.a, ao, o.b, bo, kl, c, co, ldc, last);
                        default -> packed4x1(o.a, ao, o.b, bo, kl, c, co, ldc, last);
                    }
                } else {
                    switch (nv) {
                        case 4 -> raw4x4(o.a, ao, o.lda, o.b, bo, kl, c, co, ldc, last);
                        case 3 -> raw4x3(o.a, ao, o.lda, o.b, bo, kl, c, co, ldc, last);
                        case 2 -> raw4x2(o.a, ao, o.lda, o.b, bo, kl, c, co, ldc, last);
                        default -> raw4x1(o.a, ao, o.lda, o.b, bo, kl, c, co, ldc, last);
                    }
                }
                if (!first) {
                    addTile(scratch, o.c, cRow, o.ldc, MR, width);
                }
            }
            for (; i < i1; i++) {
                int ao = o.aOffset(i, k0);
                int cRow = o.cBase + i * o.ldc + j0;
                int co = first ? cRow : 0;
                if (nv == NV) {
                    if (o.aPacked) {
                        packed1x4(o.a, ao, o.b, bo, kl, c, co, last);
                    } else {
                        raw1x4(o.a, ao, o.b, bo, kl, c, co, last);
                    }
                } else {
                    for (int v = 0; v < nv; v++) {
                        int rem = v == nv - 1 ? last : L;
                        if (o.aPacked) {
                            packed1x1(o.a, ao, o.b, bo + v * L, kl, c, co + v * L, rem);
                        } else {
                            raw1x1(o.a, ao, o.b, bo + v * L, kl, c, co + v * L, rem);
                        }
                    }
                }
                if (!first) {
                    addTile(scratch, o.c, cRow, o.ldc, 1, width);
                }
            }
        }
    }

    /** {@code c[co + r*ldc + j] += t[r*NR + j]} for {@code rows x width}. */
    private static void addTile(float[] t, float[] c, int co, int ldc, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int to = r * NR;
            int ro = co + r * ldc;
            int j = 0;
            for (; j + L <= width; j += L) {
                FloatVector.fromArray(S, c, ro + j).add(FloatVector.fromArray(S, t, to + j)).intoArray(c, ro + j);
            }
            for (; j < width; j++) {
                c[ro + j] += t[to + j];
            }
        }
    }

    /** 4 rows x 4 vectors, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed4x4(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c03 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c12 = z;
        FloatVector c13 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c22 = z;
        FloatVector c23 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c32 = z;
        FloatVector c33 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[ak + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[ak + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[ak + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c12.intoArray(c, co + ldc + 2 * L);
        c13.intoArray(c, co + ldc + 3 * L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c22.intoArray(c, co + 2 * ldc + 2 * L);
        c23.intoArray(c, co + 2 * ldc + 3 * L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c32.intoArray(c, co + 3 * ldc + 2 * L);
        c33.intoArray(c, co + 3 * ldc + 3 * L, m);
    }

    /** 4 rows x 3 vectors, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed4x3(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c12 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c22 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c32 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ak + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ak + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ak + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c12.intoArray(c, co + ldc + 2 * L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c22.intoArray(c, co + 2 * ldc + 2 * L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c32.intoArray(c, co + 3 * ldc + 2 * L, m);
    }

    /** 4 rows x 2 vectors, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed4x2(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ak + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ak + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ak + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L, m);
    }

    /** 4 rows x 1 vector, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed4x1(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c10 = z;
        FloatVector c20 = z;
        FloatVector c30 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, a[ak + 1]);
            c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, a[ak + 2]);
            c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, a[ak + 3]);
            c30 = x.fma(b0, c30);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co, m);
        c10.intoArray(c, co + ldc, m);
        c20.intoArray(c, co + 2 * ldc, m);
        c30.intoArray(c, co + 3 * ldc, m);
    }

    /** 1 row x 4 vectors, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed1x4(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c03 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L, m);
    }

    /** 1 row x 1 vector, A packed (k stride {@code MR}); the last vector's store is masked to {@code rem} lanes. */
    static void packed1x1(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co, m);
    }

    /** 4 rows x 4 vectors, A raw (rows {@code lda} apart); the last vector's store is masked to {@code rem} lanes. */
    static void raw4x4(float[] a, int ao, int lda, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c03 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c12 = z;
        FloatVector c13 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c22 = z;
        FloatVector c23 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c32 = z;
        FloatVector c33 = z;
        int a1 = lda;
        int a2 = 2 * lda;
        int a3 = 3 * lda;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[ak + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[ak + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[ak + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c12.intoArray(c, co + ldc + 2 * L);
        c13.intoArray(c, co + ldc + 3 * L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c22.intoArray(c, co + 2 * ldc + 2 * L);
        c23.intoArray(c, co + 2 * ldc + 3 * L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c32.intoArray(c, co + 3 * ldc + 2 * L);
        c33.intoArray(c, co + 3 * ldc + 3 * L, m);
    }

    /** 4 rows x 3 vectors, A raw (rows {@code lda} apart); the last vector's store is masked to {@code rem} lanes. */
    static void raw4x3(float[] a, int ao, int lda, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c12 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c22 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c32 = z;
        int a1 = lda;
        int a2 = 2 * lda;
        int a3 = 3 * lda;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ak + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ak + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ak + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c12.intoArray(c, co + ldc + 2 * L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c22.intoArray(c, co + 2 * ldc + 2 * L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c32.intoArray(c, co + 3 * ldc + 2 * L, m);
    }

    /** 4 rows x 2 vectors, A raw (rows {@code lda} apart); the last vector's store is masked to {@code rem} lanes. */
    static void raw4x2(float[] a, int ao, int lda, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        int a1 = lda;
        int a2 = 2 * lda;
        int a3 = 3 * lda;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ak + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ak + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ak + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L, m);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L, m);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L, m);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L, m);
    }

    /** 4 rows x 1 vector, A raw (rows {@code lda} apart); the last vector's store is masked to {@code rem} lanes. */
    static void raw4x1(float[] a, int ao, int lda, float[] b, int bo, int kl, float[] c, int co, int ldc, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c10 = z;
        FloatVector c20 = z;
        FloatVector c30 = z;
        int a1 = lda;
        int a2 = 2 * lda;
        int a3 = 3 * lda;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, a[ak + a1]);
            c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, a[ak + a2]);
            c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, a[ak + a3]);
            c30 = x.fma(b0, c30);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co, m);
        c10.intoArray(c, co + ldc, m);
        c20.intoArray(c, co + 2 * ldc, m);
        c30.intoArray(c, co + 3 * ldc, m);
    }

    /** 1 row x 4 vectors, A raw; the last vector's store is masked to {@code rem} lanes. */
    static void raw1x4(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c02 = z;
        FloatVector c03 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L, m);
    }

    /** 1 row x 1 vector, A raw; the last vector's store is masked to {@code rem} lanes. */
    static void raw1x1(float[] a, int ao, float[] b, int bo, int kl, float[] c, int co, int rem) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int kk = 0; kk < kl; kk++) {
            int bk = bo + kk * NR;
            int ak = ao + kk;
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector x = FloatVector.broadcast(S, a[ak]);
            c00 = x.fma(b0, c00);
        }
        VectorMask<Float> m = S.indexInRange(0, rem);
        c00.intoArray(c, co, m);
    }
}
