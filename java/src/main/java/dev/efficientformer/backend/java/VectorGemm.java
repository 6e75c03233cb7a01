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
 * <p>Either operand may be <em>packed</em> (weights, reordered once at compile time) or
 * <em>raw</em> (activations, read in place):
 * <ul>
 *   <li>packed A: panels of {@code MR} rows, k-major, rows interleaved:
 *       {@code Ap[(i / MR) * K * MR + k * MR + i % MR]} (zero rows pad the last panel);</li>
 *   <li>raw A: row-major with leading dimension {@code lda};</li>
 *   <li>packed B: tiles of {@code NR} columns, k-major: {@code Bp[(j / NR) * K * NR + k * NR + j % NR]}
 *       (zero columns pad the last tile);</li>
 *   <li>raw B: row-major with leading dimension {@code ldb}, columns counted from an origin
 *       (the im2col scratch of one column tile starts at that tile's first column).</li>
 * </ul>
 * The micro-kernels broadcast one A element per row and load contiguous B vectors, so the
 * vectorised dimension is N: the output columns. Only the last vector of a tile is masked, and
 * only when N is not a multiple of the vector length; masks are built once.
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
    /** K block: {@code KC x NR} floats of B (48 KiB at 16 lanes... 64 KiB at 512 bits) sit in L1/L2. */
    static final int KC = 192;

    /** {@code MASKS[r]}: the first {@code r} lanes set, {@code r} in {@code 0..L}. */
    @SuppressWarnings("unchecked")
    private static final VectorMask<Float>[] MASKS = new VectorMask[L + 1];

    static {
        for (int r = 0; r <= L; r++) {
            MASKS[r] = S.indexInRange(0, r);
        }
    }

    private VectorGemm() {
    }

    /** The mask of the first {@code r} lanes. */
    static VectorMask<Float> mask(int r) {
        return MASKS[r];
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
     * Where A and B are and how they are laid out for one GEMM call. Mutable so that a step can
     * point it at the current image or scratch without allocating; one instance per thread part.
     */
    static final class Operands {
        int m;
        int n;
        int k;
        float[] a;
        boolean aPacked;
        int aBase;
        int lda;
        float[] b;
        boolean bPacked;
        int bBase;
        int ldb;
        /** The first column that {@code bBase} corresponds to (raw B only). */
        int bColumnOrigin;
        float[] c;
        int cBase;
        int ldc;

        int aOffset(int i, int k0) {
            return aPacked ? (i / MR) * k * MR + k0 * MR + i % MR : aBase + i * lda + k0;
        }

        int aRowStride() {
            return aPacked ? 1 : lda;
        }

        int aKStride() {
            return aPacked ? MR : 1;
        }

        int bOffset(int k0, int j) {
            return bPacked ? (j / NR) * k * NR + k0 * NR + j % NR : bBase + k0 * ldb + (j - bColumnOrigin);
        }

        int bKStride() {
            return bPacked ? NR : ldb;
        }
    }

    /**
     * Computes rows {@code [i0, i1)} of the column tile starting at {@code j0} (a multiple of
     * {@link #NR}, at most {@code NR} columns wide) over all of K, storing raw sums into C.
     * The first K block writes C; each later block is computed into {@code scratch} (at least
     * {@link #MR} x {@link #NR} floats, owned by the calling thread) and added to C, so that the
     * micro-kernels never read C: they stay small enough for C1 to compile, which is what lets
     * C2 see their profiles and intrinsify every vector operation.
     */
    static void tile(Operands o, int i0, int i1, int j0, float[] scratch) {
        int width = Math.min(NR, o.n - j0);
        int nv = (width + L - 1) / L;
        int last = width - (nv - 1) * L;
        int ars = o.aRowStride();
        int aks = o.aKStride();
        int bks = o.bKStride();
        for (int k0 = 0; k0 < o.k; k0 += KC) {
            int kl = Math.min(KC, o.k - k0);
            boolean first = k0 == 0;
            float[] c = first ? o.c : scratch;
            int ldc = first ? o.ldc : NR;
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                int ao = o.aOffset(i, k0);
                int cRow = o.cBase + i * o.ldc + j0;
                int co = first ? cRow : 0;
                if (nv == NV) {
                    kernel4x4(o.a, ao, ars, aks, o.b, o.bOffset(k0, j0), bks, kl, c, co, ldc, last);
                } else {
                    for (int v = 0; v < nv; v++) {
                        kernel4x1(o.a, ao, ars, aks, o.b, o.bOffset(k0, j0 + v * L), bks, kl, c, co + v * L, ldc,
                                v == nv - 1 ? last : L);
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
                    kernel1x4(o.a, ao, aks, o.b, o.bOffset(k0, j0), bks, kl, c, co, last);
                } else {
                    for (int v = 0; v < nv; v++) {
                        kernel1x1(o.a, ao, aks, o.b, o.bOffset(k0, j0 + v * L), bks, kl, c, co + v * L, v == nv - 1 ? last : L);
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

    /** 4 rows x 4 vectors; the last vector's loads and stores are masked by {@code m}. Written out in full:
     * a vector passed to a method that is not inlined is boxed, so there are no helpers here. */
    static void kernel4x4(float[] a, int ao, int ars, int aks, float[] b, int bo, int bks, int kl, float[] c, int co, int ldc,
                          int rem) {
        VectorMask<Float> m = S.indexInRange(0, rem);
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
        int a1 = ars;
        int a2 = 2 * ars;
        int a3 = 3 * ars;
        for (int kk = 0; kk < kl; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L, m);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[ao + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[ao + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[ao + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            ao += aks;
            bo += bks;
        }
        int r1 = co + ldc;
        int r2 = co + 2 * ldc;
        int r3 = co + 3 * ldc;
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L, m);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c12.intoArray(c, r1 + 2 * L);
        c13.intoArray(c, r1 + 3 * L, m);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c22.intoArray(c, r2 + 2 * L);
        c23.intoArray(c, r2 + 3 * L, m);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c32.intoArray(c, r3 + 2 * L);
        c33.intoArray(c, r3 + 3 * L, m);
    }


    /** 4 rows x 1 vector, masked by {@code m}: the column remainder of a tile. */
    static void kernel4x1(float[] a, int ao, int ars, int aks, float[] b, int bo, int bks, int kl, float[] c, int co, int ldc,
                          int rem) {
        VectorMask<Float> m = S.indexInRange(0, rem);
        FloatVector z = FloatVector.zero(S);
        int r1 = co + ldc;
        int r2 = co + 2 * ldc;
        int r3 = co + 3 * ldc;
        FloatVector c0 = z;
        FloatVector c1 = z;
        FloatVector c2 = z;
        FloatVector c3 = z;
        int a1 = ars;
        int a2 = 2 * ars;
        int a3 = 3 * ars;
        for (int kk = 0; kk < kl; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo, m);
            c0 = FloatVector.broadcast(S, a[ao]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ao + a1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ao + a2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ao + a3]).fma(b0, c3);
            ao += aks;
            bo += bks;
        }
        c0.intoArray(c, co, m);
        c1.intoArray(c, r1, m);
        c2.intoArray(c, r2, m);
        c3.intoArray(c, r3, m);
    }

    /** 1 row x 4 vectors: the row remainder. */
    static void kernel1x4(float[] a, int ao, int aks, float[] b, int bo, int bks, int kl, float[] c, int co, int rem) {
        VectorMask<Float> m = S.indexInRange(0, rem);
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z;
        FloatVector c1 = z;
        FloatVector c2 = z;
        FloatVector c3 = z;
        for (int kk = 0; kk < kl; kk++) {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c0 = x.fma(FloatVector.fromArray(S, b, bo), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, bo + L), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, bo + 2 * L), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, bo + 3 * L, m), c3);
            ao += aks;
            bo += bks;
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + L);
        c2.intoArray(c, co + 2 * L);
        c3.intoArray(c, co + 3 * L, m);
    }

    /** 1 row x 1 vector, masked. */
    static void kernel1x1(float[] a, int ao, int aks, float[] b, int bo, int bks, int kl, float[] c, int co, int rem) {
        VectorMask<Float> m = S.indexInRange(0, rem);
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z;
        for (int kk = 0; kk < kl; kk++) {
            c0 = FloatVector.broadcast(S, a[ao]).fma(FloatVector.fromArray(S, b, bo, m), c0);
            ao += aks;
            bo += bks;
        }
        c0.intoArray(c, co, m);
    }
}
