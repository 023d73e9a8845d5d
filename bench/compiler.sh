#!/usr/bin/env bash
# The launcher's JIT choice (HEARTH_COMPILER): light (C1 alone, the default) against full (C1 and C2), side by side in
# one run. Two Hearths from the same jar, started together by bin/hearth (its flags and its start-up cache), each on its
# own copy of one migrated data dir, nothing configured. Measures: ready time; for each of three routes, ROUNDS
# alternated wrk runs (-t2 -c16, DURATION) on each; then the idle VmRSS of both after IDLE_S together.
# Env: ROUNDS (3), DURATION (8s), IDLE_S (20). Loopback only; writes its section of docs/benchmarks.md (bench:compiler).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"; duration="${DURATION:-8s}"; idle_s="${IDLE_S:-20}"
for c in wrk curl python3 mvn; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
. "$root/bin/lib/java.sh"
require_jdk
hb() { python3 "$root/bench/lib/hb.py" "$@"; }
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
tmp="$(mktemp -d /tmp/hearth-bench-compiler.XXXXXX)"
key="hth_bench_admin_key_compiler_0123456789abcdef"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar="$root/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -B -q -o package -DskipTests) >&2
  rm -f "$root/target/quarkus-app/hearth.aot" "$root/target/quarkus-app/hearth.jsa"
fi
: >"$tmp/none.yml"
start() {   # name compiler data-dir
  local port; port="$(hb port)"; echo "$port" >"$tmp/$1.port"
  HEARTH_COMPILER="$2" HEARTH_CONFIG="$tmp/none.yml" HEARTH_PORT="$port" HEARTH_DATA_DIR="$3" HEARTH_ADMIN_API_KEY="$key" \
    HEARTH_SERVER_HOST=127.0.0.1 HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 "$root/bin/hearth" >"$tmp/$1.log" 2>&1 &
  pids+=($!); echo $! >"$tmp/$1.pid"; date +%s%N >"$tmp/$1.t0"
}
# One unmeasured first start: records the start-up cache when there is none, and migrates the database both copy.
start first light "$tmp/migrated"; hb wait "$(cat "$tmp/first.port")" 300 >/dev/null; kill -TERM "$(cat "$tmp/first.pid")"
wait "$(cat "$tmp/first.pid")" 2>/dev/null || true
for n in light full; do cp -a "$tmp/migrated" "$tmp/data-$n"; start "$n" "$n" "$tmp/data-$n"; done
declare -A ready
for n in light full; do
  hb wait "$(cat "$tmp/$n.port")" 300 >/dev/null || { echo "bench: $n did not start" >&2; tail -20 "$tmp/$n.log" >&2; exit 1; }
  ready[$n]=$(( ($(date +%s%N) - $(cat "$tmp/$n.t0")) / 1000000 ))
done
routes=(/api/v1/status /api/v1/services/health /api/v1/openapi)
for n in light full; do hb warm "$(cat "$tmp/$n.port")" "$key" 300 /health "${routes[@]}" / >/dev/null; done
rows=""
for r in $(seq 1 "$rounds"); do
  for path in "${routes[@]}"; do
    for n in light full; do
      wrk -t2 -c16 -d"$duration" --latency -H "X-API-Key: $key" "http://127.0.0.1:$(cat "$tmp/$n.port")$path" >"$tmp/wrk.txt" 2>&1
      rows+="$r $path $n $(hb wrk "$tmp/wrk.txt" | python3 -c 'import json,sys; x=json.load(sys.stdin); print(x["rps"], x["p50_ms"])')"$'\n'
    done
  done
done
sleep "$idle_s"
declare -A rss
for n in light full; do
  j=""; for c in $(pgrep -P "$(cat "$tmp/$n.pid")"); do [[ "$(readlink "/proc/$c/exe")" == */java ]] && j="$c"; done
  rss[$n]="$(awk '$1 == "VmRSS:" {printf "%.1f", $2/1024}' "/proc/$j/status")"
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "## The launcher's JIT: C1 alone (light, the default) against C1 and C2 (full) (\`bench/compiler.sh\`)"
  echo
  echo "_$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), commit $(git -C "$root" rev-parse --short HEAD); load average at the start $load_start, at the end $load_end. Shared machine: read the ratios._"
  echo
  echo "Two Hearths started together by \`bin/hearth\` (\`HEARTH_COMPILER=light\` / \`full\`), nothing configured, each on a copy of one"
  echo "migrated data dir, warmed alike (300 GETs); then $rounds rounds of \`wrk -t2 -c16 -d$duration\` per route, alternated; then $idle_s s idle together."
  echo
  echo "| | light (C1) | full (C1+C2) | light ÷ full |"
  echo "|---|---:|---:|---:|"
  echo "| ready after start, ms | ${ready[light]} | ${ready[full]} | $(python3 -c "print(f'{${ready[light]}/${ready[full]}:.2f}×')") |"
  echo "| idle VmRSS after the load, MB | ${rss[light]} | ${rss[full]} | $(python3 -c "print(f'{${rss[light]}-${rss[full]}:+.1f} MB')") |"
  printf '%s' "$rows" | python3 -c '
import sys, statistics, collections
d = collections.defaultdict(list)
for line in sys.stdin:
    r, path, n, rps, p50 = line.split()
    d[(path, n)].append((float(rps), float(p50)))
for path in dict.fromkeys(k[0] for k in d):
    l, f = d[(path, "light")], d[(path, "full")]
    # the last round: both warm (the first rounds are the JIT still compiling)
    la, fa = ", ".join("%.0f" % x[0] for x in l), ", ".join("%.0f" % x[0] for x in f)
    print(f"| `{path}` requests/s, last round (all rounds) | {l[-1][0]:.0f} ({la}) | {f[-1][0]:.0f} ({fa}) | {l[-1][0]/f[-1][0]:.2f}× |")
    print(f"| `{path}` p50 ms, last round | {l[-1][1]:.2f} | {f[-1][1]:.2f} | {l[-1][1]/f[-1][1]:.2f}× |")
'
  echo
  echo "Command: \`bench/compiler.sh\` (ROUNDS=$rounds, DURATION=$duration, IDLE_S=$idle_s)."
} >"$tmp/section.md"
cat "$tmp/section.md"
hb splice "$root/docs/benchmarks.md" compiler "$tmp/section.md"
