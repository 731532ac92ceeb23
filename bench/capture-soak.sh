#!/usr/bin/env bash
# Soak of live capture: many short connections on lo for MINUTES while
# `sockscope capture --summary --json` explains them with the heap fixed at 64 MiB. Every ten
# seconds (the table keeps one sample a minute) it records the connections made so far, the
# capture's resident memory (VmRSS), its live heap (after a full collection asked for with jcmd)
# and its CPU time; at the end, the counts of the records it wrote and its capture record.
# Prints Markdown and appends it to docs/BENCHMARKS.md. Needs root (or CAP_NET_RAW), python3 and
# a JDK 25 (jcmd, jstat).
#
# Usage: bench/capture-soak.sh [MINUTES (default 10)] [CONNECTIONS PER SECOND (default 300)]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
rate=${2:-300}
heap=${HEAP:--Xmx64m}
seconds=$((minutes * 60))

./sockscope --version >/dev/null   # builds when needed and prepares the start-up cache
jdk=""
for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$c/bin/jstat" ] && "$c/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then jdk=$c; break; fi
done
[ -n "$jdk" ] || { echo "capture-soak.sh: needs a JDK 25 with jstat" >&2; exit 2; }

out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT
mkfifo "$out/go"
python3 bench/soak-traffic.py "$seconds" "$rate" < "$out/go" > "$out/traffic" &
traffic=$!
exec 3> "$out/go"
until [ -s "$out/traffic" ]; do sleep 0.1; done
port=$(head -n 1 "$out/traffic")

SOCKSCOPE_JAVA_OPTS="$heap" ./sockscope capture -i lo -f "tcp port $port" --summary --json \
  > >(awk '/"type":"flow"/ { flows++ } /"type":"explain"/ { explains++ }
           /"type":"capture"/ { last = $0 }
           END { print flows + 0, explains + 0; print last }' > "$out/records") 2> "$out/stderr" &
until grep -q 'listening on' "$out/stderr" 2>/dev/null; do sleep 0.1; done
pid=$(pgrep -f "io.sockscope.dist.Main capture -i lo -f tcp port $port" | head -n 1)
echo go >&3

sample() { # elapsed -> one table row
  local rss live cpu made
  rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  "$jdk/bin/jcmd" "$pid" GC.run >/dev/null
  live=$("$jdk/bin/jstat" -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i }
    NR == 2 { for (i = 1; i <= NF; i++) if (h[i] ~ /^(S0U|S1U|EU|OU)$/) sum += $i; printf "%.1f", sum / 1024 }')
  cpu=$(ps -o times= -p "$pid" | tr -d ' ')
  made=$(tail -n 1 "$out/traffic" | awk 'NF == 2 { print $1 }')
  printf '| %s | %s | %s | %s | %s |' "$1" "${made:-0}" "$rss" "$live" "$cpu"
}

rows=""
samples=0
start=$(date +%s)
while kill -0 "$traffic" 2>/dev/null; do
  sleep 10
  row=$(sample "$(( $(date +%s) - start )) s")
  samples=$((samples + 1))
  if [ $((samples % 6)) = 1 ] || ! kill -0 "$traffic" 2>/dev/null; then rows+="$row"$'\n'; fi
  echo "$row" >&2
done
sleep 12   # the last connections end, are summarised (1 s) and forgotten (10 s)
row=$(sample "$(( $(date +%s) - start )) s, traffic over")
rows+="$row"$'\n'
echo "$row" >&2
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
sleep 0.5
made=$(tail -n 1 "$out/traffic" | awk '{ print $1 }')
read -r flows explains < "$out/records"
capture=$(sed -n 2p "$out/records")

report=$(cat <<MD

## $(date -u +%Y-%m-%d) — live capture soak (\`bench/capture-soak.sh $minutes $rate\`)

Machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg).
\`sockscope capture -i lo -f 'tcp port P' --summary --json\` with \`SOCKSCOPE_JAVA_OPTS=$heap\`
while \`bench/soak-traffic.py\` made short connections (32-byte request, 64-byte reply, server
closes first) at $rate a second for $minutes minutes. RSS is the whole process (JVM, libpcap's
8 MiB ring, code cache, the start-up cache mapped in); "live heap" is what the heap holds right
after a full collection (\`jcmd GC.run\`, then jstat); CPU time is the capture's, in seconds.

| time | connections made | RSS (MB) | live heap (MB) | CPU time (s) |
|---|---|---|---|---|
${rows}
- Connections made: $made; flow records written: $flows; explain records: $explains.
- Capture record: \`$capture\`
MD
)
printf '%s\n' "$report"
printf '%s\n' "$report" >> docs/BENCHMARKS.md
