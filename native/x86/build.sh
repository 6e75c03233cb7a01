#!/usr/bin/env bash
# Builds libefficientformer_kernels.so (the x86_64 kernels) into the folder given, for the library
# jar (library/pom.xml runs this on x86_64 builds and bundles the result). Needs gcc (or $CC) that
# targets x86_64; with none, it says so and builds nothing, and the oneDNN backend then runs
# oneDNN's own kernels for these ops.
#
# Usage: native/x86/build.sh OUTPUT_DIR
set -euo pipefail

out=${1:?usage: $0 OUTPUT_DIR}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cc=${CC:-gcc}

if ! command -v "$cc" >/dev/null 2>&1; then
  echo "warning: $cc not found: the jar gets no x86_64 kernels (install gcc to build them)" >&2
  exit 0
fi
target=$("$cc" -dumpmachine)
if [[ $target != x86_64-* ]]; then
  echo "note: $cc targets $target, not x86_64: no x86_64 kernels built" >&2
  exit 0
fi

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-std=c11 -O3 -fPIC -fvisibility=hidden -Wall -Wextra -Werror -I "$here/include")
# Only the kernels are compiled for AVX-512; the API around them checks the CPU first. They split
# their work with OpenMP: libgomp.so.1, the one oneDNN's jar brings (KernelsLibrary loads oneDNN
# first, so that copy is the one the dynamic linker finds by soname).
"$cc" "${flags[@]}" -c -o "$work/library.o" "$here/src/library.c"
"$cc" "${flags[@]}" -mavx512f -fopenmp -c -o "$work/dwconv3x3_avx512.o" "$here/src/dwconv3x3_avx512.c"
"$cc" "${flags[@]}" -mavx512f -fopenmp -c -o "$work/upsample2x_avx512.o" "$here/src/upsample2x_avx512.c"
"$cc" "${flags[@]}" -mavx512f -fopenmp -c -o "$work/pool_mixer3x3_avx512.o" "$here/src/pool_mixer3x3_avx512.c"
"$cc" "${flags[@]}" -mavx512f -fopenmp -c -o "$work/conv1x1_avx512.o" "$here/src/conv1x1_avx512.c"
"$cc" "${flags[@]}" -mavx512f -fopenmp -c -o "$work/stem3x3s2_avx512.o" "$here/src/stem3x3s2_avx512.c"
"$cc" -shared -fopenmp -o "$out/libefficientformer_kernels.so" "$work/library.o" "$work/dwconv3x3_avx512.o" "$work/upsample2x_avx512.o" \
  "$work/pool_mixer3x3_avx512.o" "$work/conv1x1_avx512.o" "$work/stem3x3s2_avx512.o" \
  -Wl,-soname,libefficientformer_kernels.so \
  -Wl,--version-script="$here/src/efficientformer_kernels.map" \
  -Wl,--no-undefined
echo "built $out/libefficientformer_kernels.so"
