#!/usr/bin/env bash
# The consumer test (issue 12): installs the library's artifacts, freshly built from this checkout,
# into a temporary local Maven repository, builds examples/consumer (whose pom names only
# dev.efficientformer:efficientformer) against them, and runs it on the class path and on the
# module path: the full-size L1 from ../shared/fixtures (the tiny model of the test resources when
# that is absent, saying so) must give the reference logits, on oneDNN.
#
# Dependencies already in the user's repository (~/.m2/repository, or $EFFICIENTFORMER_M2) are
# taken from there through a file:// repository instead of being downloaded again; anything else
# comes from Maven Central. Our own artifacts never come from there: the temporary repository is
# new, and the file:// repository is consulted only after they were installed into it.
# Usage: examples/consumer/run.sh   (JAVA_HOME: a JDK 25; run from anywhere)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
USER_REPO=${EFFICIENTFORMER_M2:-$HOME/.m2/repository}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
cat > "$work/settings.xml" <<XML
<settings>
  <profiles>
    <profile>
      <id>user-repository</id>
      <repositories>
        <repository><id>user-repository</id><url>file://$USER_REPO</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-repository</id><url>file://$USER_REPO</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
</settings>
XML
mvn_tmp() { mvn -B -ntp -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }

echo "consumer: installing the parent, bindings and library into $repo"
(cd "$ROOT" && mvn_tmp install -pl bindings,library -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
for a in efficientformer-parent efficientformer-bindings efficientformer; do
  [ -d "$repo/dev/efficientformer/$a/0.1.0-SNAPSHOT" ] || { echo "consumer: $a was not installed" >&2; exit 1; }
done

echo "consumer: building examples/consumer"
cp -r "$HERE/pom.xml" "$HERE/src" "$work/"
(cd "$work" && mvn_tmp package && mvn_tmp dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt")
IFS=: read -r -a jars < "$work/classpath.txt" || true   # no newline at its end
modules=("$work/target/classes") natives=()
for j in "${jars[@]}"; do
  case "${j##*/}" in
    dnnl-*.jar) natives+=("$j") ;;
    *) modules+=("$j") ;;
  esac
done
[ ${#natives[@]} -gt 0 ] || { echo "consumer: oneDNN's jar did not come with the dependency (class path: ${jars[*]})" >&2; exit 1; }
echo "consumer: the dependency brought ${#jars[@]} jars: ${jars[*]##*/}"
for j in "${jars[@]}"; do
  case "${j##*/}" in
    efficientformer-*|dnnl-*) ;;
    *) echo "consumer: the library brought ${j##*/}: it must depend on nothing but its bindings and oneDNN" >&2; exit 1 ;;
  esac
done

case_dir=$ROOT/../shared/fixtures/efficientformer_l1
if [ ! -f "$case_dir/model.safetensors" ]; then
  echo "consumer: note: $case_dir is absent; using the tiny model of the test resources instead" >&2
  case_dir=$ROOT/library/src/test/resources/fixtures/tiny/tiny_v1
fi
cp_all=$(IFS=:; echo "$work/target/classes:${jars[*]}")
echo "consumer: class path"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$cp_all" example.Consumer "$case_dir" dnnl
echo "consumer: module path"
"$JAVA" --enable-native-access=dev.efficientformer,dev.efficientformer.bindings \
  -p "$(IFS=:; echo "${modules[*]}")" -cp "$(IFS=:; echo "${natives[*]}")" \
  -m example.consumer/example.Consumer "$case_dir" dnnl
echo "consumer: passed"
