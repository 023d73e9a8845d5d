#!/usr/bin/env bash
# GraphQL's cost (issue 15), in one run on one machine:
#  1. latency: the GraphQL `status` query (POST /graphql) next to GET /api/v1/status, same Hearth, same wrk
#     settings, alternated; target: GraphQL p50 <= 1.5x REST p50.
#  2. idle resident set: Hearth with GraphQL against the same commit built without it (the dependency, the
#     dev.hearth.graphql package and its settings removed from a copy); target: <= 12 MB more.
# Prints a Markdown section; with BENCH_WRITE=1 it also replaces the GraphQL section of docs/benchmarks.md.
# Knobs: BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (16), BENCH_WRK_DURATION (15s), BENCH_ROUNDS (2),
# BENCH_IDLE_S (10), BENCH_WARM_REQUESTS (300). Loopback only; everything it starts it stops.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
require_jdk
threads="${BENCH_WRK_THREADS:-2}" conns="${BENCH_WRK_CONNECTIONS:-16}" dur="${BENCH_WRK_DURATION:-15s}"
rounds="${BENCH_ROUNDS:-2}" idle="${BENCH_IDLE_S:-10}" warm="${BENCH_WARM_REQUESTS:-300}"
command -v wrk >/dev/null || { echo "bench: wrk is needed" >&2; exit 1; }

tmp="$(mktemp -d /tmp/hearth-graphql-bench.XXXXXX)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The two builds: this tree, and a copy of its commit without GraphQL.
jar="$root/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "bench: building Hearth…" >&2
  (cd "$root" && mvn -B -q -o package -DskipTests)
fi
# kept under target/ per content of the main code and the pom, so it is built once for them
commit="$(git -C "$root" rev-parse --short HEAD)"
plain="$root/target/bench-without-graphql/$(git -C "$root" rev-parse --short HEAD:src/main)-$(git -C "$root" rev-parse --short HEAD:pom.xml)"
if [[ ! -f "$plain/target/quarkus-app/quarkus-run.jar" ]]; then
  rm -rf "$root/target/bench-without-graphql"
  mkdir -p "$plain"
  git -C "$root" archive HEAD | tar -x -C "$plain"
  rm -rf "$plain/src/main/java/dev/hearth/graphql"
  sed -i '/quarkus-smallrye-graphql/d;/GraphQL at \/graphql (issue 15)/d' "$plain/pom.xml"
  sed -i '/^quarkus.smallrye-graphql/d' "$plain/src/main/resources/application.properties"
  echo "bench: building the same commit without GraphQL…" >&2
  (cd "$plain" && mvn -B -q -o package -DskipTests -Dspotless.check.skip=true)
fi

