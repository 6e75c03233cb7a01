#!/usr/bin/env bash
# Regenerates the oneDNN bindings in bindings/src/main/java/dev/efficientformer/bindings/dnnl
# with real jextract, from the headers shipped in org.bytedeco:dnnl:3.13-1.5.14:linux-x86_64.
#
# Usage:  bindings/regenerate.sh [--dry-run]
#   JEXTRACT=/path/to/jextract   jextract to run (default: jextract on PATH)
#   --dry-run                    fetch and unpack the headers, print the jextract command,
#                                touch nothing under src/
#
# jextract is not on any package registry; get an early-access build from the OpenJDK
# project (the jextract page at jdk.java.net, or build github.com/openjdk/jextract).
# The checked-in sources are this script's output, committed unchanged; see bindings/README.md.
# The bindings of the project's own libraries have their own script: bindings/regenerate-native.sh.
set -euo pipefail

DNNL_GROUP=org.bytedeco
DNNL_ARTIFACT=dnnl
DNNL_VERSION=3.13-1.5.14
DNNL_CLASSIFIER=linux-x86_64
PACKAGE_DIR=dev/efficientformer/bindings/dnnl

dry_run=false
case "${1:-}" in
  --dry-run) dry_run=true ;;
  "") ;;
  *) echo "usage: $0 [--dry-run]" >&2; exit 2 ;;
esac

bindings_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$bindings_dir")"
argfile="bindings/jextract/dnnl.argfile"
output="bindings/src/main/java"

jextract="${JEXTRACT:-jextract}"
if ! $dry_run && ! command -v "$jextract" >/dev/null 2>&1; then
  cat >&2 <<EOF
error: jextract not found (looked for '$jextract'; set JEXTRACT=/path/to/bin/jextract).
jextract is not published on Maven Central or any other package registry. Download an
early-access build from the OpenJDK project (the jextract page on jdk.java.net) or build it
from github.com/openjdk/jextract, then run this script again.
Use '$0 --dry-run' to check the other steps without it.
EOF
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Fetch the jar through Maven's own resolver (whatever repositories settings.xml names).
#    The download plugin fetches the jar alone (none of its dependencies is needed for the
#    headers). Run outside the reactor so that no project POM is involved.
echo "fetching $DNNL_GROUP:$DNNL_ARTIFACT:$DNNL_VERSION:$DNNL_CLASSIFIER"
(cd "$work" && mvn -B -q com.googlecode.maven-download-plugin:download-maven-plugin:1.13.0:artifact \
  -DgroupId="$DNNL_GROUP" -DartifactId="$DNNL_ARTIFACT" -Dversion="$DNNL_VERSION" \
  -Dclassifier="$DNNL_CLASSIFIER" -DoutputDirectory="$work/jar")
jar="$(find "$work/jar" -name "$DNNL_ARTIFACT-$DNNL_VERSION-$DNNL_CLASSIFIER.jar" -print -quit)"
if [[ -z "$jar" ]]; then
  echo "error: the download plugin produced no $DNNL_ARTIFACT-$DNNL_VERSION-$DNNL_CLASSIFIER.jar" >&2
  exit 1
fi

# 2. Unpack only the headers.
unzip -q "$jar" "org/bytedeco/dnnl/$DNNL_CLASSIFIER/include/*" -d "$work/x"
include="$work/x/org/bytedeco/dnnl/$DNNL_CLASSIFIER/include"
header="$include/oneapi/dnnl/dnnl.h"
if [[ ! -f "$header" ]]; then
  echo "error: $header is not in $jar" >&2
  exit 1
fi
echo "headers unpacked to $include"

cd "$repo_root"
cmd=("$jextract" "@$argfile" -I "$include" --output "$output" "$header")
if $dry_run; then
  echo "dry run: would remove $output/$PACKAGE_DIR/*.java and run:"
  printf '  %q' "${cmd[@]}"
  echo
  exit 0
fi

# 3. Replace the old sources of the package with jextract's output (kept aside until
#    jextract has succeeded, so a failed run leaves the tree as it was).
mkdir -p "$work/previous"
cp -p "$output/$PACKAGE_DIR"/*.java "$work/previous/"
rm -f "$output/$PACKAGE_DIR"/*.java
echo "running: ${cmd[*]}"
if ! "${cmd[@]}"; then
  rm -f "$output/$PACKAGE_DIR"/*.java
  cp -p "$work/previous"/*.java "$output/$PACKAGE_DIR/"
  echo "error: jextract failed (exit status above); the previous sources were put back" >&2
  exit 1
fi
echo "regenerated $output/$PACKAGE_DIR; review with: git diff --stat -- $output/$PACKAGE_DIR"
