#!/usr/bin/env bash
# Benchmark (issue 12, item 8): the dashboard Media page's API load and the idle RSS the media integrations add.
#   The page's load is GET /api/v1/media (now playing, recently added, requests, queue, calendar of every media
#   service, asked at once) with 10 media services configured against the doubles of src/test (two Plex, Jellyfin,
#   Emby, Sonarr, Radarr, Prowlarr, Torznab, Overseerr, Tautulli: bench runs their main, MediaDoublesMain).
#   Side by side in the same run, four Hearths from the same jar: one with the 10 media services and one with none
#   (pair 1), and the same two with the real qBittorrent configured in both (pair 2: a media setup always has a
#   download client, and Hearth's HTTP stack is shared infrastructure, so pair 2 isolates the media integrations);
#   the same warm-up, the same idle, then VmRSS of each. Target: the media one ≤ 10 MB over the other.
# Writes the "Media page" section of docs/benchmarks.md. Usage: bench/media-page.sh [seconds of wrk, default 15]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-15}"
work="$(mktemp -d /tmp/hearth-bench-media.XXXXXX)"
key="hth_bench_admin_key_media_page_0123456789ab"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
for c in wrk curl python3 mvn qbittorrent-nox; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

. "$root/bin/lib/java.sh"
. "$root/bench/lib/qbittorrent.sh"
require_jdk
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
# One build for both Hearths (bin/hearth would build in each at once), then the doubles, which live in src/test:
# compiled by the same package run, run by their main on the test class path.
(cd "$root" && mvn -B -q -o package -DskipTests && rm -f target/quarkus-app/hearth.aot target/quarkus-app/hearth.jsa \
  && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) >&2
cp="$root/target/test-classes:$root/target/classes:$(cat "$work/cp.txt")"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx64m -cp "$cp" dev.hearth.fakes.media.MediaDoublesMain "$work/media.yml" > "$work/doubles.log" 2>&1 & pids+=($!)
for _ in $(seq 1 300); do grep -q ready "$work/doubles.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/doubles.log" || { echo "bench: the doubles did not start" >&2; cat "$work/doubles.log" >&2; exit 1; }
echo "services: []" > "$work/none.yml"
# The real qBittorrent for pair 2, on loopback only (as bench/budget.sh starts it).
qport="$(free_port)"; qpeer="$(free_port)"
qbittorrent_start "$work/qb" "$qport" "$qpeer" "$work/qb-dl"; pids+=("$QB_PID")
for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$qport/api/v2/app/version" -H "Referer: http://127.0.0.1:$qport" && break; curl -fs -o /dev/null "http://127.0.0.1:$qport/" && break; sleep 0.2; done
qb_entry="  - { name: qbittorrent, url: \"http://127.0.0.1:$qport\", integration: qbittorrent, credentials: { username: admin, password: adminadmin } }"
{ cat "$work/media.yml"; echo "$qb_entry"; } > "$work/qb-media.yml"
printf 'services:\n%s\n' "$qb_entry" > "$work/qb-none.yml"

# Both with the launcher's own flags and no start-up cache: a first start after a build records one, and two
# recording at once would write the same file.
java_opts="$(HEARTH_PRINT_JVM_OPTS=1 "$root/bin/hearth")"
start_hearth() { # name config → port; the launcher's pid in $work/<name>.pid
  local name="$1" config="$2" port; port="$(free_port)"
  HEARTH_JAVA_OPTS="$java_opts" HEARTH_CONFIG="$config" HEARTH_PORT="$port" HEARTH_DATA_DIR="$work/data-$name" HEARTH_ADMIN_API_KEY="$key" \
    HEARTH_SERVER_HOST=127.0.0.1 HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 \
    "$root/bin/hearth" > "$work/hearth-$name.log" 2>&1 &
  echo $! > "$work/$name.pid"; echo "$port"
}
media_port="$(start_hearth media "$work/media.yml")"; media_pid="$(cat "$work/media.pid")"; pids+=("$media_pid")
none_port="$(start_hearth none "$work/none.yml")"; none_pid="$(cat "$work/none.pid")"; pids+=("$none_pid")
qmedia_port="$(start_hearth qb-media "$work/qb-media.yml")"; qmedia_pid="$(cat "$work/qb-media.pid")"; pids+=("$qmedia_pid")
qnone_port="$(start_hearth qb-none "$work/qb-none.yml")"; qnone_pid="$(cat "$work/qb-none.pid")"; pids+=("$qnone_pid")
for p in "$media_port" "$none_port" "$qmedia_port" "$qnone_port"; do
  for _ in $(seq 1 900); do curl -fs -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$p/api/v1/status" && break; sleep 0.2; done
