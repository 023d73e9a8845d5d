#!/usr/bin/env bash
# The project's memory budget: all features on, idle RSS ≤ 160 MB with the launcher's flags; nothing configured ≤ 135 MB.
# Side by side in one run: two Hearths from the same jar, both started by bin/hearth as a user runs it (its flags and
# its start-up cache, recorded first by one unmeasured start), at the same time:
#   none: nothing configured (an empty hearth.yml), warmed up as bench/run rss warms up (200 GETs);
#   all:  every feature on: services with a Docker runtime (a real dockerd), qBittorrent and aria2 (real daemons),
#         ten media services (the doubles of src/test), the Telegram bot (against the Telegram double), the offline
#         assistant, MCP, GraphQL, the hub, a backup schedule and a plugin jar; warmed up with the same 200 GETs, then
#         each feature used once as a user would (media page, tasks, chat commands, MCP sessions, a GraphQL query).
# Then both idle BUDGET_IDLE_S together, then VmRSS/RssAnon/RssFile of each java. BUDGET_RUNS repetitions; medians.
# BUDGET_DIAG=1: a diagnostic run instead (the launcher's flags plus -XX:NativeMemoryTracking=summary, which itself
#   costs memory, so its RSS is not the budget's): NMT summary, GC.heap_info, classes, threads by name, code cache.
# BUDGET_VARIANTS="label=flags;…": more all-features Hearths beside the two, run with HEARTH_JAVA_OPTS=flags, without
#   the launcher's start-up cache (a cache is only valid with the flags it was recorded with); NAME=value words are put
#   in the JVM's environment instead, e.g. "ref=$(HEARTH_PRINT_JVM_OPTS=1 bin/hearth);arenas=MALLOC_ARENA_MAX=2 $(…)".
# BUDGET_REF=dir: an unpacked distribution of another build (dir/bin/hearth, dir/app/), e.g. the commit before a
#   change: two more Hearths, none and all, run by its own launcher (its flags, its own start-up cache), beside.
# Writes its section of docs/benchmarks.md (bench:budget, or bench:budget-diag). Root needed for dockerd.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BUDGET_RUNS:-3}"; idle_s="${BUDGET_IDLE_S:-20}"; diag="${BUDGET_DIAG:-0}"
for c in curl python3 qbittorrent-nox aria2c dockerd docker mvn; do
  command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }
done
. "$root/bin/lib/java.sh"
. "$root/bench/lib/qbittorrent.sh"
require_jdk
hb() { python3 "$root/bench/lib/hb.py" "$@"; }
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
tmp="$(mktemp -d /tmp/hearth-bench-budget.XXXXXX)"
key="hth_bench_admin_key_budget_0123456789abcdef"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  # the container first: a dockerd stopped with it running leaves its shim and httpd behind
  [[ -S "$tmp/docker/docker.sock" ]] && docker -H "unix://$tmp/docker/docker.sock" rm -f budget-web >/dev/null 2>&1 || true
  [[ -f "$tmp/docker/docker.pid" ]] && kill -TERM "$(cat "$tmp/docker/docker.pid")" 2>/dev/null && sleep 2
  [[ "${BENCH_KEEP:-0}" == 1 ]] && { echo "bench: kept $tmp" >&2; return; }
  rm -rf "$tmp" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- one build: the jar, the test classes (the doubles) and their class path
