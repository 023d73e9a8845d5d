#!/usr/bin/env bash
# Assistant and MCP benchmarks (not run by CI), written into their own section of docs/benchmarks.md:
#  1. in-process (AssistantBench): the offline parser's latency per command over the phrasing table, whole offline
#     turns through the catalog, and the model loop's own cost per turn with a model that answers at once;
#  2. idle RSS of the built jar: mcp.enabled=false and the assistant never asked, against the assistant and the MCP
#     server in use (chat commands and MCP sessions during the warm-up), runs interleaved; optionally a third build
#     (BENCH_REFS="label=<quarkus-run.jar>;…", e.g. the commit before the assistant), warm-up only.
# Loopback only, free ports, temp dirs under /tmp; everything started here is stopped by its pid.
# Knobs: BENCH_RSS_RUNS (3), BENCH_IDLE_S (10), BENCH_CHAT (60 commands), BENCH_MCP (20 sessions).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
hb() { python3 "$root/bench/lib/hb.py" "$@"; }
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

mvn -B -q test -Dtest=AssistantBench -Dsurefire.failIfNoSpecifiedTests=false
jar="$root/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  mvn -B -q package -DskipTests
fi

tmp="$(mktemp -d /tmp/hearth-bench-assistant.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 1
            for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
key="hth_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
opts="$(HEARTH_PRINT_JVM_OPTS=1 "$root/bin/hearth")"

# start <name> <jar> <mcp enabled>: sets pid and port
start() {
  local name="$1" which="$2" mcp="$3"
  port="$(hb port)"
  HEARTH_PORT="$port" HEARTH_DATA_DIR="$tmp/$name" HEARTH_SERVER_HOST=127.0.0.1 HEARTH_ADMIN_API_KEY="$key" \
    HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 HEARTH_MCP_ENABLED="$mcp" \
    "$JAVA_HOME/bin/java" $opts -jar "$which" >"$tmp/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  hb wait "$port" 60 >/dev/null || { tail -n 30 "$tmp/$name.log" >&2; exit 1; }
}

use_assistant() {   # port: chat commands and MCP sessions, as a bot and an agent would
  python3 "$root/bench/lib/use_assistant.py" "$1" "$key" "${BENCH_CHAT:-60}" "${BENCH_MCP:-20}"
}

rss_of() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

declare -A rows labels jars
variants=(without with)
# BENCH_REFS="label=jar;label=jar": other builds, measured after the warm-up only (e.g. the commit before the assistant)
IFS=';' read -ra refs <<<"${BENCH_REFS:-}"
for i in "${!refs[@]}"; do
  [[ -z "${refs[$i]}" ]] && continue
  variants+=("ref$i"); labels["ref$i"]="${refs[$i]%%=*}"; jars["ref$i"]="${refs[$i]#*=}"
done
for run in $(seq 1 "${BENCH_RSS_RUNS:-3}"); do
  for v in "${variants[@]}"; do
    case "$v" in
      without) start "without-$run" "$jar" false ;;
      with) start "with-$run" "$jar" true ;;
      *) start "$v-$run" "${jars[$v]}" true ;;
    esac
    hb warm "$port" "$key" 200 /health /api/v1/status /api/v1/openapi /metrics / >/dev/null
    if [[ "$v" == with ]]; then use_assistant "$port"; fi
    sleep "${BENCH_IDLE_S:-10}"
    rows[$v]+="$(rss_of "$pid") "
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

section="$tmp/section.md"
{
  echo "## Assistant and MCP ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), commit $(git rev-parse --short HEAD); load $load_start → $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "In-process, in the test JVM (JIT warm, G1, a host shared with other work: the max column is mostly pauses):"
  echo
  cat target/bench-assistant.md
  echo
  echo "Idle resident set of the built jar (launcher's JVM flags, no start-up cache), ${BENCH_RSS_RUNS:-3} runs each, interleaved:"
  echo "200 warm-up GETs, then for *with* ${BENCH_CHAT:-60} chat commands (offline assistant) and ${BENCH_MCP:-20} MCP sessions"
  echo "(initialize, tools/list, tools/call, a stateless tools/list), then ${BENCH_IDLE_S:-10} s idle, then VmRSS. Target: ≤ 15 MB over *without*."
  echo
  echo "| variant | VmRSS MB, each run | median |"
  echo "|---|---|---:|"
  echo "| mcp.enabled false, assistant never asked | ${rows[without]} | **$(echo "${rows[without]}" | median)** |"
  echo "| assistant and MCP in use | ${rows[with]} | **$(echo "${rows[with]}" | median)** |"
  for v in "${variants[@]}"; do
    [[ "$v" == ref* ]] && echo "| ${labels[$v]}, warm-up only | ${rows[$v]} | **$(echo "${rows[$v]}" | median)** |"
  done
  echo
  echo "Command: \`bench/assistant.sh\`."
} >"$section"
hb splice docs/benchmarks.md assistant "$section"
echo "bench: docs/benchmarks.md updated (assistant section)" >&2
