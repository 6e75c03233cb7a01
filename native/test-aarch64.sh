#!/usr/bin/env bash
# Cross-builds the ACL shim (native/) for aarch64 and runs its C tests and the Java tests of the
# aarch64 backends under qemu-user, on an x86_64 Debian/Ubuntu host where we are root. See native/README.md ("Cross-building and testing
# here") for the why; in short:
#
#   1. an amd64 Debian trixie root filesystem with arm64 multiarch packages (cross g++,
#      libarm-compute-dev:arm64, qemu-user 10, arm64 and amd64 JDK 25) is made once by mmdebstrap
#      into a cache directory and reused while it is complete and made from the same package list;
#   2. qemu-aarch64 from that rootfs is registered in binfmt_misc (with the F flag, so it also works
#      inside the chroot); if that is impossible, arm64 programs are started through
#      `qemu-aarch64 -L /` explicitly (ctest does that anyway via CMAKE_CROSSCOMPILING_EMULATOR);
#   3. /proc, /sys, /dev and the checkout are mounted into the rootfs (in that order; for the JUnit
#      step also the host's Maven repository and the shared fixtures, read-only) and unmounted
#      again by an EXIT trap, whatever way the script ends (success, failure, Ctrl-C, kill);
#   4. the shim is configured with cmake/aarch64-linux-gnu.cmake and built inside the chroot, and
#      its tests run once per emulated CPU (QEMU_CPU=max, then cortex-a72);
#   5. the Java step on the arm64 JDK: `java -version` per CPU, a java.lang.foreign smoke check of
#      the built shim (native/tests/FfmSmoke.java), then the JUnit suite's aarch64 subset (JUnit tag
#      aarch64-emulated) once per CPU: Maven and javac run natively (amd64) on a copy of the
#      checkout, Surefire forks the arm64 JVM (qemu, C1 only) with the shim bundled as on a board:
#      op tests of acl, dnnl (oneDNN's aarch64 build) and java against the scalar control, tiny_v1
#      and tiny_v2 within the gate on every backend, and one full-size L1 and one V2-S0 forward on
#      acl when ../shared/fixtures has them. The built shim is also copied to
#      native/build-aarch64/ of the checkout, where a host `mvn package` bundles it into the jar.
#
# Usage: bash native/test-aarch64.sh [options]
#   --rebuild-rootfs   throw the cached rootfs away and make a new one
#   --cpus "A B ..."   emulated CPUs to test on (default: "max cortex-a72")
#   --sve-cpus "A ..." further emulated CPUs on which only oneDNN's aarch64 tests run (default:
#                      "max,sve256=on max,sve128=on max,sve-default-vector-length=256
#                      max+no-cache-sysfs"; "" for none; a +no-cache-sysfs suffix hides the CPU's
#                      cache entries from /sys)
#   --no-java          skip the Java step
#   --no-junit         run the Java smoke checks but not the JUnit suite
#   --no-binfmt        do not register qemu in binfmt_misc; start arm64 programs through
#                      qemu-aarch64 -L / (what happens anyway where binfmt_misc is unavailable)
#   -h, --help         this text
# Environment:
#   EFACL_ROOTFS       rootfs cache directory (default /var/tmp/efficientformer-arm64-rootfs)
#   EFACL_MIRROR       Debian mirror (default http://deb.debian.org/debian)
#   EFACL_JOBS         parallel build jobs (default 2)
#   EFACL_INCREMENTAL  1 = keep the previous build directory (default: build from scratch)
#   EFACL_M2_REPO      the host's Maven repository, mounted read-only as Maven's tail repository
#                      so that nothing already downloaded is fetched again (default ~/.m2/repository;
#                      what is missing is downloaded into the rootfs's own /root/.m2, kept between runs)
#   EFACL_FIXTURES     the shared fixtures (default: ../shared/fixtures beside the checkout); the
#                      full-size L1 check is skipped, saying so, when efficientformer_l1 is not there
#   EFACL_JAVA_TESTS   replaces the JUnit run: a command run inside the chroot, in a writable copy of
#                      the checkout, once per CPU (QEMU_CPU set), with $EFACL_JAVA (the arm64 java),
#                      $EFACL_JAVA_HOME (its JDK), $EFACL_LIB_DIR (the built shim), $EFACL_MVN (Maven
#                      with the repositories set up), $BINFMT (1 if binfmt works) and JAVA_HOME = the
#                      native amd64 JDK set
set -Eeuo pipefail

# ------------------------------------------------------------------------------------- settings