jar="$root/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" || ! -d "$root/target/test-classes/dev/hearth/fakes" ]] \
  || [[ -n "$(find "$root/src" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "bench: building…" >&2
  (cd "$root" && mvn -B -q -o package -DskipTests) >&2
  rm -f "$root/target/quarkus-app/hearth.aot" "$root/target/quarkus-app/hearth.jsa"
fi
[[ -f "$root/target/bench-test-cp.txt" && "$root/target/bench-test-cp.txt" -nt "$root/pom.xml" ]] \
  || (cd "$root" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-test-cp.txt -Dmdep.includeScope=test) >&2
cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/bench-test-cp.txt")"
default_opts="$(HEARTH_PRINT_JVM_OPTS=1 "$root/bin/hearth")"
major="$(java_major "$JAVA_HOME")"
cache_flag="-XX:AOTCache=$root/target/quarkus-app/hearth.aot -Xlog:aot*=error"
((major >= 25)) || cache_flag="-XX:SharedArchiveFile=$root/target/quarkus-app/hearth.jsa -Xlog:cds=off"

# ---- the upstreams: doubles, qBittorrent, aria2, dockerd with one container, a plugin jar
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx64m -cp "$cp" "$root/bench/BudgetDoubles.java" "$tmp/media.yml" "$tmp/bot.yml" \
  >"$tmp/doubles.log" 2>&1 & pids+=($!)
qport="$(hb port)"; qpeer="$(hb port)"; aport="$(hb port)"; webport="$(hb port)"
mkdir -p "$tmp/aria2-dl" "$tmp/docker" "$tmp/plugins"
qbittorrent_start "$tmp/qb" "$qport" "$qpeer" "$tmp/qb-dl"; pids+=("$QB_PID")
aria_secret="budget_aria2_secret_0123"
aria2c --enable-rpc --rpc-listen-all=false --rpc-listen-port="$aport" --rpc-secret="$aria_secret" --dir="$tmp/aria2-dl" \
  --no-conf --quiet >"$tmp/aria2.log" 2>&1 & pids+=($!)
sock="$tmp/docker/docker.sock"
dockerd --host "unix://$sock" --data-root "$tmp/docker/data" --exec-root "$tmp/docker/exec" --pidfile "$tmp/docker/docker.pid" \
  --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs --shutdown-timeout=2 >"$tmp/dockerd.log" 2>&1 &
for _ in $(seq 1 100); do docker -H "unix://$sock" version >/dev/null 2>&1 && break; sleep 0.2; done
busybox="$(command -v busybox || true)"; [[ -x /bin/busybox ]] && busybox=/bin/busybox
mkdir -p "$tmp/rootfs/bin" "$tmp/rootfs/tmp" "$tmp/www"
cp "$busybox" "$tmp/rootfs/bin/busybox"
for a in sh httpd sleep; do ln -s busybox "$tmp/rootfs/bin/$a"; done
tar -C "$tmp/rootfs" -cf "$tmp/rootfs.tar" bin tmp
docker -H "unix://$sock" import -c 'ENV PATH=/bin' "$tmp/rootfs.tar" hearth-bench/busybox:local >/dev/null
docker -H "unix://$sock" run -d --pull never --name budget-web --network host hearth-bench/busybox:local \
  httpd -f -p "127.0.0.1:$webport" -h /tmp >/dev/null
# The plugin a third party would ship: one action, compiled against Hearth's classes, registered the Java way.
mkdir -p "$tmp/plugin-src/org/example/budget" "$tmp/plugin-classes/META-INF/services"
cat >"$tmp/plugin-src/org/example/budget/HelloActions.java" <<'JAVA'
package org.example.budget;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.platform.security.Role;
import java.util.List;

public final class HelloActions implements ActionProvider {
    public record Greeting(String greeting) {}

    @Override
    public List<Action> actions() {
        return List.of(new Action(new ActionSpec("hello.greet", "Greets", Role.VIEWER, false, List.of()),
                c -> new Greeting("Hello!")));
    }
}
JAVA
echo org.example.budget.HelloActions >"$tmp/plugin-classes/META-INF/services/dev.hearth.actions.ActionProvider"
"$JAVA_HOME/bin/javac" -nowarn -cp "$cp" -d "$tmp/plugin-classes" "$tmp/plugin-src/org/example/budget/HelloActions.java"
"$JAVA_HOME/bin/jar" --create --file "$tmp/plugins/hello.jar" -C "$tmp/plugin-classes" . 
for _ in $(seq 1 300); do grep -q ready "$tmp/doubles.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$tmp/doubles.log" || { echo "bench: the doubles did not start" >&2; cat "$tmp/doubles.log" >&2; exit 1; }
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$qport/api/v2/app/version" -H "Referer: http://127.0.0.1:$qport" \
  && break; curl -s -o /dev/null "http://127.0.0.1:$qport/" && break; sleep 0.1; done

echo "services: []" >"$tmp/none.yml"
{
  echo "docker:"
  echo "  endpoints: [{ name: local, host: \"unix://$sock\" }]"
  echo "services:"
  echo "  - { name: qbittorrent, url: \"http://127.0.0.1:$qport\", integration: qbittorrent, credentials: { username: admin, password: adminadmin } }"
  echo "  - { name: aria2, url: \"http://127.0.0.1:$aport/jsonrpc\", integration: aria2, credentials: { token: \"$aria_secret\" } }"
  echo "  - { name: web, url: \"http://127.0.0.1:$webport/\", runtime: { docker: { container: budget-web } } }"
  cat "$tmp/media.yml"
  cat "$tmp/bot.yml"
  echo "backups:"
  echo "  schedule: \"@daily\""
  echo "plugins:"
  echo "  directory: \"$tmp/plugins\""
} >"$tmp/all.yml"

# ---- Hearths
start_hearth() {   # name config [java opts [launcher]]: the launcher's pid in $tmp/<name>.pid, its port in $tmp/<name>.port
  local name="$1" config="$2" opts="${3:-}" launcher="${4:-$root/bin/hearth}" port; port="$(hb port)"
  [[ -d "$tmp/migrated" && "$name" != train* ]] && cp -a "$tmp/migrated" "$tmp/data-$name"   # a cache is recorded at a first start, as a user's is
  (
    export HEARTH_CONFIG="$config" HEARTH_PORT="$port" HEARTH_DATA_DIR="$tmp/data-$name" HEARTH_ADMIN_API_KEY="$key" \
      HEARTH_SERVER_HOST=127.0.0.1 HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000
    # NAME=value words are the JVM's environment (MALLOC_ARENA_MAX=2), the rest its flags.
    local w flags=()
    for w in $opts; do if [[ "$w" =~ ^[A-Z_][A-Z0-9_]*= ]]; then export "${w?}"; else flags+=("$w"); fi; done
    if ((${#flags[@]})); then export HEARTH_JAVA_OPTS="${flags[*]}"; else unset HEARTH_JAVA_OPTS; fi
    exec "$launcher" >"$tmp/hearth-$name.log" 2>&1
  ) &
  echo $! >"$tmp/$name.pid"; echo "$port" >"$tmp/$name.port"; pids+=($!)
  date +%s%N >"$tmp/$name.t0"
}
java_of() { local c; for c in $(pgrep -P "$1"); do [[ "$(readlink "/proc/$c/exe")" == */java ]] && { echo "$c"; return; }; done
  echo "bench: no java under launcher $1" >&2; exit 1; }
stop_launcher() { local p="$1"; kill -TERM "$p" 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$p" 2>/dev/null || true; }
ready_ms() {   # name: waits for /health, prints ms since start
  local port; port="$(cat "$tmp/$1.port")"
  hb wait "$port" 180 >/dev/null || { echo "bench: $1 did not start; its log:" >&2; tail -n 30 "$tmp/hearth-$1.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - $(cat "$tmp/$1.t0")) / 1000000 ))
}
use_features() {   # port: each feature once, as a user would
  python3 - "$1" "$key" <<'PY'
import json, sys, urllib.request
port, key = sys.argv[1], sys.argv[2]
def call(method, path, body=None, headers=None):
    h = {"X-API-Key": key, **(headers or {})}
    data = None if body is None else json.dumps(body).encode()
    if data is not None: h["Content-Type"] = "application/json"
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data, h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r: return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e: return e.code, e.headers, e.read()
for _ in range(20):
    for p in ("/api/v1/media", "/api/v1/tasks?status=all", "/api/v1/services/health", "/api/v1/plugins", "/api/v1/backups"):
        call("GET", p)
for m in ["status", "list services", "what is downloading?", "alerts", "is plex0 running?"] * 4:
    call("POST", "/api/v1/command", {"user_id": 1, "message": m})
for _ in range(5):
    s, h, _ = call("POST", "/mcp", {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
                   "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    sid = h.get("Mcp-Session-Id", "")
    call("POST", "/mcp", {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, {"Mcp-Session-Id": sid})
    call("POST", "/mcp", {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "system_status", "arguments": {}}},
         {"Mcp-Session-Id": sid})
for _ in range(20):
    call("POST", "/graphql", {"query": "{ status { status version cpuUsage memoryUsage } }"})
PY
}
rss_field() { awk -v f="$2:" '$1 == f {printf "%.1f", $2/1024}' "/proc/$1/status"; }

# One unmeasured start records the launcher's start-up cache (when there is none), so that both measured starts map
# it in, and makes the database: a box's Hearth idles after a start on its existing data dir, not after the very first
# start (which migrates an empty database, loading Flyway). BUDGET_START=first measures first starts instead.
[[ ! -f "$root/target/quarkus-app/hearth.aot" && ! -f "$root/target/quarkus-app/hearth.jsa" ]] && echo "bench: recording the launcher's start-up cache…" >&2
start_hearth train "$tmp/none.yml"; ready_ms train >/dev/null; sleep 2; stop_launcher "$(cat "$tmp/train.pid")"
[[ "${BUDGET_START:-again}" == first ]] || mv "$tmp/data-train" "$tmp/migrated"

ref="${BUDGET_REF:-}"
if [[ -n "$ref" ]]; then
  [[ -x "$ref/bin/hearth" && -f "$ref/app/quarkus-run.jar" ]] || { echo "bench: $ref is no unpacked distribution" >&2; exit 1; }
  if [[ ! -f "$ref/app/hearth.aot" && ! -f "$ref/app/hearth.jsa" ]]; then
    echo "bench: recording the reference launcher's start-up cache…" >&2
    start_hearth train-ref "$tmp/none.yml" "" "$ref/bin/hearth"; ready_ms train-ref >/dev/null; sleep 2; stop_launcher "$(cat "$tmp/train-ref.pid")"
  fi
fi
declare -A rss anon file ready
names=(none all)
[[ -n "$ref" ]] && names+=(none-ref all-ref)
declare -A variant_opts
IFS=';' read -ra vs <<<"${BUDGET_VARIANTS:-}"
for v in "${vs[@]}"; do [[ -z "$v" ]] && continue; names+=("${v%%=*}"); variant_opts["${v%%=*}"]="${v#*=}"; done
diag_opts="" ref_diag_opts=""
if [[ "$diag" == 1 ]]; then
  diag_opts="$default_opts $cache_flag -XX:NativeMemoryTracking=summary"
  [[ -n "$ref" ]] && ref_diag_opts="$(HEARTH_PRINT_JVM_OPTS=1 "$ref/bin/hearth") -XX:AOTCache=$ref/app/hearth.aot -Xlog:aot*=error -XX:NativeMemoryTracking=summary"
fi

for run in $(seq 1 "$runs"); do
  echo "bench: run $run of $runs…" >&2
  for n in "${names[@]}"; do
    case "$n" in
      none) start_hearth "none-$run" "$tmp/none.yml" "$diag_opts" ;;
      all) start_hearth "all-$run" "$tmp/all.yml" "$diag_opts" ;;
      none-ref) start_hearth "$n-$run" "$tmp/none.yml" "$ref_diag_opts" "$ref/bin/hearth" ;;
      all-ref) start_hearth "$n-$run" "$tmp/all.yml" "$ref_diag_opts" "$ref/bin/hearth" ;;
      *) start_hearth "$n-$run" "$tmp/all.yml" "${variant_opts[$n]}" ;;
    esac
  done
  for n in "${names[@]}"; do ready["$n"]+="$(ready_ms "$n-$run") "; done
  for n in "${names[@]}"; do
    port="$(cat "$tmp/$n-$run.port")"
    # every service polled once before the warm-up, as a user's board would be
    for _ in $(seq 1 150); do
      u=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["unknown"])' 2>/dev/null || echo 1)
      [[ "$u" == 0 ]] && break; sleep 0.2
    done
    hb warm "$port" "$key" 200 /health /api/v1/status /api/v1/openapi /metrics / >/dev/null
    [[ "$n" != none* ]] && use_features "$port"
  done
  sleep "$idle_s"   # idle, all at once: the same noise falls on every one
  for n in "${names[@]}"; do
    j="$(java_of "$(cat "$tmp/$n-$run.pid")")"
    rss["$n"]+="$(rss_field "$j" VmRSS) "; anon["$n"]+="$(rss_field "$j" RssAnon) "; file["$n"]+="$(rss_field "$j" RssFile) "
    if [[ "$diag" == 1 && "$run" == 1 ]]; then
      {
        echo "threads $(awk '/^Threads:/{print $2}' "/proc/$j/status")"
        "$JAVA_HOME/bin/jcmd" "$j" VM.native_memory summary
        "$JAVA_HOME/bin/jcmd" "$j" GC.heap_info
        "$JAVA_HOME/bin/jcmd" "$j" PerfCounter.print | grep -E 'java.cls.(loadedClasses|unloadedClasses|sharedLoadedClasses)|sun.ci.totalTime'
        "$JAVA_HOME/bin/jcmd" "$j" Compiler.codecache
        echo "thread-names"
        "$JAVA_HOME/bin/jcmd" "$j" Thread.print | sed -n 's/^"\([^"]*\)".*/\1/p' | sed -E 's/[-#]?[0-9]+$//; s/ [0-9]+$//' | sort | uniq -c | sort -rn
        echo "malloc-arenas"
      } >"$tmp/diag-$n.txt" 2>&1
      cp "$tmp/diag-$n.txt" "$root/target/budget-diag-$n.txt"
    fi
  done
  for n in "${names[@]}"; do stop_launcher "$(cat "$tmp/$n-$run.pid")" & done; wait_for=("${names[@]}")
  for n in "${wait_for[@]}"; do while kill -0 "$(cat "$tmp/$n-$run.pid")" 2>/dev/null; do sleep 0.2; done; done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
med_none="$(echo "${rss[none]}" | median)"; med_all="$(echo "${rss[all]}" | median)"
verdict() { python3 -c "print('met' if $1 <= $2 else 'MISSED')"; }
section="$tmp/section.md"
machine="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), Hearth commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src pom.xml bin 2>/dev/null || echo ' (with uncommitted changes)')"
{
  if [[ "$diag" == 1 ]]; then
    echo "## Memory budget, diagnostic breakdown (\`BUDGET_DIAG=1 bench/budget.sh\`)"
  else
    echo "## Memory budget: nothing configured and every feature on (\`bench/budget.sh\`)"
  fi
  echo
  echo "_Run ending $(date -u '+%Y-%m-%d %H:%M UTC') on $machine; load average (1/5/15 min) at the start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg). The machine is shared with other builds: read the side-by-side figures._"
  echo
  echo "Hearths started together by \`bin/hearth\` (its flags \`$default_opts\` and its start-up cache$([[ "$diag" == 1 ]] && echo ', plus `-XX:NativeMemoryTracking=summary`, which costs memory itself: these RSS figures are not the budget'\''s')),"
  echo "$runs runs, $( [[ "${BUDGET_START:-again}" == first ]] && echo "fresh data dirs each (first starts)" || echo "each on its own copy of a data dir an unmeasured first start made (a restart, as a box runs every day)"). *none*: an empty hearth.yml, 200 warm-up GETs (\`/health\`, \`/api/v1/status\`, \`/api/v1/openapi\`, \`/metrics\`, \`/\`)."
  echo "*all*: a Docker endpoint (a real dockerd, one container as a service's runtime), qBittorrent and aria2 (real daemons),"
  echo "ten media services (the doubles: two Plex, Jellyfin, Emby, Sonarr, Radarr, Prowlarr, Torznab, Overseerr, Tautulli), the"
  echo "Telegram bot (long polling against the double), a daily backup schedule and a plugin jar; assistant (offline), MCP,"
  echo "GraphQL and the hub are on by default. Same 200 GETs, then each feature used: 20 × media, tasks, services health,"
  echo "plugins and backups lists, 20 chat commands, 5 MCP sessions, 20 GraphQL queries. Then ${idle_s} s idle, all at once, then"
  echo "\`/proc/<java pid>/status\`."
  echo
  echo "| Hearth | VmRSS MB, each run | median VmRSS | RssAnon (median) | RssFile (median) | ready ms, each run | target |"
  echo "|---|---|---:|---:|---:|---|---|"
  echo "| none | ${rss[none]}| **$med_none** | $(echo "${anon[none]}" | median) | $(echo "${file[none]}" | median) | ${ready[none]}| ≤ 135 MB: **$(verdict "$med_none" 135)** |"
  echo "| all features | ${rss[all]}| **$med_all** | $(echo "${anon[all]}" | median) | $(echo "${file[all]}" | median) | ${ready[all]}| ≤ 160 MB: **$(verdict "$med_all" 160)** |"
  if [[ -n "$ref" ]]; then
    for n in none-ref all-ref; do
      echo "| ${n%-ref}, reference build (\`$ref\`: $(cat "$ref/COMMIT" 2>/dev/null || echo '?'), its own launcher and cache) | ${rss[$n]}| **$(echo "${rss[$n]}" | median)** | $(echo "${anon[$n]}" | median) | $(echo "${file[$n]}" | median) | ${ready[$n]}| |"
    done
  fi
  for n in "${names[@]}"; do
    [[ "$n" == none* || "$n" == all || "$n" == all-ref ]] && continue
    echo "| all, \`$n\` (\`${variant_opts[$n]}\`, no start-up cache) | ${rss[$n]}| **$(echo "${rss[$n]}" | median)** | $(echo "${anon[$n]}" | median) | $(echo "${file[$n]}" | median) | ${ready[$n]}| |"
  done
  echo
  echo "Every feature together adds $(python3 -c "print('%.1f' % ($med_all - $med_none))") MB (medians)."
  if [[ "$diag" == 1 ]]; then
    echo
    diags=(); for n in "${names[@]}"; do [[ -f "$tmp/diag-$n.txt" ]] && diags+=("$n=$tmp/diag-$n.txt"); done
    python3 - "${diags[@]}" <<'PY'
import re, sys
def parse(path):
    text = open(path).read()
    cats = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB[,)]", text, re.M)}
    total = re.search(r"^Total: reserved=\d+KB, committed=(\d+)KB", text, re.M)
    threads = re.search(r"^threads (\d+)", text, re.M)
    loaded = re.search(r"java.cls.loadedClasses=(\d+)", text)
    shared = re.search(r"java.cls.sharedLoadedClasses=(\d+)", text)
    names = re.search(r"^thread-names\n(.*?)^malloc", text, re.M | re.S)
    heap = re.search(r"^ def new generation\s+total (\d+)K, used (\d+)K.*?^ tenured generation\s+total (\d+)K, used (\d+)K", text, re.M | re.S)
    return {"cats": cats, "total": int(total.group(1)) if total else 0, "threads": threads and threads.group(1),
            "loaded": loaded and loaded.group(1), "shared": shared and shared.group(1), "names": names and names.group(1),
            "heap": heap and [int(x) // 1024 for x in heap.groups()]}
cols = [(a.split("=", 1)[0], parse(a.split("=", 1)[1])) for a in sys.argv[1:]]
print("NMT committed in MB (the JVM's own accounting: not sqlite-jdbc's or other native libraries' malloc), first run:")
print()
print("| category | " + " | ".join(c for c, _ in cols) + " |")
print("|---|" + "---:|" * len(cols))
keys = sorted({k for _, d in cols for k in d["cats"]}, key=lambda k: -max(d["cats"].get(k, 0) for _, d in cols))
for k in keys:
    if max(d["cats"].get(k, 0) for _, d in cols) >= 512:
        print(f"| {k} | " + " | ".join(f"{d['cats'].get(k, 0) / 1024:.1f}" for _, d in cols) + " |")
print("| **total committed** | " + " | ".join(f"**{d['total'] / 1024:.1f}**" for _, d in cols) + " |")
print()
for c, d in cols:
    h = d["heap"]
    heap = f"young {h[0]} MB committed ({h[1]} used), old {h[2]} MB ({h[3]} used)" if h else "?"
    print(f"- *{c}*: {d['threads']} threads; {d['loaded']} classes loaded ({d['shared']} from the start-up cache); heap {heap}.")
print()
for c, d in cols:
    top = [l.strip() for l in (d["names"] or "").splitlines() if l.strip()][:16]
    print(f"Threads of *{c}* by name (count name): " + "; ".join(top) + ".")
    print()
PY
  fi
  echo "Command: \`bench/budget.sh\` (BUDGET_RUNS=$runs, BUDGET_IDLE_S=$idle_s$([[ "$diag" == 1 ]] && echo ', BUDGET_DIAG=1'))."
} >"$section"
name=budget; [[ "$diag" == 1 ]] && name=budget-diag
hb splice "$root/docs/benchmarks.md" "$name" "$section"
cat "$section"
