#!/usr/bin/env bash
# Inspector benchmarks: JMH (decode views with -prof gc; whole-file pipeline stages) and the
# Throughput main (cold and best run per stage), on a capture file, heap fixed at 256 MiB.
# Results are appended to docs/BENCHMARKS.md.
# Usage: bench/jmh.sh [CAPTURE]   (default /tmp/big.pcap; made by
#        ../shared/bench/make-big-pcap.sh /tmp/big.pcap as root if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
capture=${1:-/tmp/big.pcap}
if [ ! -f "$capture" ]; then
  echo "no capture at $capture: make one with make-big-pcap.sh (root), or pass a file" >&2
  exit 2
fi
java=$(ls -d /usr/lib/jvm/temurin-25-jdk-*/bin/java 2>/dev/null | head -n 1)
java=${java:-java}

./mvnw -q -B -pl inspector -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="inspector/target/test-classes:inspector/target/classes:$(cat inspector/target/test-classpath.txt)"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
{
  echo
  echo "## $(date -u +%Y-%m-%d) — inspector read/decode/analyse"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "$("$java" -version 2>&1 | head -n 1). Capture: $capture ($(stat -c %s "$capture") bytes)."
  echo
  echo '```'
  "$java" -Xmx256m -cp "$cp" io.sockscope.inspector.bench.Throughput "$capture" 5
  echo '```'
  echo
  echo 'Whole process, one cold pass of read+decode+analyse (ColdSummary), three runs:'
  echo
  echo '```'
  for _ in 1 2 3; do
    /usr/bin/time -f "%e s wall, %M KB max RSS" \
      "$java" -Xmx256m -cp "$cp" io.sockscope.inspector.bench.ColdSummary "$capture" 2>&1
  done
  echo '```'
  echo
  echo '```'
  "$java" -Xmx256m -cp "$cp" org.openjdk.jmh.Main 'io.sockscope.inspector.bench.*' \
    -p file="$capture" -prof gc -rf text -rff /dev/null 2>&1 \
    | sed -n '/^Benchmark /,$p' | grep -v -e 'gc.count' -e 'gc.time' -e 'churn' -e 'result is saved'
  echo '```'
} | tee "$out"
cat "$out" >> docs/BENCHMARKS.md