done
# Every media service polled once, so the page reads what a user's would.
for _ in $(seq 1 300); do
  unknown=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$media_port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["unknown"])')
  [[ "$unknown" == 0 ]] && break; sleep 0.2
done
online=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$media_port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["online"])')
for p in "$qmedia_port" "$qnone_port"; do
  for _ in $(seq 1 300); do
    unknown=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$p/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["unknown"])')
    [[ "$unknown" == 0 ]] && break; sleep 0.2
  done
done
qb_online=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$qnone_port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"]["online"])')

# The same warm-up for both: 200 GETs over the dashboard's routes, then the media page 50 times.
warm() { local p="$1"
  for i in $(seq 1 40); do for path in /health /api/v1/status /api/v1/services /metrics /; do
    curl -fs -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$p$path" || true; done; done
  for i in $(seq 1 50); do curl -s -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$p/api/v1/media" || true; done
}
warm "$media_port"; warm "$none_port"; warm "$qmedia_port"; warm "$qnone_port"
# The launcher runs java as its child (it restarts it for a restore): the resident set is the child's.
java_of() { local c; for c in $(pgrep -P "$1"); do [[ "$(readlink "/proc/$c/exe")" == */java ]] && { echo "$c"; return; }; done
  echo "bench: no java under launcher $1" >&2; exit 1; }
media_java="$(java_of "$media_pid")"; none_java="$(java_of "$none_pid")"
qmedia_java="$(java_of "$qmedia_pid")"; qnone_java="$(java_of "$qnone_pid")"
sleep 10   # idle, all at once: the same noise falls on each
rss_of() { awk '/^VmRSS/{printf "%.1f", $2/1024}' "/proc/$1/status"; }
anon_of() { awk '/^RssAnon/{printf "%.1f", $2/1024}' "/proc/$1/status"; }
median() { python3 -c 'import sys; v=sorted(float(x) for x in sys.argv[1:]); print("%.1f" % v[len(v)//2])' "$@"; }
# Five readings of each, 2 s apart, while both stay idle; the medians are the figures.
rm_=(); rn_=(); am_=(); an_=(); qm_=(); qn_=(); qam_=(); qan_=()
for _ in 1 2 3 4 5; do
  rm_+=("$(rss_of "$media_java")"); rn_+=("$(rss_of "$none_java")")
  am_+=("$(anon_of "$media_java")"); an_+=("$(anon_of "$none_java")")
  qm_+=("$(rss_of "$qmedia_java")"); qn_+=("$(rss_of "$qnone_java")")
  qam_+=("$(anon_of "$qmedia_java")"); qan_+=("$(anon_of "$qnone_java")"); sleep 2
done
rss_qmedia="$(median "${qm_[@]}")"; rss_qnone="$(median "${qn_[@]}")"
anon_qmedia="$(median "${qam_[@]}")"; anon_qnone="$(median "${qan_[@]}")"
qadded=$(python3 -c "print('%.1f' % ($rss_qmedia - $rss_qnone))")
qok=$(python3 -c "print('met' if $rss_qmedia - $rss_qnone <= 10 else 'MISSED')")
# Classes loaded less those unloaded, from the JVM's own counters (jcmd PerfCounter.print), to say where the difference lies.
classes_of() { "$JAVA_HOME/bin/jcmd" "$1" PerfCounter.print 2>/dev/null | awk -F= '/^java.cls.loadedClasses=/{l=$2} /^java.cls.unloadedClasses=/{u=$2} END{if (l != "") print l - u; else print "n/a"}'; }
cl_media="$(classes_of "$media_java")"; cl_none="$(classes_of "$none_java")"
cl_qmedia="$(classes_of "$qmedia_java")"; cl_qnone="$(classes_of "$qnone_java")"
rss_media="$(median "${rm_[@]}")"; rss_none="$(median "${rn_[@]}")"
anon_media="$(median "${am_[@]}")"; anon_none="$(median "${an_[@]}")"
added=$(python3 -c "print('%.1f' % ($rss_media - $rss_none))")
ok=$(python3 -c "print('met' if $rss_media - $rss_none <= 10 else 'MISSED')")

