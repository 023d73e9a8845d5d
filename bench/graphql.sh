#!/usr/bin/env bash
# GraphQL's cost (issue 15), in one run on one machine:
#  1. idle resident set: Hearth with GraphQL against the same commit built without it (the dependency, the
#     dev.hearth.graphql package and its settings removed from a copy), started together, the same REST warm-up,
#     then again after GraphQL was used; target: <= 12 MB more.
#  2. latency: the GraphQL `status` query (POST /graphql) next to the REST route doing the same work, same Hearth,
#     same wrk settings, alternated; target: GraphQL p50 <= 1.5x REST p50.
# Prints a Markdown section; with BENCH_WRITE=1 it also replaces the GraphQL section of docs/benchmarks.md.
#  3. graphql.enabled: false (the same jar as 1, GraphQL switched off) beside the other two: its RSS, and how many of
#     graphql-java's classes each JVM loaded.
# Knobs: BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (16), BENCH_WRK_DURATION (15s), BENCH_ROUNDS (2),
# BENCH_IDLE_S (10), BENCH_WARM_REQUESTS (300). BENCH_DIAG=1: every JVM also runs with
# -XX:NativeMemoryTracking=summary (bin/hearth's own flags plus that one, through HEARTH_JAVA_OPTS), and the section
# adds each one's NMT summary, heap after a full GC and class counts (diagnosis only: NMT costs memory itself).
# Loopback only; everything it starts it stops.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
require_jdk
threads="${BENCH_WRK_THREADS:-2}" conns="${BENCH_WRK_CONNECTIONS:-16}" dur="${BENCH_WRK_DURATION:-15s}"
rounds="${BENCH_ROUNDS:-2}" idle="${BENCH_IDLE_S:-10}" warm="${BENCH_WARM_REQUESTS:-300}"
diag="${BENCH_DIAG:-0}"
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
# The same commit without GraphQL, kept under target/ per its content (so a change inside dev.hearth.graphql, or to
# GraphQL's own dependency lines, does not rebuild it)
cache="$root/target/bench-without-graphql"
stage="$cache/stage"
rm -rf "$stage"; mkdir -p "$stage"
git -C "$root" archive HEAD | tar -x -C "$stage"
rm -rf "$stage/src/main/java/dev/hearth/graphql"
# the dependency from its comment to its closing tag (it spans lines: it carries an exclusion)
python3 - "$stage/pom.xml" <<'PY'
import re, sys
p = sys.argv[1]; pom = open(p).read()
cut = re.sub(r"\n\s*<!-- GraphQL at /graphql \(issue 15\).*?quarkus-smallrye-graphql.*?</dependency>", "", pom, count=1, flags=re.S)
# and the Bean Validation API the extension needs once its validator is excluded
cut = re.sub(r"\n\s*<!-- what the extension's data fetchers.*?jakarta\.validation-api</artifactId></dependency>", "", cut, count=1, flags=re.S)
assert cut != pom and "quarkus-smallrye-graphql" not in cut and "jakarta.validation-api" not in cut, "bench: could not take GraphQL out of the pom"
open(p, "w").write(cut)
PY
sed -i '/^quarkus.smallrye-graphql/d' "$stage/src/main/resources/application.properties"
sed -i '/^dev\.hearth\.graphql\./d' "$stage/src/main/resources/META-INF/services/dev.hearth.platform.config.ConfigSection"
rm -f "$stage/src/main/resources/META-INF/services/io.smallrye.graphql.spi.EventingService"
# what the build reads (tests, docs and benches aside)
content="$(cd "$stage" && find . -type f -not -path './src/test/*' -not -path './docs/*' -not -path './bench/*' -print0 \
  | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-12)"
plain="$cache/$content"
if [[ ! -f "$plain/target/quarkus-app/quarkus-run.jar" ]]; then
  rm -rf "$plain"
  mv "$stage" "$plain"
  echo "bench: building the same commit without GraphQL…" >&2
  (cd "$plain" && mvn -B -q -o package -Dmaven.test.skip=true -Dspotless.check.skip=true)
fi
rm -rf "$stage"

key="hth_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk and the warm-up ask far more than the default 100 a minute; a 429 would be timed as an answer
export HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000
# diagnosis: the launcher's flags (bin/hearth prints them) plus native memory tracking, for all three alike
if [[ "$diag" == 1 ]]; then
  HEARTH_JAVA_OPTS="$(HEARTH_PRINT_JVM_OPTS=1 "$root/bin/hearth") -XX:NativeMemoryTracking=summary"
  export HEARTH_JAVA_OPTS
