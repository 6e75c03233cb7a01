# Shared by .ci/run and ./efficientformer (sourced, not run): finds a JDK 25 or newer.
#   find_jdk   prints the JDK's home and returns 0, or returns 1 when there is none:
#              $JAVA_HOME first, then the usual Temurin 25 paths, then every /usr/lib/jvm/*.

java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64)
  for d in /usr/lib/jvm/*; do candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    local v
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}