ROOTFS=${EFACL_ROOTFS:-/var/tmp/efficientformer-arm64-rootfs}
MIRROR=${EFACL_MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
JOBS=${EFACL_JOBS:-2}
CPUS="max cortex-a72"
# SVE vector lengths besides max's 512 bits (Graviton 3 and Neoverse V1: 256; Graviton 4,
# Neoverse V2 and N2: 128; and 2048), each running only oneDNN's aarch64 tests ($SVE_TESTS);
# see docs/aarch64-emulation.md.
# An entry ending in +no-cache-sysfs runs that CPU without cache entries in its /sys (below).
SVE_CPUS="max,sve256=on max,sve128=on max,sve-default-vector-length=256 max+no-cache-sysfs"
SVE_TESTS='DnnlSelfCheckTest,LastStageOpsTest,BackendGateTest#tinyV1MatchesTimm'
# Where oneDNN 3.13 computes wrongly: SVE vectors of 2048 bits (no board has them; qemu's max CPU
# can), and 512-bit SVE on a machine whose /sys has no CPU cache entries (some VMs and containers).
# There the library must refuse the dnnl backend, and DnnlSelfCheckTest checks that it does.
DNNL_REFUSED_CPUS="max,sve-default-vector-length=256 max+no-cache-sysfs"
# Under qemu-user an emulated CPU sees the host's /sys, and oneDNN's aarch64 kernels size their
# blocking from /sys/devices/system/cpu/cpu0/cache: the host's caches, or none where the host is a
# VM without those entries (which made 512-bit SVE compute wrongly on such a Zen 5 host). So the
# emulated CPUs get a board's entries instead (Arm Neoverse V1, as in AWS Graviton 3), the same on
# every host, and +no-cache-sysfs runs hide them. See docs/aarch64-emulation.md.
CPU0_IN_ROOT=/sys/devices/system/cpu/cpu0
CPU0_WITH_CACHE=/var/lib/efacl/cpu0-neoverse-v1
CPU0_WITHOUT_CACHE=/var/lib/efacl/cpu0-no-cache
NO_CACHE_SUFFIX=+no-cache-sysfs
RUN_JAVA=1
REBUILD=0
USE_BINFMT=1

# Everything the rootfs needs. amd64 is the rootfs's native architecture (cmake, make, the cross
# compiler and an amd64 JDK for Maven later run natively); the :arm64 packages are what the shim
# links against and what the tests run on. Changing this list makes the next run rebuild the rootfs.
PACKAGES=(
  qemu-user                        # qemu-aarch64 10 (static) and its binfmt description
  g++ g++-aarch64-linux-gnu        # g++ is needed by cmake's host checks; the cross compiler
  cmake make pkgconf
  libarm-compute-dev:arm64         # Arm Compute Library 24.11 headers and libarm_compute.so
  openjdk-25-jdk-headless          # amd64 JDK for the build tools (Maven) of the Java step
  openjdk-25-jdk-headless:arm64    # the JDK the Java tests will run on, under qemu
  ca-certificates curl
)

# Where the checkout is mounted inside the rootfs (read-only), and where the build goes (inside the
# rootfs, so the checkout stays clean).
SRC_IN_ROOT=/src
BUILD_IN_ROOT=/build/efacl
STAMP=etc/efacl-rootfs.stamp       # written last: its presence means "complete"
ARM_JAVA_HOME=/usr/lib/jvm/java-25-openjdk-arm64     # the JDK the tests run on (emulated)
AMD64_JAVA_HOME=/usr/lib/jvm/java-25-openjdk-amd64   # native, for build tools (keytool, Maven)
# Maven for the JUnit step, from Maven Central (Debian's maven package would pull in 39 packages and
# another JDK). 3.9 or newer: it has the read-only "tail" local repository used for the host's.
MAVEN_VERSION=3.9.11
MAVEN_SHA512=bcfe4fe305c962ace56ac7b5fc7a08b87d5abd8b7e89027ab251069faebee516b0ded8961445d6d91ec1985dfe30f8153268843c89aa392733d1a3ec956c9978
MAVEN_URL=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.tar.gz
MAVEN_IN_ROOT=/opt/apache-maven-$MAVEN_VERSION
JAVA_SRC_IN_ROOT=/build/java-src   # the checkout copied for Maven (the /src mount is read-only)
M2_TAIL_IN_ROOT=/m2-host           # the host's Maven repository, read-only
FIXTURES_IN_ROOT=/fixtures         # the shared fixtures, read-only
JUNIT_TAG=aarch64-emulated

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
M2_REPO=${EFACL_M2_REPO:-$HOME/.m2/repository}
FIXTURES=${EFACL_FIXTURES:-$REPO/../shared/fixtures}
RUN_JUNIT=1

while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild-rootfs) REBUILD=1 ;;
    --cpus) CPUS=$2; shift ;;
    --sve-cpus) SVE_CPUS=$2; shift ;;
    --no-java) RUN_JAVA=0 ;;
    --no-junit) RUN_JUNIT=0 ;;
    --no-binfmt) USE_BINFMT=0 ;;
    -h|--help) sed -n '2,/^set -Eeuo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# ------------------------------------------------------------------------------------- helpers

