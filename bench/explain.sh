#!/usr/bin/env bash
# Whole-process speed of `sockscope explain` on a large capture, side by side with tcpdump and
# tshark reading the same file, and the peak memory of explain with a heap fixed at 256 MiB on
# that capture and on a larger one. Prints Markdown and appends it to docs/BENCHMARKS.md.
#
# Usage: bench/explain.sh [CAPTURE [LARGER]]
#   CAPTURE  default /tmp/big.pcap   (../shared/bench/make-big-pcap.sh /tmp/big.pcap, as root)
#   LARGER   default /tmp/big3.pcap  (make-big-pcap.sh /tmp/big3.pcap 1500000); skipped if missing
# Needs hyperfine (apt-get install -y hyperfine), tcpdump and tshark. Runs go through the
# ./sockscope launcher, JVM start and the start-up cache included, as a user would run them.
# The machine may be shared: the table gives the median with the spread, and the load average
# before and after; the ratios to the targets use medians. RUNS (default 10) sets the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
capture=${1:-/tmp/big.pcap}
larger=${2:-/tmp/big3.pcap}
runs=${RUNS:-10}
for tool in hyperfine tcpdump tshark python3; do
  command -v "$tool" >/dev/null || { echo "explain.sh: needs $tool" >&2; exit 2; }
done
[ -f "$capture" ] || { echo "explain.sh: no capture at $capture (make one with make-big-pcap.sh)" >&2; exit 2; }

./sockscope --version >/dev/null   # builds when needed and prepares the start-up cache
frames() { ./sockscope explain --summary "$1" | tail -n 1 | sed -n 's/.*: \([0-9]*\) frames,.*/\1/p'; }
n=$(frames "$capture")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

hyperfine --style basic --warmup 1 --runs "$runs" --output=null --export-json "$out/fast.json" \
  -n 'sockscope explain --json' "./sockscope explain --json $capture" \
  -n 'sockscope explain --summary' "./sockscope explain --summary $capture" \
  -n 'sockscope explain --summary --json' "./sockscope explain --summary --json $capture" \
  -n 'sockscope explain (text)' "./sockscope explain --color=never $capture" \
  -n 'tcpdump -nn -r' "tcpdump -nn -r $capture" >&2
hyperfine --style basic --runs "${TSHARK_RUNS:-2}" --output=null --export-json "$out/tshark.json" \
  -n 'tshark -T fields (8 fields)' \
  "tshark -r $capture -T fields -e frame.number -e tcp.stream -e tcp.seq -e tcp.ack -e tcp.len -e tcp.window_size -e tcp.flags -e tcp.analysis.flags" >&2

memory() { # mode file -> "peak RSS, exit status" with the heap fixed at 256 MiB
  local status=0
  SOCKSCOPE_JAVA_OPTS=-Xmx256m /usr/bin/time -o "$out/rss" -f '%M' \
    ./sockscope explain $1 "$2" >/dev/null 2>"$out/err" || status=$?
  printf '%s MB peak RSS, exit %s' "$(( $(tail -n 1 "$out/rss") / 1024 ))" "$status"
}

java25=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  "$j" -version 2>&1 | head -n 1 | grep -q '"2[5-9]' && { echo "$j"; break; }; done)

{
  echo
  echo "## $(date -u +%Y-%m-%d) — sockscope explain, whole process (\`bench/explain.sh\`)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "$("${java25:-java}" -version 2>&1 | head -n 1). Capture: $capture ($(stat -c %s "$capture") bytes,"
  echo "$n frames). hyperfine, $runs runs after a warm-up (tshark: ${TSHARK_RUNS:-2} runs); output"
  echo "to /dev/null."
  echo
  python3 - "$out/fast.json" "$out/tshark.json" "$n" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"] + json.load(open(sys.argv[2]))["results"]
frames = int(sys.argv[3])
by = {r["command"]: r for r in results}
print("| command | median | mean ± σ | min | max | frames/s (median) |")
print("|---|---|---|---|---|---|")
for r in results:
    print(f"| `{r['command']}` | {r['median']:.3f} s | {r['mean']:.3f} s ± {r['stddev'] or 0:.3f} | "
          f"{r['min']:.3f} s | {r['max']:.3f} s | {frames / r['median'] / 1e6:.2f} M |")
json = by["sockscope explain --json"]
tshark = by["tshark -T fields (8 fields)"]
tcpdump = by["tcpdump -nn -r"]
print()
print(f"- `explain --json` vs tshark: **{tshark['median'] / json['median']:.1f}×** faster on medians "
      f"(best runs {tshark['min'] / json['min']:.1f}×; target ≥ 20×); vs `tcpdump -nn -r`: "
      f"**{tcpdump['median'] / json['median']:.2f}×** (best runs {tcpdump['min'] / json['min']:.2f}×; "
      f"target ≥ 2×).")
summary = by["sockscope explain --summary"]
print(f"- `explain --summary`: **{frames / summary['median'] / 1e6:.2f} M frames/s** whole process "
      f"on the median, best run {frames / summary['min'] / 1e6:.2f} M/s (target ≥ 10 M/s).")
PY
  echo
  echo "Heap fixed at 256 MiB (\`SOCKSCOPE_JAVA_OPTS=-Xmx256m\`):"
  echo
  echo "| capture | --json | --summary | text |"
  echo "|---|---|---|---|"
  for file in "$capture" "$larger"; do
    [ -f "$file" ] || continue
    echo "| $file ($(frames "$file") frames) | $(memory --json "$file") | $(memory --summary "$file") | $(memory --color=never "$file") |"
  done
} | tee "$out/section.md"
cat "$out/section.md" >> docs/BENCHMARKS.md
