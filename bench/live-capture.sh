#!/usr/bin/env bash
# Live capture benchmark on lo (needs root or CAP_NET_RAW): latency from send() returning to the
# frame reaching the listener, and bulk TCP throughput with capture off and on at several snaplens
# and buffer sizes. Prints Markdown; the results in docs/BENCHMARKS.md ("Live capture") come from it.
# Usage: bench/live-capture.sh [BYTES per bulk run, default 1 GiB]
set -euo pipefail
cd "$(dirname "$0")/.."

java=""
for c in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$c" ] || continue
  v=$("$c" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  if [ -n "$v" ] && [ "$v" -ge 25 ]; then java=$c; break; fi
done
[ -n "$java" ] || { echo "live-capture.sh: needs a JDK 25 or newer" >&2; exit 1; }

./mvnw -q -B -pl inspector -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="inspector/target/test-classes:inspector/target/classes:engine/target/classes:$(cat inspector/target/bench.classpath)"
exec "$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -cp "$cp" \
  io.sockscope.inspector.capture.LiveCaptureBench "$@"