T0=$SECONDS
log() { printf '\n== [%4ds] %s\n' "$((SECONDS - T0))" "$*"; }
die() { echo "error: $*" >&2; exit 1; }

# Mount points below a directory, deepest first (from /proc/mounts; octal escapes are decoded).
mounts_under() {
  local dir=$1
  awk -v d="$dir" '{ p = $2; gsub(/\\040/, " ", p); if (p == d || index(p, d "/") == 1) print p }' \
    /proc/mounts | sort -r
}

# Deletes a rootfs directory, but only when nothing is mounted inside it: removing a rootfs whose
# /dev or /sys is still bind-mounted would delete the host's device nodes and sysfs entries.
# --one-file-system is a second guard against crossing into any mount.
safe_remove_rootfs() {
  local dir=$1
  [ -e "$dir" ] || return 0
  if [ -n "$(mounts_under "$dir")" ]; then
    die "refusing to delete $dir: something is still mounted inside it:
$(mounts_under "$dir")"
  fi
  rm -rf --one-file-system -- "$dir"
}

# ------------------------------------------------------------------------------------- cleanup

MOUNTED=()     # mount points we created, in mount order

# The traps write to fd 9, the script's own stderr: a signal may arrive while a step's output is
# redirected into a log (e.g. `in_root ... > log`), and the trap then runs with that redirection.
exec 9>&2