key="hth_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk and the warm-up ask far more than the default 100 a minute; a 429 would be timed as an answer
export HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000
# start NAME ROOT -> sets $port and $pid
start() {
  port="$(free_port)"
  HEARTH_ADMIN_API_KEY="$key" HEARTH_SERVER_HOST=127.0.0.1 HEARTH_PORT="$port" HEARTH_DATA_DIR="$tmp/$1-data" \
    "$2/bin/hearth" >"$tmp/$1.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  local i
  for i in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: $1 did not start; its log:" >&2; tail -20 "$tmp/$1.log" >&2; exit 1
}
# the JVM's resident set: the launcher's pid if it exec'd java, else its java child
rss_kb() {
  local jvm="$1"
  [[ "$(cat "/proc/$jvm/comm")" == java ]] || jvm="$(pgrep -P "$1" -n java)"
  awk '/VmRSS/ {print $2}' "/proc/$jvm/status"
}
stop() { # the launcher and its java child
  local child; child="$(pgrep -P "$1" -n java || true)"
  kill -TERM "$1" ${child:+"$child"} 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

query='{"query":"{ status { version uptime activeTasks totalDownloads totalUploads memoryUsage cpuUsage timestamp } }"}'
cat >"$tmp/graphql.lua" <<LUA
wrk.method = "POST"
wrk.body = '$query'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$key"
LUA
warm_up() { # warm_up PORT WITH_GRAPHQL
  local i
  for i in $(seq 1 "$warm"); do
    curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$1/api/v1/status" >/dev/null
    [[ "$2" == 1 ]] && curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$query" \
      "http://127.0.0.1:$1/graphql" >/dev/null
  done
  return 0
}
# p50 in ms and requests/s from wrk --latency
wrk_run() { # wrk_run NAME ARGS...
  local out="$tmp/wrk-$1.txt"; shift
  wrk -t"$threads" -c"$conns" -d"$dur" --latency "$@" >"$out"
  python3 - "$out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s)", v).groups(); n = float(n)
    return n / 1000 if u == "us" else n * 1000 if u == "s" else n
p50 = ms(re.search(r"50%\s+(\S+)", t).group(1)); p99 = ms(re.search(r"99%\s+(\S+)", t).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{p50:.2f} {p99:.2f} {rps:.0f} {non2xx.group(1) if non2xx else 0}")
PY
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
start with-graphql "$root"; a_pid=$pid; a_port=$port
# GraphQL answers the query before anything is timed (a wrong key or schema fails here, not in wrk's counts)
curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$a_port/graphql" \
  | grep -q '"activeTasks"' || { echo "bench: the GraphQL status query failed" >&2; exit 1; }
warm_up "$a_port" 1
rows=()
for r in $(seq 1 "$rounds"); do
  rest="$(wrk_run "rest-$r" -H "X-API-Key: $key" "http://127.0.0.1:$a_port/api/v1/status")"
  gql="$(wrk_run "graphql-$r" -s "$tmp/graphql.lua" "http://127.0.0.1:$a_port/graphql")"
  rows+=("$r $rest $gql")
done
sleep "$idle"
a_rss="$(rss_kb "$a_pid")"
stop "$a_pid"

start without-graphql "$plain"; b_pid=$pid; b_port=$port
warm_up "$b_port" 0
sleep "$idle"
b_rss="$(rss_kb "$b_pid")"
stop "$b_pid"

{
  echo "## GraphQL (\`bench/graphql.sh\`)"
  echo
  echo "_$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), commit $(git -C "$root" rev-parse --short HEAD); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end._"
  echo "wrk -t$threads -c$conns -d$dur --latency, REST and GraphQL alternated on one Hearth after $warm warm-up requests of each;"
  echo "\`HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000\` so no answer is a 429."
  echo
  echo "| round | REST \`GET /api/v1/status\` p50 / p99 ms | req/s | GraphQL \`{ status {…8 fields} }\` p50 / p99 ms | req/s | GraphQL p50 ÷ REST p50 |"
  echo "|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do
    read -r n rp50 rp99 rrps rbad gp50 gp99 grps gbad <<<"$row"
    ratio="$(python3 -c "print(f'{$gp50/$rp50:.2f}')")"
    echo "| $n | $rp50 / $rp99 | $rrps$([[ $rbad != 0 ]] && echo " ($rbad non-2xx)") | $gp50 / $gp99 | $grps$([[ $gbad != 0 ]] && echo " ($gbad non-2xx)") | ${ratio}× (target ≤ 1.5×) |"
  done
  echo
  echo "Idle resident set ${idle} s after the warm-up: with GraphQL $((a_rss / 1024)) MB (after REST and GraphQL requests),"
  echo "the same commit built without GraphQL $((b_rss / 1024)) MB (after the REST requests): $(((a_rss - b_rss) / 1024)) MB more (target ≤ 12 MB)."
} | tee "$tmp/section.md"

if [[ "${BENCH_WRITE:-0}" == 1 ]]; then
  python3 - "$root/docs/benchmarks.md" "$tmp/section.md" <<'PY'
import re, sys
doc, section = open(sys.argv[1]).read(), open(sys.argv[2]).read().rstrip() + "\n"
pattern = re.compile(r"## GraphQL \(`bench/graphql.sh`\)\n.*?(?=\n## |\Z)", re.S)
doc = pattern.sub(lambda m: section, doc) if pattern.search(doc) else doc.rstrip() + "\n\n" + section
open(sys.argv[1], "w").write(doc)
PY
fi
