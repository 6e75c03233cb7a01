/*
 * What the kernels' C tests share: the failure count, a reproducible uniform generator, status
 * checks, element offsets in the two map layouts, and a best-of-rounds timer for the speed lines.
 */
#ifndef EFK_TEST_SUPPORT_H
#define EFK_TEST_SUPPORT_H

#define _ISOC11_SOURCE
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "efficientformer_kernels.h"

static int failures = 0;

static inline float uniform(unsigned *state, float lo, float hi) {
    *state = *state * 1664525u + 1013904223u;
    return lo + (hi - lo) * (float)(*state >> 8) / (float)(1u << 24);
}

static inline void expect_status(const char *what, int got, int want) {
    if (got != want) {
        printf("FAIL %s: status %d, expected %d\n", what, got, want);
        failures++;
    }
}

/* Element (b, c, y, x) of a map in nChw16c (block 16) or NHWC (block C). */
static inline size_t at(long b, long c, long y, long x, long C, long H, long W, long block) {
    if (block == 16) {
        return (size_t)((((b * (C / 16) + c / 16) * H + y) * W + x) * 16 + c % 16);
    }
    return (size_t)(((b * H + y) * W + x) * C + c);
}

/* n floats, 64-byte aligned as the library's activation buffers are (a vector split across two
 * cache lines costs a third of the speed). */
static inline float *aligned_floats(size_t n) {
    return aligned_alloc(64, (n * sizeof(float) + 63) / 64 * 64);
}

static inline double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Seconds per call of run(arg): the best of 15 rounds of 20 calls. */
static inline double best_seconds(void (*run)(void *), void *arg) {
    double best = 1e9;
    for (int round = 0; round < 15; round++) {
        double t0 = seconds();
        for (int i = 0; i < 20; i++) run(arg);
        double t = (seconds() - t0) / 20;
        if (t < best) best = t;
    }
    return best;
}

static inline int finish(void) {
    printf(failures ? "%d FAILED\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}

#endif