fi
# start NAME ROOT [ENV=VALUE...] -> sets $port and $pid
start() {
  port="$(free_port)"
  env "${@:3}" HEARTH_ADMIN_API_KEY="$key" HEARTH_SERVER_HOST=127.0.0.1 HEARTH_PORT="$port" HEARTH_DATA_DIR="$tmp/$1-data" \
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
jvm_of() { if [[ "$(cat "/proc/$1/comm")" == java ]]; then echo "$1"; else pgrep -P "$1" -n java; fi; }
# loaded classes: all, and graphql-java's own (package graphql.*)
classes() {
  local h; h="$("$JAVA_HOME/bin/jcmd" "$(jvm_of "$1")" VM.class_hierarchy 2>/dev/null)"
  echo "$(grep -c -- '--' <<<"$h") $(grep -cE -- '--graphql\.' <<<"$h")"
}
# BENCH_DIAG: NMT's committed KB per category, heap used after a full GC, into $tmp/diag-NAME.txt
diagnose() {
  [[ "$diag" == 1 ]] || return 0
  local j; j="$(jvm_of "$2")"
  "$JAVA_HOME/bin/jcmd" "$j" GC.run >/dev/null
  { echo "### $1"; "$JAVA_HOME/bin/jcmd" "$j" GC.heap_info | grep -E 'DefNew|Tenured|generation|total'
    "$JAVA_HOME/bin/jcmd" "$j" VM.native_memory summary | grep -E '^(Total|-  *[A-Z][A-Za-z ]+ \(reserved)' \
      | sed -E 's/^- +//; s/\(reserved=[0-9]+KB, committed=([0-9]+)KB.*/committed \1 KB/'
  } >"$tmp/diag-$1.txt"
}
stop() { # the launcher and its java child
  local child; child="$(pgrep -P "$1" -n java || true)"
  kill -TERM "$1" ${child:+"$child"} 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Two pairs, each a GraphQL query beside the REST route that does the same work:
#  - `status` with the fields read from in-memory samples, beside GET /api/v1/status (no database either side);
#  - `status` with all 8 of MLTB's fields, whose activeTasks and totalDownloads count tasks in the database,
#    beside GET /api/v1/stats, which counts the same tasks (and the users).
lean='{"query":"{ status { version uptime memoryUsage cpuUsage timestamp } }"}'
full='{"query":"{ status { version uptime activeTasks totalDownloads totalUploads memoryUsage cpuUsage timestamp } }"}'
for q in lean full; do
  cat >"$tmp/graphql-$q.lua" <<LUA
wrk.method = "POST"
wrk.body = '${!q}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$key"
LUA
done
rest_warm() { # the same REST requests for both Hearths
  local i
  for i in $(seq 1 "$warm"); do
    curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$1/api/v1/status" >/dev/null
    curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$1/api/v1/stats" >/dev/null
  done
}
graphql_warm() {
  local i
  for i in $(seq 1 "$warm"); do
    curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$full" "http://127.0.0.1:$1/graphql" >/dev/null
    curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$lean" "http://127.0.0.1:$1/graphql" >/dev/null
  done
}
# p50 in ms and requests/s from wrk --latency
wrk_run() { # wrk_run NAME ARGS...
  local out="$tmp/wrk-$1.txt"; shift
  wrk -t"$threads" -c"$conns" -d"$dur" --latency "$@" >"$out"
  python3 - "$out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s|m)", v).groups(); n = float(n)
    return {"us": n / 1000, "ms": n, "s": n * 1000, "m": n * 60000}[u]
p50 = ms(re.search(r"50%\s+(\S+)", t).group(1)); p99 = ms(re.search(r"99%\s+(\S+)", t).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{p50:.2f} {p99:.2f} {rps:.0f} {non2xx.group(1) if non2xx else 0}")
PY
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
# 1. Idle resident set: both Hearths side by side, the same REST warm-up, idle together; then GraphQL used.
start with-graphql "$root"; a_pid=$pid; a_port=$port
start without-graphql "$plain"; b_pid=$pid; b_port=$port
# Hearth's switch: the same jar with graphql.enabled off
start graphql-off "$root" HEARTH_GRAPHQL_ENABLED=false; c_pid=$pid; c_port=$port
rest_warm "$a_port"; rest_warm "$b_port"; rest_warm "$c_port"
sleep "$idle"
a_rss_idle="$(rss_kb "$a_pid")"; b_rss_idle="$(rss_kb "$b_pid")"; c_rss_idle="$(rss_kb "$c_pid")"
read -r a_cls_idle a_gql_idle <<<"$(classes "$a_pid")"; read -r b_cls_idle b_gql_idle <<<"$(classes "$b_pid")"
c_answer="$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$lean" "http://127.0.0.1:$c_port/graphql")"
read -r c_cls c_gql <<<"$(classes "$c_pid")"
diagnose graphql-off "$c_pid"
stop "$c_pid"
# GraphQL answers both queries before anything is timed (a wrong key or schema fails here, not in wrk's counts)
for q in "$lean" "$full"; do
  curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' -d "$q" "http://127.0.0.1:$a_port/graphql" \
    | grep -q '"memoryUsage"' || { echo "bench: the GraphQL status query failed" >&2; exit 1; }
done
graphql_warm "$a_port"; rest_warm "$b_port"
sleep "$idle"
a_rss_used="$(rss_kb "$a_pid")"; b_rss_used="$(rss_kb "$b_pid")"
read -r a_cls_used a_gql_used <<<"$(classes "$a_pid")"; read -r b_cls_used b_gql_used <<<"$(classes "$b_pid")"
diagnose with-graphql-used "$a_pid"; diagnose without-graphql "$b_pid"
stop "$b_pid"

# 2. Latency, alternated on the Hearth with GraphQL
rows=()
for r in $(seq 1 "$rounds"); do
  rest_a="$(wrk_run "status-$r" -H "X-API-Key: $key" "http://127.0.0.1:$a_port/api/v1/status")"
  gql_a="$(wrk_run "lean-$r" -s "$tmp/graphql-lean.lua" "http://127.0.0.1:$a_port/graphql")"
  rest_b="$(wrk_run "stats-$r" -H "X-API-Key: $key" "http://127.0.0.1:$a_port/api/v1/stats")"
  gql_b="$(wrk_run "full-$r" -s "$tmp/graphql-full.lua" "http://127.0.0.1:$a_port/graphql")"
  rows+=("$r|REST \`GET /api/v1/status\`|GraphQL \`{ status { version uptime memoryUsage cpuUsage timestamp } }\`|$rest_a|$gql_a")
  rows+=("$r|REST \`GET /api/v1/stats\`|GraphQL \`{ status {…all 8 fields} }\`|$rest_b|$gql_b")
done
stop "$a_pid"

mb() { python3 -c "print(f'{$1/1024:.1f}')"; }
{
  echo "## GraphQL (\`bench/graphql.sh\`)"
  echo
  echo "_$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), commit $(git -C "$root" rev-parse --short HEAD); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end._"
  echo
  echo "Idle resident set (VmRSS of the JVM), two Hearths started together from this commit with and without GraphQL"
  echo "(the dependency, \`dev.hearth.graphql\` and its settings taken out of a copy), ${idle} s idle after each step:"
  echo
  echo "| after | with GraphQL | without | added (target ≤ 12 MB) | classes with / without (graphql-java's) |"
  echo "|---|---:|---:|---:|---|"
  echo "| $warm × (\`/api/v1/status\` + \`/api/v1/stats\`) each | $(mb "$a_rss_idle") MB | $(mb "$b_rss_idle") MB | **$(mb $((a_rss_idle - b_rss_idle))) MB** | $a_cls_idle ($a_gql_idle) / $b_cls_idle ($b_gql_idle) |"
  echo "| then $warm × 2 GraphQL queries (with) or the same REST again (without) | $(mb "$a_rss_used") MB | $(mb "$b_rss_used") MB | **$(mb $((a_rss_used - b_rss_used))) MB** | $a_cls_used ($a_gql_used) / $b_cls_used ($b_gql_used) |"
  echo
  echo "The same jar with GraphQL switched off (\`HEARTH_GRAPHQL_ENABLED=false\`), started beside the two and warmed alike:"
  echo "**$(mb "$c_rss_idle") MB, $(mb $((c_rss_idle - b_rss_idle))) MB over the build without GraphQL** ($(mb $((a_rss_idle - c_rss_idle))) MB under the one with it on);"
  echo "$c_cls classes loaded, $c_gql of them graphql-java's; its \`POST /graphql\` answered $c_answer."
  if [[ "$diag" == 1 ]]; then
    echo
    echo "Diagnosis (BENCH_DIAG=1: every JVM with \`-XX:NativeMemoryTracking=summary\`, which itself costs memory; after \`jcmd GC.run\`):"
    echo
    echo '```'
    cat "$tmp"/diag-with-graphql-used.txt "$tmp"/diag-without-graphql.txt "$tmp"/diag-graphql-off.txt
    echo '```'
  fi
  echo
  echo "Latency: wrk -t$threads -c$conns -d$dur --latency, the four runs of a round alternated on the Hearth with GraphQL;"
  echo "\`HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000\` so no answer is a 429."
  echo
  echo "| round | REST route | p50 / p99 ms | req/s | GraphQL query | p50 / p99 ms | req/s | GraphQL p50 ÷ REST p50 |"
  echo "|---|---|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r n rname gname rest gql <<<"$row"
    read -r rp50 rp99 rrps rbad <<<"$rest"
    read -r gp50 gp99 grps gbad <<<"$gql"
    ratio="$(python3 -c "print(f'{$gp50/$rp50:.2f}')")"
    echo "| $n | $rname | $rp50 / $rp99 | $rrps$([[ $rbad != 0 ]] && echo " ($rbad non-2xx)") | $gname | $gp50 / $gp99 | $grps$([[ $gbad != 0 ]] && echo " ($gbad non-2xx)") | ${ratio}× (target ≤ 1.5×) |"
  done
} | tee "$tmp/section.md"

if [[ "${BENCH_WRITE:-0}" == 1 ]]; then
  python3 - "$root/docs/benchmarks.md" "$tmp/section.md" <<'PY'
import re, sys
doc, section = open(sys.argv[1]).read(), open(sys.argv[2]).read().rstrip() + "\n"
# up to the next section or the next section's marker (the media page's section opens with one)
pattern = re.compile(r"## GraphQL \(`bench/graphql.sh`\)\n.*?(?=\n<!-- |\n## |\Z)", re.S)
doc = pattern.sub(lambda m: section, doc) if pattern.search(doc) else doc.rstrip() + "\n\n" + section
open(sys.argv[1], "w").write(doc)
PY
fi
