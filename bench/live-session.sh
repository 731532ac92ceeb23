#!/usr/bin/env bash
# The live inspector's speed (root or CAP_NET_RAW): call → segment on screen for thousands of
# send() calls through a session with capture (LiveLatencyBench, with tiered JIT and with C1
# only), and a 1 GiB sendall() to the discard peer with capture off and on
# (LiveThroughputBench). Appends the results to docs/BENCHMARKS.md.
# Usage: bench/live-session.sh [CALLS] [BYTES] [ROUNDS]   (defaults 3000, 1 GiB, 5)
set -euo pipefail
cd "$(dirname "$0")/.."

java=""
for c in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$c" ] || continue
  v=$("$c" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  if [ -n "$v" ] && [ "$v" -ge 25 ]; then java=$c; break; fi
done
[ -n "$java" ] || { echo "live-session.sh: needs a JDK 25 or newer" >&2; exit 1; }

calls=${1:-3000}
bytes=${2:-1073741824}
rounds=${3:-5}

./mvnw -q -B -pl shell -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
shell_cp="shell/target/test-classes:shell/target/classes:inspector/target/test-classes:inspector/target/classes:engine/target/classes:$(cat shell/target/bench.classpath)"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
{
  echo
  echo "## $(date -u +%Y-%m-%d) — live inspector (\`bench/live-session.sh\`)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "load average at start $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -n 1)."
  echo
  echo "### Call → segment on screen"
  # With the launcher's collector, under both JIT settings: tiered (C2 compiles for the first
  # ~10 s of a session and takes most of a core on 2 cores) and C1 only.
  for jit in tiered -XX:TieredStopAtLevel=1; do
    echo
    echo "JIT: $jit"
    echo
    flags=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC)
    [ "$jit" = tiered ] || flags+=("$jit")
    "$java" "${flags[@]}" -cp "$shell_cp" io.sockscope.shell.live.LiveLatencyBench "$calls"
  done
  echo
  echo "### 1 GiB sendall() to the discard peer"
  echo
  "$java" --enable-native-access=ALL-UNNAMED -Xmx3g -cp "$shell_cp" \
    io.sockscope.inspector.live.LiveThroughputBench "$bytes" "$rounds"
} | tee "$out"
cat "$out" >> docs/BENCHMARKS.md
