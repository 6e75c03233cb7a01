#!/usr/bin/env bash
# Builds the x86_64 kernels and runs their C tests (tests/test_*.c) on this machine.
# Usage: native/x86/test.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cc=${CC:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$here/build.sh" "$work"
[ -f "$work/libefficientformer_kernels.so" ] || { echo "error: no x86_64 kernels built (see above)" >&2; exit 1; }
for test in "$here"/tests/test_*.c; do
  name=$(basename "$test" .c)
  "$cc" -std=c11 -O2 -Wall -Wextra -Werror -I "$here/include" -o "$work/$name" "$test" \
    -L "$work" -lefficientformer_kernels -Wl,-rpath,"$work" -lm -fopenmp
  # One thread gives the per-core speed lines; two check that the split changes nothing.
  for threads in 1 2; do
    echo "== $name, OMP_NUM_THREADS=$threads"
    OMP_NUM_THREADS=$threads "$work/$name"
  done
done
