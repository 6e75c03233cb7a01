#!/usr/bin/env bash
# Regenerates the bindings of one of the project's own native libraries with real jextract, from
# its header (the sibling of regenerate.sh, which does oneDNN):
#   acl      the Arm Compute Library shim, native/include/efficientformer_acl.h
#            -> bindings/src/main/java/dev/efficientformer/bindings/acl
#   kernels  the x86_64 kernels, native/x86/include/efficientformer_kernels.h
#            -> bindings/src/main/java/dev/efficientformer/bindings/kernels
#
# Usage:  bindings/regenerate-native.sh [--dry-run] acl|kernels
#   JEXTRACT=/path/to/jextract   jextract to run (default: jextract on PATH)
#   --dry-run                    print the jextract command, touch nothing under src/
#
# jextract is not on any package registry; get an early-access build from the OpenJDK project
# (the jextract page at jdk.java.net, or build github.com/openjdk/jextract). The checked-in
# sources are this script's output, committed unchanged; see bindings/README.md. The headers are
# plain C (only <stddef.h> and <stdint.h>), so the host's headers do: no aarch64 sysroot is needed,
# and size_t / int64_t map to C_LONG on every 64-bit Linux.
set -euo pipefail

dry_run=false
if [ "${1:-}" = --dry-run ]; then
  dry_run=true
  shift
fi
case "${1:-}" in
  acl) PACKAGE_DIR=dev/efficientformer/bindings/acl include=native/include argfile=bindings/jextract/efficientformer_acl.argfile
       header=native/include/efficientformer_acl.h ;;
  kernels) PACKAGE_DIR=dev/efficientformer/bindings/kernels include=native/x86/include
       argfile=bindings/jextract/efficientformer_kernels.argfile header=native/x86/include/efficientformer_kernels.h ;;
  *) echo "usage: $0 [--dry-run] acl|kernels" >&2; exit 2 ;;
esac

bindings_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bindings_dir")"
output="bindings/src/main/java"

jextract="${JEXTRACT:-jextract}"
if ! $dry_run && ! command -v "$jextract" >/dev/null 2>&1; then
  cat >&2 <<EOT
error: jextract not found (looked for '$jextract'; set JEXTRACT=/path/to/bin/jextract).
jextract is not published on Maven Central or any other package registry. Download an
early-access build from the OpenJDK project (the jextract page on jdk.java.net) or build it
from github.com/openjdk/jextract, then run this script again.
Use '$0 --dry-run' to see the command without it.
EOT
  exit 1
fi

cd "$repo_root"
[[ -f "$header" ]] || { echo "error: $header not found" >&2; exit 1; }
cmd=("$jextract" "@$argfile" -I "$include" --output "$output" "$header")
if $dry_run; then
  echo "dry run: would remove $output/$PACKAGE_DIR/*.java and run:"
  printf '  %q' "${cmd[@]}"
  echo
  exit 0
fi

# Replace the old sources with jextract's output, keeping them aside until jextract has succeeded
# so that a failed run leaves the tree as it was.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$output/$PACKAGE_DIR"
cp -p "$output/$PACKAGE_DIR"/*.java "$work/" 2>/dev/null || true
rm -f "$output/$PACKAGE_DIR"/*.java
echo "running: ${cmd[*]}"
if ! "${cmd[@]}"; then
  rm -f "$output/$PACKAGE_DIR"/*.java
  cp -p "$work"/*.java "$output/$PACKAGE_DIR/" 2>/dev/null || true
  echo "error: jextract failed (exit status above); the previous sources were put back" >&2
  exit 1
fi
echo "regenerated $output/$PACKAGE_DIR; review with: git diff --stat -- $output/$PACKAGE_DIR"
