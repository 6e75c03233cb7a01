#!/usr/bin/env python3
"""Prints the coefficient table of src/gelu_avx512.h: erf(a / sqrt 2) on 16 intervals of [0, 6),
a least-squares degree-5 polynomial in t = a - (left end of the interval) on each, and the largest
error of the fit. Needs numpy."""
import math

import numpy as np

INTERVALS, RANGE, DEGREE = 16, 6.0, 5
width = RANGE / INTERVALS
rows, worst = [], 0.0
for i in range(INTERVALS):
    a = np.linspace(i * width, (i + 1) * width, 4001)
    t = a - i * width
    erf = np.array([math.erf(x / math.sqrt(2)) for x in a])
    c = np.polyfit(t, erf, DEGREE)
    worst = max(worst, float(np.abs(np.polyval(c, t) - erf).max()))
    rows.append(c[::-1])
for k in range(DEGREE + 1):
    print("    {%s}," % ", ".join("%.9ef" % r[k] for r in rows))
print("/* largest error of the fit: %.2g */" % worst)