# The Media page's API load, one request at a time (what a user waits for), three rounds; medians of the rounds.
ms() { python3 -c "
v='$1'
print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)"; }
med() { python3 -c 'import sys; v=sorted(float(x) for x in sys.argv[1:]); print("%.2f" % v[len(v)//2])' "$@"; }
rounds() { local u="$1" p50s=() p99s=() rpss=() non=0 out n2
  for _ in 1 2 3; do
    out="$(wrk -t1 -c1 -d"${duration}s" --latency -H "X-API-Key: $key" "$u")"
    p50s+=("$(ms "$(awk '/^ +50%/{print $2}' <<<"$out")")"); p99s+=("$(ms "$(awk '/^ +99%/{print $2}' <<<"$out")")")
    rpss+=("$(awk '/^Requests\/sec/{print $2}' <<<"$out")"); n2=$(awk '/Non-2xx/{print $NF}' <<<"$out"); non=$((non + ${n2:-0}))
  done
  echo "$(med "${p50s[@]}") $(med "${p99s[@]}") $(med "${rpss[@]}") $non"
}
read -r page_p50 page_p99 page_rps page_non < <(rounds "http://127.0.0.1:$media_port/api/v1/media")
read -r status_p50 status_p99 status_rps status_non < <(rounds "http://127.0.0.1:$media_port/api/v1/status")
bytes=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$media_port/api/v1/media" | wc -c)
rss_media_after="$(rss_of "$media_java")"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
machine="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), Hearth commit $(git -C "$root" rev-parse --short HEAD)"

section=$(cat <<MD
<!-- media-page:begin -->
## Media page with 10 media services, and the RSS they add (\`bench/media-page.sh\`)

_Run ending $(date -u '+%Y-%m-%d %H:%M UTC') on $machine; load average (1/5/15 min) at the start $load_start, at the end $load_end. The machine is shared with other builds: read the side-by-side figures._

Four Hearths from the same jar (\`bin/hearth\` with the launcher's flags, no start-up cache: \`$java_opts\`), started together. Pair 1: one with 10 media services
(two Plex, Jellyfin, Emby, Sonarr, Radarr, Prowlarr, a Torznab feed, Overseerr, Tautulli — the doubles of
\`src/test/java/dev/hearth/fakes/media\` on loopback, run by \`MediaDoublesMain\`; $online of 10 online), one with
none. Pair 2: the same two, each also with the real qBittorrent configured ($qb_online online in the one without
media): a media setup always has a download client, and Hearth's HTTP stack (java.net.http) is shared infrastructure
that any HTTP integration loads, so pair 2 measures what the media integrations themselves add. Each got the same warm-up (200 GETs over \`/health\`, \`/api/v1/status\`, \`/api/v1/services\`, \`/metrics\`,
\`/\`, then \`/api/v1/media\` 50 times), then 10 s idle together, then \`VmRSS\` from \`/proc/<pid>/status\`, the median of five
readings 2 s apart (still idle).

| Hearth | VmRSS | RssAnon | classes loaded |
|---|---:|---:|---:|
| pair 1: with 10 media services | $rss_media MB | $anon_media MB | $cl_media |
| pair 1: without (nothing configured) | $rss_none MB | $anon_none MB | $cl_none |
| **pair 1: added** | **$added MB** | target ≤ 10 MB: **$ok** | |
| pair 2: qBittorrent and 10 media services | $rss_qmedia MB | $anon_qmedia MB | $cl_qmedia |
| pair 2: qBittorrent only | $rss_qnone MB | $anon_qnone MB | $cl_qnone |
| **pair 2: added by the media integrations** | **$qadded MB** | target ≤ 10 MB: **$qok** | |

What the media integrations cost, read from the table: pair 2 isolates them (both Hearths load java.net.http for
qBittorrent; the media clients share its JDK HttpClient, one per connect timeout, so they add no selector thread);
their classes are the classes column's difference in pair 2. Cut this round: the Torznab parser reads with StAX into a
small tree of its own instead of a DOM, so no DOM implementation is loaded. Not measured here, so only a guess: the
rest of the difference is heap and JIT-compiled code of the media calls the warm-up exercises (the Hearth without
media answers \`/api/v1/media\` without asking anyone), and per-service state (readings, circuits, cookie jars).

The Media page's API load: \`GET /api/v1/media\` ($bytes bytes; every service asked at once, on virtual threads),
\`wrk -t1 -c1 -d${duration}s --latency\` (one request at a time), three rounds, medians of the rounds; \`/api/v1/status\`
on the same Hearth beside it (read from the board).

| request | median | p99 | requests/s | non-2xx |
|---|---:|---:|---:|---:|
| \`GET /api/v1/media\` (10 services asked) | $page_p50 ms | $page_p99 ms | $page_rps | $page_non |
| \`GET /api/v1/status\` (the board) | $status_p50 ms | $status_p99 ms | $status_rps | $status_non |

The media Hearth's VmRSS after the load: $rss_media_after MB.
<!-- media-page:end -->
MD
)
doc="$root/docs/benchmarks.md"
SECTION="$section" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"]
pattern = re.compile(r"<!-- media-page:begin -->.*?<!-- media-page:end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "$section"
