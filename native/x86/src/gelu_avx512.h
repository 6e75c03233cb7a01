/*
 * The exact GELU, 0.5 x (1 + erf(x / sqrt 2)), on 16 floats: erf(|x| / sqrt 2) by a degree-5
 * polynomial on each of 16 intervals of [0, 6) (beyond 6 it is 1 in fp32), the interval's six
 * coefficients picked from registers with vpermps. Within 2e-8 of erf; the GELU within 2e-7 of
 * the exact value relative to max(1, |GELU(x)|). Coefficients: tools/gelu_coefficients.py.
 */
#ifndef EFK_GELU_AVX512_H
#define EFK_GELU_AVX512_H

#include <immintrin.h>

#define EFK_GELU_RANGE 6.0f
#define EFK_GELU_INTERVALS 16

/* COEFFICIENTS[k][i]: the coefficient of t^k on interval i, t = |x| - i * RANGE / INTERVALS. */
static const float EFK_GELU_COEFFICIENTS[6][EFK_GELU_INTERVALS] = {
    {8.257626824e-09f, 2.923395521e-01f, 5.467453096e-01f, 7.394109676e-01f, 8.663855905e-01f, 9.392072687e-01f, 9.755510507e-01f, 9.913351029e-01f, 9.973002050e-01f, 9.992618441e-01f, 9.998231660e-01f, 9.999629268e-01f, 9.999932047e-01f, 9.999989119e-01f, 9.999998479e-01f, 9.999999815e-01f},
    {7.978836580e-01f, 7.437080826e-01f, 6.022732375e-01f, 4.237530630e-01f, 2.590359693e-01f, 1.375734277e-01f, 6.347975402e-02f, 2.544841084e-02f, 8.863578196e-03f, 2.682121243e-03f, 7.051253486e-04f, 1.610535602e-04f, 3.195859998e-05f, 5.509545919e-06f, 8.251856682e-07f, 1.073724112e-07f},
    {2.317543969e-05f, -1.393896912e-01f, -2.258091177e-01f, -2.383544551e-01f, -1.942968740e-01f, -1.289977630e-01f, -7.142646763e-02f, -3.340239166e-02f, -1.329241147e-02f, -4.523147620e-03f, -1.320448253e-03f, -3.314861680e-04f, -7.168432237e-05f, -1.337110186e-05f, -2.153458094e-06f, -2.996976851e-07f},
    {-1.332132125e-01f, -1.071144426e-01f, -4.439332062e-02f, 1.867682785e-02f, 5.417950234e-02f, 5.793262652e-02f, 4.311522606e-02f, 2.500190716e-02f, 1.178537515e-02f, 4.611337861e-03f, 1.515824595e-03f, 4.218158253e-04f, 9.988454069e-05f, 2.020140428e-05f, 3.499172140e-06f, 5.201981766e-07f},
    {1.037172844e-03f, 3.615933611e-02f, 4.833148446e-02f, 3.495725150e-02f, 1.111444957e-02f, -6.817641286e-03f, -1.297775614e-02f, -1.093667101e-02f, -6.488349909e-03f, -2.994034809e-03f, -1.118510105e-03f, -3.453525654e-04f, -8.922152349e-05f, -1.944226126e-05f, -3.593503671e-06f, -5.656747133e-07f},
    {1.811123812e-02f, 6.803690054e-03f, -6.352297198e-03f, -1.218709581e-02f, -9.537332325e-03f, -3.528407166e-03f, 8.729858834e-04f, 2.289054612e-03f, 1.868718572e-03f, 1.028438327e-03f, 4.328616674e-04f, 1.461151535e-04f, 4.051218539e-05f, 9.356351416e-06f, 1.816344707e-06f, 2.982790840e-07f},
};

typedef struct {
    __m512 c[6];
} efk_gelu_table;

static inline efk_gelu_table efk_gelu_load(void) {
    efk_gelu_table t;
    for (int k = 0; k < 6; k++) {
        t.c[k] = _mm512_loadu_ps(EFK_GELU_COEFFICIENTS[k]);
    }
    return t;
}

static inline __m512 efk_gelu(__m512 x, const efk_gelu_table *t) {
    const float width = EFK_GELU_RANGE / EFK_GELU_INTERVALS;
    __m512 ax = _mm512_abs_ps(x);
    /* vminps returns its second operand for a NaN: a NaN x still gives NaN below (through ax). */
    __m512 a = _mm512_min_ps(ax, _mm512_set1_ps(EFK_GELU_RANGE - 1e-4f));
    __m512i idx = _mm512_cvttps_epi32(_mm512_mul_ps(a, _mm512_set1_ps(1.0f / width)));
    __m512 u = _mm512_fnmadd_ps(_mm512_cvtepi32_ps(idx), _mm512_set1_ps(width), a);
    __m512 p = _mm512_permutexvar_ps(idx, t->c[5]);
    p = _mm512_fmadd_ps(p, u, _mm512_permutexvar_ps(idx, t->c[4]));
    p = _mm512_fmadd_ps(p, u, _mm512_permutexvar_ps(idx, t->c[3]));
    p = _mm512_fmadd_ps(p, u, _mm512_permutexvar_ps(idx, t->c[2]));
    p = _mm512_fmadd_ps(p, u, _mm512_permutexvar_ps(idx, t->c[1]));
    p = _mm512_fmadd_ps(p, u, _mm512_permutexvar_ps(idx, t->c[0]));
    /* erf is odd, so x erf(x / sqrt 2) = |x| p: GELU = (x + |x| p) / 2, two operations where
     * giving p the sign of x took four. */
    return _mm512_mul_ps(_mm512_fmadd_ps(ax, p, x), _mm512_set1_ps(0.5f));
}

#endif