unmount_all() {
  local i mp
  # Reverse order: the checkout, then /dev, /sys (recursive, they were rbind-mounted), proc last.
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    mp=${MOUNTED[i]}
    if mountpoint -q "$mp"; then
      umount -R "$mp" 2>/dev/null || {
        # A process may still hold it for a moment after Ctrl-C; lazy unmount detaches it at
        # once (safe: these are slave mounts, nothing propagates back to the host).
        echo "warning: $mp busy, detaching it lazily" >&9
        umount -R -l "$mp" || true
      }
    fi
  done
  MOUNTED=()
  local left
  left=$(mounts_under "$ROOTFS")
  if [ -n "$left" ]; then
    echo "warning: still mounted under $ROOTFS:" >&9
    echo "$left" >&9
    return 1
  fi
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM HUP
  stop_child
  if [ ${#MOUNTED[@]} -gt 0 ]; then
    unmount_all || rc=1
    echo "unmounted everything under $ROOTFS" >&9
  fi
  exit "$rc"
}
# Commands inside the chroot run as their own process group (see in_root); on a signal that whole
# group is stopped first, so that nothing keeps the mounts busy, and then the script exits.
CHILD=
stop_child() {
  [ -n "$CHILD" ] || return 0
  kill -TERM -- "-$CHILD" 2>/dev/null || true
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 -- "-$CHILD" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$CHILD" 2>/dev/null || true
  wait "$CHILD" 2>/dev/null || true
  CHILD=
}
on_signal() {
  echo "interrupted (signal $(($1 - 128))): stopping and cleaning up" >&9
  stop_child
  exit "$1"
}
trap on_exit EXIT
# Say which command failed when set -e stops the script.
trap 'echo "error: line $LINENO: \"$BASH_COMMAND\" failed (status $?)" >&9' ERR
# Turn signals into a normal exit so that the EXIT trap runs (and with the usual status).
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# ------------------------------------------------------------------------------------- steps

check_host() {
  [ "$(id -u)" -eq 0 ] || die "run as root (mmdebstrap, chroot, mount and binfmt_misc need it)"
  [ "$(uname -m)" = x86_64 ] || echo "note: host is $(uname -m), this script was written for x86_64" >&2
  command -v apt-get >/dev/null || die "needs a Debian/Ubuntu host (apt-get)"
}

# The rootfs stamp records what the rootfs was made from; a different package list or suite
# means the cached rootfs is not the one this script would make.
stamp_text() {
  printf 'suite=%s\nmirror=%s\npackages=%s\n' "$SUITE" "$MIRROR" "${PACKAGES[*]}"
}

rootfs_is_complete() {
  [ -f "$ROOTFS/$STAMP" ] && [ "$(cat "$ROOTFS/$STAMP")" = "$(stamp_text)" ] &&
    [ -x "$ROOTFS/usr/bin/aarch64-linux-gnu-g++" ] &&
    [ -x "$ROOTFS/usr/bin/qemu-aarch64" ] &&
    [ -f "$ROOTFS/usr/include/aarch64-linux-gnu/arm_compute/runtime/NEON/NEFunctions.h" -o \
      -f "$ROOTFS/usr/include/arm_compute/runtime/NEON/NEFunctions.h" ] &&
    [ -x "$ROOTFS$ARM_JAVA_HOME/bin/java" ] &&
    [ -x "$ROOTFS$AMD64_JAVA_HOME/bin/java" ]
}

ensure_mmdebstrap() {
  command -v mmdebstrap >/dev/null && return 0
  log "installing mmdebstrap on the host"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
}

make_rootfs() {
  if [ "$REBUILD" -eq 0 ] && rootfs_is_complete; then
    log "reusing rootfs $ROOTFS ($(du -sh --one-file-system "$ROOTFS" | cut -f1))"
    return 0
  fi
  ensure_mmdebstrap
  local partial="$ROOTFS.partial"
  log "making rootfs $ROOTFS (Debian $SUITE, amd64 + arm64)"
  safe_remove_rootfs "$partial"
  safe_remove_rootfs "$ROOTFS"
  mkdir -p "$(dirname "$ROOTFS")"
  # --variant=apt: essential packages + apt, then our list. No arm64 maintainer script runs, so no
  # emulation is needed here. mmdebstrap mounts what its hooks need itself and cleans up after.
  # Docs and translations are left out to save disk (man pages stay: the JDK's postinst needs
  # /usr/share/man/man1 for its alternatives).
  mmdebstrap --variant=apt --architectures=amd64,arm64 \
    --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --aptopt='Acquire::Retries "3"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$SUITE" "$partial" "$MIRROR"
  stamp_text > "$partial/$STAMP"
  mv -T "$partial" "$ROOTFS"
  log "rootfs ready ($(du -sh --one-file-system "$ROOTFS" | cut -f1))"
}

# Registers the rootfs's qemu-aarch64 (qemu 10) for aarch64 ELF files. Sets BINFMT=1 on success.
# The F flag makes the kernel open the interpreter now, so it is found from inside the chroot too
# and keeps working even if the rootfs is later deleted. The entry stays registered after the
# script ends (like any binfmt setup); it is replaced when it points at another interpreter.
BINFMT=0
register_binfmt() {
  local dir=/proc/sys/fs/binfmt_misc conf f line interp
  if [ "$USE_BINFMT" -eq 0 ]; then
    echo "binfmt: not used (--no-binfmt); arm64 programs are started via qemu-aarch64 -L /"
    return 0
  fi
  if [ ! -e "$dir/register" ]; then
    mount -t binfmt_misc binfmt_misc "$dir" 2>/dev/null || true
  fi
  if [ ! -w "$dir/register" ]; then
    echo "note: binfmt_misc is not available; arm64 programs will be started via qemu-aarch64 -L /" >&2
    return 0
  fi
  conf=
  for f in "$ROOTFS"/usr/share/qemu/binfmt.d/qemu-aarch64.conf "$ROOTFS"/usr/lib/binfmt.d/qemu-aarch64.conf; do
    if [ -f "$f" ]; then conf=$f; break; fi
  done
  [ -n "$conf" ] || die "no qemu-aarch64.conf binfmt description in the rootfs"
  # Format: :name:type:offset:magic:mask:interpreter:flags -- rewrite the interpreter to the
  # rootfs's copy and make sure the flags include F.
  line=$(grep -v '^#' "$conf" | grep -m1 ':qemu-aarch64:')
  interp=$(echo "$line" | cut -d: -f7)
  interp="$ROOTFS$interp"
  [ -x "$interp" ] || die "binfmt interpreter $interp missing"
  line=$(echo "$line" | awk -F: -v OFS=: -v i="$interp" '{ $7 = i; if ($8 !~ /F/) $8 = $8 "F"; print }')
  if [ -e "$dir/qemu-aarch64" ]; then
    if grep -qx enabled "$dir/qemu-aarch64" && grep -qx "interpreter $interp" "$dir/qemu-aarch64" &&
       grep -q '^flags: .*F' "$dir/qemu-aarch64"; then
      BINFMT=1
      echo "binfmt: qemu-aarch64 already registered ($interp)"
      return 0
    fi
    echo "binfmt: replacing the existing qemu-aarch64 entry ($(sed -n 's/^interpreter //p' "$dir/qemu-aarch64"))"
    echo -1 > "$dir/qemu-aarch64"
  fi
  if echo "$line" > "$dir/register" 2>/dev/null; then
    BINFMT=1
    echo "binfmt: registered $interp"
  else
    echo "note: could not register qemu-aarch64 in binfmt_misc; using qemu-aarch64 -L / instead" >&2
  fi
}

# Mount order matters: proc first (update-ca-certificates, the JVM and ACL's CPU detection read
# it), then /sys and /dev recursively, each made a slave at once so that nothing unmounted inside
# the rootfs later propagates back to the host, then the checkout (read-only).
mount_all() {
  log "mounting proc, sys, dev and the checkout into the rootfs"
  [ -z "$(mounts_under "$ROOTFS")" ] || die "something is already mounted under $ROOTFS (another run?):
$(mounts_under "$ROOTFS")"
  mount -t proc proc "$ROOTFS/proc";                          MOUNTED+=("$ROOTFS/proc")
  mount --rbind /sys "$ROOTFS/sys";                           MOUNTED+=("$ROOTFS/sys")
  mount --make-rslave "$ROOTFS/sys"
  mount --rbind /dev "$ROOTFS/dev";                           MOUNTED+=("$ROOTFS/dev")
  mount --make-rslave "$ROOTFS/dev"
  make_cpu0_dir "$ROOTFS$CPU0_WITH_CACHE" 1
  make_cpu0_dir "$ROOTFS$CPU0_WITHOUT_CACHE" 0
  mount --bind "$ROOTFS$CPU0_WITH_CACHE" "$ROOTFS$CPU0_IN_ROOT"; MOUNTED+=("$ROOTFS$CPU0_IN_ROOT")
  mkdir -p "$ROOTFS$SRC_IN_ROOT"
  bind_ro "$REPO" "$SRC_IN_ROOT"
  # For the JUnit step: the host's Maven repository and the shared fixtures, when they exist.
  if [ "$RUN_JAVA" -eq 1 ] && [ "$RUN_JUNIT" -eq 1 ]; then
    [ ! -d "$M2_REPO" ] || bind_ro "$M2_REPO" "$M2_TAIL_IN_ROOT"
    [ ! -d "$FIXTURES" ] || bind_ro "$(cd "$FIXTURES" && pwd)" "$FIXTURES_IN_ROOT"
  fi
}

# Writes the cpu0 directory the emulated CPUs see into $1: the host's topology files and, with $2 = 1,
# the cache entries of an Arm Neoverse V1 core (64K L1d and L1i, 1M L2, 32M L3; 64-byte lines).
make_cpu0_dir() {
  local dir=$1 with_cache=$2 f
  rm -rf --one-file-system "$dir"
  mkdir -p "$dir/topology"
  for f in /sys/devices/system/cpu/cpu0/topology/*; do
    [ ! -f "$f" ] || cat "$f" > "$dir/topology/${f##*/}" 2>/dev/null || true
  done
  [ "$with_cache" -eq 1 ] || return 0
  cache_index "$dir" 0 1 Data 64K 4 256
  cache_index "$dir" 1 1 Instruction 64K 4 256
  cache_index "$dir" 2 2 Unified 1024K 8 2048
  cache_index "$dir" 3 3 Unified 32768K 16 32768
}

# One cache entry: directory, index, level, type, size, ways, sets.
cache_index() {
  local d="$1/cache/index$2"
  mkdir -p "$d"
  echo "$3" > "$d/level"
  echo "$4" > "$d/type"
  echo "$5" > "$d/size"
  echo 64 > "$d/coherency_line_size"
  echo "$6" > "$d/ways_of_associativity"
  echo "$7" > "$d/number_of_sets"
  echo 0 > "$d/shared_cpu_list"
  echo 1 > "$d/shared_cpu_map"
  echo "$2" > "$d/id"
}

# A read-only, private bind mount of a host directory at a path inside the rootfs.
bind_ro() {
  local from=$1 to="$ROOTFS$2"
  mkdir -p "$to"
  mount --bind "$from" "$to";                                 MOUNTED+=("$to")
  mount --make-private "$to"
  mount -o remount,bind,ro "$to"
}

# Runs a command inside the rootfs with a clean environment, as a process group of its own that
# the script waits for. Waiting with `wait` (not as a foreground job) lets a Ctrl-C or kill reach
# the script's trap at once even when the command itself survives SIGINT (ctest does), and the
# trap then stops the whole group (make, compilers, qemu'd tests, the JVM) before unmounting.
in_root() {
  local rc=0
  setsid chroot "$ROOTFS" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@" 9>&- &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=
  return "$rc"
}

# The network may go through a TLS-intercepting proxy whose CA is only trusted on the host (in
# /usr/local/share/ca-certificates). Copy those certificates in and refresh the rootfs's trust
# stores (including Java's, via ca-certificates-java) when they differ. Needs /proc mounted.
sync_ca_certificates() {
  local src=/usr/local/share/ca-certificates dst="$ROOTFS/usr/local/share/ca-certificates"
  [ -d "$src" ] || return 0
  if diff -rq "$src" "$dst" >/dev/null 2>&1; then
    return 0
  fi
  log "copying the host's extra CA certificates into the rootfs"
  rm -rf "$dst"
  cp -a "$src" "$dst"
  in_root update-ca-certificates --fresh > "$ROOTFS/tmp/efacl-update-ca.log" 2>&1 ||
    { cat "$ROOTFS/tmp/efacl-update-ca.log" >&2; die "update-ca-certificates failed in the rootfs"; }
  # Java reads its own trust store (made by ca-certificates-java's hook): check that every
  # certificate made it there, or Maven would later fail with "PKIX path building failed".
  local aliases f name
  aliases=$(in_root "$AMD64_JAVA_HOME/bin/keytool" -list -cacerts -storepass changeit 2>/dev/null) ||
    die "cannot list Java's trust store in the rootfs"
  for f in "$dst"/*.crt; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .crt)
    grep -qi "debian:$name.pem" <<< "$aliases" || die "$name is missing from Java's trust store in the rootfs"
  done
}

build_shim() {
  log "cross-building the shim in the chroot ($BUILD_IN_ROOT)"
  # A clean build every time (it takes seconds), unless EFACL_INCREMENTAL=1.
  [ "${EFACL_INCREMENTAL:-0}" = 1 ] || rm -rf --one-file-system "$ROOTFS$BUILD_IN_ROOT"
  in_root cmake -S "$SRC_IN_ROOT/native" -B "$BUILD_IN_ROOT" \
    -DCMAKE_TOOLCHAIN_FILE="$SRC_IN_ROOT/cmake/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=Release >/dev/null
  in_root cmake --build "$BUILD_IN_ROOT" -j "$JOBS"
  # For packaging on the host: java/pom.xml bundles native/build-aarch64/libefficientformer_acl.so
  # when it exists (ignored by git).
  install -D -m 0755 "$ROOTFS$BUILD_IN_ROOT/libefficientformer_acl.so" "$REPO/native/build-aarch64/libefficientformer_acl.so"
}

RESULTS=()
run_c_tests() {
  local cpu rc
  for cpu in $CPUS; do
    log "C tests under qemu, QEMU_CPU=$cpu"
    rc=0
    in_root env QEMU_CPU="$cpu" ctest --test-dir "$BUILD_IN_ROOT" --output-on-failure -V \
      > "$ROOTFS/tmp/efacl-ctest-$cpu.log" 2>&1 || rc=$?
    # Show each test program's own output (ctest -V prefixes it with "N: ") and ctest's summary.
    sed -n 's/^[0-9]*: //p; /tests passed/p; /Total Test time/p' "$ROOTFS/tmp/efacl-ctest-$cpu.log"
    if [ "$rc" -eq 0 ]; then
      RESULTS+=("C tests, QEMU_CPU=$cpu: passed")
    else
      RESULTS+=("C tests, QEMU_CPU=$cpu: FAILED (log: $ROOTFS/tmp/efacl-ctest-$cpu.log)")
    fi
  done
}

# Maven inside the rootfs (once; kept with the rootfs): the binary tarball from Maven Central,
# checked against the SHA-512 pinned above.
ensure_maven() {
  [ -x "$ROOTFS$MAVEN_IN_ROOT/bin/mvn" ] && return 0
  log "installing Maven $MAVEN_VERSION into the rootfs"
  local tgz="$ROOTFS/tmp/apache-maven-$MAVEN_VERSION-bin.tar.gz"
  in_root curl -fsSL --retry 3 -o "/tmp/apache-maven-$MAVEN_VERSION-bin.tar.gz" "$MAVEN_URL"
  echo "$MAVEN_SHA512  $tgz" | sha512sum -c --quiet - || die "Maven download does not match its pinned SHA-512"
  rm -rf "$ROOTFS$MAVEN_IN_ROOT.partial"
  mkdir -p "$ROOTFS$MAVEN_IN_ROOT.partial"
  tar -xzf "$tgz" -C "$ROOTFS$MAVEN_IN_ROOT.partial" --strip-components=1
  mv -T "$ROOTFS$MAVEN_IN_ROOT.partial" "$ROOTFS$MAVEN_IN_ROOT"
  rm -f "$tgz"
}

# The Java step on the arm64 JDK: `java -version` under each CPU, the FFM smoke check, then the
# JUnit subset (or $EFACL_JAVA_TESTS) once per CPU.
run_java_tests() {
  local cpu java="$ARM_JAVA_HOME/bin/java" rc
  local launcher=()
  # Without binfmt the arm64 java must be started through qemu explicitly (and processes it
  # starts itself are then not emulated).
  [ "$BINFMT" -eq 1 ] || launcher=(qemu-aarch64 -L /)
  for cpu in $CPUS; do
    log "Java smoke check: arm64 java -version, QEMU_CPU=$cpu"
    rc=0
    in_root env QEMU_CPU="$cpu" "${launcher[@]}" "$java" -XX:TieredStopAtLevel=1 -version || rc=$?
    if [ "$rc" -eq 0 ]; then
      RESULTS+=("arm64 java -version, QEMU_CPU=$cpu: ok")
    else
      RESULTS+=("arm64 java -version, QEMU_CPU=$cpu: FAILED")
    fi
  done
  # The shim from Java: FfmSmoke.java, compiled by the native amd64 javac, loads the arm64 .so
  # through java.lang.foreign in the emulated arm64 JVM and runs one operator.
  log "Java FFM smoke check: the shim from the arm64 JVM"
  rc=0
  in_root "$AMD64_JAVA_HOME/bin/javac" -d "$BUILD_IN_ROOT/java" "$SRC_IN_ROOT/native/tests/FfmSmoke.java" || rc=$?
  [ "$rc" -ne 0 ] || in_root env QEMU_CPU="${CPUS%% *}" "${launcher[@]}" "$java" -XX:TieredStopAtLevel=1 \
    --enable-native-access=ALL-UNNAMED -cp "$BUILD_IN_ROOT/java" FfmSmoke "$BUILD_IN_ROOT/libefficientformer_acl.so" || rc=$?
  if [ "$rc" -eq 0 ]; then RESULTS+=("arm64 java + FFM -> shim: ok"); else RESULTS+=("arm64 java + FFM -> shim: FAILED"); fi

  [ "$RUN_JUNIT" -eq 1 ] || return 0
  run_junit
}

# The JUnit suite's aarch64 subset in the arm64 JVM. Maven needs a writable tree, so the checkout is
# copied (without .git and build output) into the rootfs; Maven and javac run natively, Surefire
# forks the arm64 java (<jvm>${test.jvm}</jvm> in the POM) under qemu with C1 only, and the freshly
# built shim is bundled as on a board (efficientformer.acl.shim.dir), so the acl backend loads it
# the way a user's jar does. Every test that runs the acl backend skips, naming the reason, where
# acl cannot run, so nothing here passes by accident: the summary counts what was skipped.
run_junit() {
  local cpu rc log mvn_cmd fixtures_opt="" wrapper=""
  ensure_maven
  log "copying the checkout to $JAVA_SRC_IN_ROOT for Maven"
  rm -rf --one-file-system "$ROOTFS$JAVA_SRC_IN_ROOT"
  mkdir -p "$ROOTFS$JAVA_SRC_IN_ROOT"
  tar -C "$REPO" --exclude=./.git --exclude='*/target' --exclude=./native/build-aarch64 -cf - . |
    tar -C "$ROOTFS$JAVA_SRC_IN_ROOT" -xf -
  if [ -f "$FIXTURES/efficientformer_l1/model.safetensors" ]; then
    fixtures_opt="-Defficientformer.shared.fixtures=$FIXTURES_IN_ROOT"
  else
    echo "note: $FIXTURES/efficientformer_l1 not found: the full-size L1 forward on acl will be skipped" >&2
    fixtures_opt="-Defficientformer.shared.fixtures=/nonexistent"
  fi
  # Without binfmt, Surefire starts the arm64 java through a two-line wrapper around qemu (named
  # bin/java: Surefire insists on that), and so do the tests that start JVMs of their own.
  if [ "$BINFMT" -ne 1 ]; then
    wrapper=/build/qemu-java/bin/java
    mkdir -p "$ROOTFS${wrapper%/*}"
    printf '#!/bin/sh\nexec qemu-aarch64 -L / %s "$@"\n' "$ARM_JAVA_HOME/bin/java" > "$ROOTFS$wrapper"
    chmod +x "$ROOTFS$wrapper"
  fi
  local test_jvm=${wrapper:-$ARM_JAVA_HOME/bin/java}
  local child_opt=""
  [ -z "$wrapper" ] || child_opt=" -Defficientformer.test.child.java=$wrapper"   # for ChildJvm
  local tail_opt=""
  [ ! -d "$M2_REPO" ] || tail_opt="-Dmaven.repo.local.tail=$M2_TAIL_IN_ROOT"
  mvn_cmd="$MAVEN_IN_ROOT/bin/mvn -B -ntp $tail_opt"
  local selection what
  for cpu in $CPUS $SVE_CPUS; do
    local qemu_cpu=${cpu%"$NO_CACHE_SUFFIX"}
    if [ "$qemu_cpu" != "$cpu" ]; then
      mount --bind "$ROOTFS$CPU0_WITHOUT_CACHE" "$ROOTFS$CPU0_IN_ROOT"; MOUNTED+=("$ROOTFS$CPU0_IN_ROOT")
    fi
    # The extra SVE vector lengths run only the tests of oneDNN's aarch64 kernels.
    if [[ " $CPUS " == *" $cpu "* ]]; then
      selection="-Dtest.groups=$JUNIT_TAG" what=$JUNIT_TAG
    else
      selection="-Dtest.groups=$JUNIT_TAG -Dtest=$SVE_TESTS -Dsurefire.failIfNoSpecifiedTests=false" what="oneDNN: $SVE_TESTS"
    fi
    log "JUnit ($what) in the arm64 JVM, QEMU_CPU=$cpu"
    log=/tmp/efacl-junit-$cpu.log
    rc=0
    # The summary reads Surefire's reports: none may be left from the run under another CPU.
    rm -rf "$ROOTFS$JAVA_SRC_IN_ROOT"/*/target/surefire-reports
    if [ -n "${EFACL_JAVA_TESTS:-}" ]; then
      in_root env QEMU_CPU="$qemu_cpu" JAVA_HOME="$AMD64_JAVA_HOME" EFACL_JAVA="$test_jvm" EFACL_JAVA_HOME="$ARM_JAVA_HOME" \
        EFACL_LIB_DIR="$BUILD_IN_ROOT" EFACL_MVN="$mvn_cmd" BINFMT="$BINFMT" \
        bash -c "cd $JAVA_SRC_IN_ROOT && $EFACL_JAVA_TESTS" > "$ROOTFS$log" 2>&1 || rc=$?
    else
      local refused=0
      [[ " $DNNL_REFUSED_CPUS " != *" $cpu "* ]] || refused=1
      in_root env QEMU_CPU="$qemu_cpu" JAVA_HOME="$AMD64_JAVA_HOME" EFFICIENTFORMER_TEST_EXPECT_DNNL_REFUSED=$refused \
        bash -c "cd $JAVA_SRC_IN_ROOT && $mvn_cmd test -pl library -am \
        -Dtest.jvm=$test_jvm $selection \
        '-Dsurefire.argLine=--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1$child_opt' \
        -Defficientformer.acl.shim.dir=$BUILD_IN_ROOT $fixtures_opt" > "$ROOTFS$log" 2>&1 || rc=$?
    fi
    if [ "$qemu_cpu" != "$cpu" ]; then
      umount "$ROOTFS$CPU0_IN_ROOT"
      unset 'MOUNTED[${#MOUNTED[@]}-1]'
    fi
    junit_summary "$ROOTFS$JAVA_SRC_IN_ROOT" "$ROOTFS$log"
    if [ "$rc" -eq 0 ]; then
      RESULTS+=("JUnit ($what), QEMU_CPU=$cpu: passed ($JUNIT_COUNTS)")
    else
      grep -E '\[ERROR\]|FAIL' "$ROOTFS$log" | head -n 40 >&2 || true
      RESULTS+=("JUnit ($what), QEMU_CPU=$cpu: FAILED ($JUNIT_COUNTS; log: $ROOTFS$log)")
    fi
  done
}

# Prints one line per test class (tests, failures, errors, skipped, time) from Surefire's reports
# and the skip reasons, and sets JUNIT_COUNTS to the totals.
JUNIT_COUNTS=
junit_summary() {
  local tree=$1 log=$2 f out
  local reports=()
  for f in "$tree"/*/target/surefire-reports/TEST-*.xml; do
    [ -e "$f" ] && reports+=("$f")
  done
  if [ ${#reports[@]} -eq 0 ]; then
    JUNIT_COUNTS="no test reports"
    tail -n 30 "$log"
    return 0
  fi
  out=$(awk '
    function attr(a) { return match($0, " " a "=\"[^\"]*\"") ? substr($0, RSTART + length(a) + 3, RLENGTH - length(a) - 4) : "" }
    /<testsuite / {
      name = attr("name"); sub(/.*\./, "", name)
      printf "    %-28s %3d tests, %d failed, %d errors, %d skipped, %7s s\n", name, attr("tests"), attr("failures"), attr("errors"), attr("skipped"), attr("time")
      T += attr("tests"); F += attr("failures"); E += attr("errors"); S += attr("skipped")
    }
    END { printf "%d tests, %d failed, %d errors, %d skipped\n", T, F, E, S }' "${reports[@]}")
  printf '%s\n' "$out" | sed '$d'
  JUNIT_COUNTS=$(printf '%s\n' "$out" | tail -n 1)
  # Why anything was skipped (e.g. a missing fixture), one line per distinct reason.
  grep -h '<skipped' "${reports[@]}" | sed -n 's/.*Assumption failed: //p; s/.*<skipped message="\([^"]*\)".*/\1/p' |
    sort | uniq -c | sed 's/^ *\([0-9]*\) /    skipped (\1): /' || true
}

# ------------------------------------------------------------------------------------- main

check_host
make_rootfs
T_ROOTFS=$((SECONDS - T0))
register_binfmt
mount_all
sync_ca_certificates
T1=$SECONDS
build_shim
T_BUILD=$((SECONDS - T1))
T1=$SECONDS
run_c_tests
T_TESTS=$((SECONDS - T1))
T1=$SECONDS
[ "$RUN_JAVA" -eq 0 ] || run_java_tests
T_JAVA=$((SECONDS - T1))

log "summary"
failed=0
for r in "${RESULTS[@]}"; do
  echo "  $r"
  case "$r" in *FAILED*) failed=1 ;; esac
done
echo "  time: rootfs ${T_ROOTFS}s, build ${T_BUILD}s, C tests ${T_TESTS}s, java ${T_JAVA}s, total $((SECONDS - T0))s"
echo "  rootfs: $ROOTFS ($(du -sh --one-file-system "$ROOTFS" | cut -f1))"
exit "$failed"
