#!/usr/bin/env bash
# Benchmark (issue 11, item 8): GET /api/v1/status with 200 configured services behind an 800 ms upstream.
#   Target: p99 on loopback ≤ 20 ms whatever the upstreams' latency: /status reads the health board.
#   Side by side, in the same run: ?refresh=true, which asks every service now (the live fan-out that every
#   /status made before the board): its median is the upstream's 800 ms or more.
# Runs Hearth from target/ (bin/hearth builds it when needed) on loopback; writes the "Status from the board"
# section of docs/benchmarks.md. Usage: bench/status-board.sh [seconds of wrk, default 15]
# HEARTH_LAUNCHER: another build's bin/hearth (an unpacked distribution) instead of this checkout's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-15}"
services=200
delay_ms=800
work="$(mktemp -d /tmp/hearth-bench-board.XXXXXX)"
key="hth_bench_admin_key_status_board_0123456789"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
for c in wrk curl python3; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

. "$root/bin/lib/java.sh"
require_jdk
upstream_port="$(free_port)"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx96m "$root/bench/SlowUpstream.java" "$upstream_port" "$delay_ms" > "$work/upstream.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do grep -q ready "$work/upstream.log" 2>/dev/null && break; sleep 0.1; done

{
  echo "services:"
  for i in $(seq 1 "$services"); do echo "  - { name: svc$i, url: \"http://127.0.0.1:$upstream_port/health/$i\", timeout: 3s }"; done
} > "$work/hearth.yml"

port="$(free_port)"
HEARTH_CONFIG="$work/hearth.yml" HEARTH_PORT="$port" HEARTH_DATA_DIR="$work/data" HEARTH_ADMIN_API_KEY="$key" HEARTH_SERVER_HOST=127.0.0.1 \
  HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 "${HEARTH_LAUNCHER:-$root/bin/hearth}" > "$work/hearth.log" 2>&1 & hearth_pid=$!
pids+=("$hearth_pid")
for _ in $(seq 1 600); do curl -fs -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$port/api/v1/status" && break; sleep 0.1; done
# Every service polled once (each poll takes the upstream's 800 ms), so the board is full.
for _ in $(seq 1 300); do
  known=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["unknown"])')
  [[ "$known" == 0 ]] && break; sleep 0.2
done

url="http://127.0.0.1:$port/api/v1/status"
wrk -t1 -c1 -d5s -H "X-API-Key: $key" "$url" > /dev/null   # warm-up
# One client at a time (latency, not throughput), three rounds; the medians of the rounds are reported.
ms() { python3 -c "
v='$1'
print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)"; }
med() { python3 -c 'import sys; v=sorted(float(x) for x in sys.argv[1:]); print("%.2f" % v[len(v)//2])' "$@"; }
rounds() { # url → "p50 p99 rps non2xx" medians over 3 rounds, in ms (wrk's whole output kept in $work/wrk-*.txt)
  local u="$1" p50s=() p99s=() rpss=() non=0 out r
  for r in 1 2 3; do
    out="$(wrk -t1 -c1 -d"${duration}s" --latency -H "X-API-Key: $key" "$u")"
    echo "$out" > "$work/wrk-$(basename "${u%%\?*}")-$r.txt"
    p50s+=("$(ms "$(awk '/^ +50%/{print $2}' <<<"$out")")"); p99s+=("$(ms "$(awk '/^ +99%/{print $2}' <<<"$out")")")
    rpss+=("$(awk '/^Requests\/sec/{print $2}' <<<"$out")"); n2=$(awk '/Non-2xx/{print $NF}' <<<"$out"); non=$((non + ${n2:-0}))
  done
  echo "$(med "${p50s[@]}") $(med "${p99s[@]}") $(med "${rpss[@]}") $non ${p99s[*]}"
}
read -r board_p50 board_p99 board_rps board_non2xx b1 b2 b3 < <(rounds "$url")
read -r health_p50 health_p99 health_rps health_non2xx h1 h2 h3 < <(rounds "http://127.0.0.1:$port/api/v1/services/health")

stats() { python3 -c 'import sys; v=sorted(float(x)*1000 for x in sys.stdin if x.strip()); n=len(v); print("%.0f %.0f %.0f" % (v[n//2], v[min(n-1,int(n*0.99))], v[-1]))'; }
read -r live_med live_p99 live_max < <(for _ in $(seq 1 10); do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $key" "$url?refresh=true"; done | stats)
# The launcher keeps java as its child (it starts it again after a restore): the resident set is the child's.
java_pid="$hearth_pid"
for c in $(pgrep -P "$hearth_pid"); do [[ "$(readlink "/proc/$c/exe")" == */java ]] && java_pid="$c"; done
rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$java_pid/status")
threads=$(awk '/^Threads/{print $2}' "/proc/$java_pid/status")
# wrk's own summary of the /status rounds: mean and largest latency, which the percentiles must agree with
wrk_lat="$(for r in 1 2 3; do awk '/^ +Latency +[0-9]/{printf "avg %s, max %s; ", $2, $4}' "$work/wrk-status-$r.txt"; done)"
ok=$(python3 -c "print('met' if $board_p99 <= 20 else 'MISSED')")
machine="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), Hearth commit $(git -C "$root" rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"

section=$(cat <<MD
<!-- status-board:begin -->
## Status from the health board, 200 services behind an 800 ms upstream (\`bench/status-board.sh\`)

_Run ending $(date -u '+%Y-%m-%d %H:%M UTC') on $machine. The machine is shared with other builds: read the ratio._

$services services, each a URL of \`bench/SlowUpstream.java\` answering after $delay_ms ms; Hearth from \`bin/hearth\`
(launcher defaults), the board filled once (every service polled) before measuring; the pollers keep running
meanwhile. \`wrk -t1 -c1 -d${duration}s --latency\` (one request at a time: latency, not throughput) on loopback,
after a 5 s warm-up, three rounds: medians of the rounds (each round's p99 in the note below).
\`?refresh=true\` (the live fan-out every \`/status\` made before the board) asked 10 times in turn with curl.

| request | median | p99 | requests/s | target |
|---|---:|---:|---:|---|
| \`GET /api/v1/status\` (the board) | $board_p50 ms | **$board_p99 ms** | $board_rps | p99 ≤ 20 ms: **$ok** |
| \`GET /api/v1/services/health\` (the board, 200 rows) | $health_p50 ms | $health_p99 ms | $health_rps | |
| \`GET /api/v1/status?refresh=true\` (all 200 asked now, in parallel) | ${live_med} ms | ${live_p99} ms (max of 10) | | the reference: bounded by the slowest upstream |

p99 of each round: /status $b1, $b2, $b3 ms; /services/health $h1, $h2, $h3 ms. Non-2xx: ${board_non2xx:-0}.
wrk's latency line of each /status round (mean, largest): $wrk_lat
Hearth's RSS after the run: $rss MB, $threads threads.
<!-- status-board:end -->
MD
)
doc="$root/docs/benchmarks.md"
SECTION="$section" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"]
pattern = re.compile(r"<!-- status-board:begin -->.*?<!-- status-board:end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "$section"
