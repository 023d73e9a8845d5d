#!/usr/bin/env bash
# Downloads benchmark (issue "Downloads", item 7; not run by CI): one real qbittorrent-nox on loopback
# with 1,000 (paused, data-less) torrents, Hearth (bin/hearth, prebuilt jar) bound to it; in ONE run,
# alternating wrk rounds list all 1,000 through Hearth (GET /api/v1/tasks?limit=1000, read from Hearth's
# task store) and through qBittorrent's own GET /api/v2/torrents/info (with its SID cookie).
# Also Hearth's idle RSS (VmRSS of the java pid) with the 1,000 tasks tracked.
# Needs: qbittorrent-nox, wrk, python3. Writes its own section of docs/benchmarks.md.
# Env: ROUNDS (default 3), DURATION (wrk seconds per round, default 8), CONNS (wrk connections, each value a
# series of its own, default "1 4": 1 is plain request latency, 4 shows how each side takes concurrent callers),
# HEARTH_LAUNCHER (another build's bin/hearth, e.g. an unpacked distribution of the commit before), DOWNLOADS_DIAG=1 (jcmd GC.heap_info, and VM.native_memory when HEARTH_JAVA_OPTS has -XX:NativeMemoryTracking, idle
# and after the load, into target/downloads-diag-*.txt). The RSS is read idle, right after the load, and once more
# after SETTLE_S (default 20) seconds of quiet following it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root_dir=$(pwd)
for c in qbittorrent-nox wrk python3 curl; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-8}"; CONNS="${CONNS:-1 4}"; N=1000
hb() { python3 "$root_dir/bench/lib/hb.py" "$@"; }
. "$root_dir/bench/lib/qbittorrent.sh"

tmp=$(mktemp -d /tmp/hearth-bench-downloads.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
qport=$(free_port); peer=$(free_port); hport=$(free_port)

# ---- qBittorrent, pre-seeded (an unseeded profile listens on every interface with DHT on)
qbittorrent_start "$tmp/qb" "$qport" "$peer" "$tmp/qb-downloads" 'Session\MaxActiveDownloads=-1' 'Session\MaxActiveTorrents=-1' \
  'Session\MaxActiveUploads=-1'
pids+=("$QB_PID")
qpid=$QB_PID
sid=""
for _ in $(seq 1 200); do
  sid=$(curl -s -m 2 -c - -d 'username=admin&password=adminadmin' "http://127.0.0.1:$qport/api/v2/auth/login" 2>/dev/null | awk '$6=="SID"{print $7}') || true
  [[ -n "$sid" ]] && break
  sleep 0.1
done
[[ -n "$sid" ]] || { echo "bench: qBittorrent did not accept a login" >&2; exit 1; }
qver=$(curl -s -m 2 -b "SID=$sid" "http://127.0.0.1:$qport/api/v2/app/version")
echo "bench: qBittorrent $qver on $qport; adding $N torrents…" >&2

# ---- 1,000 tiny .torrent files (one 16 KiB piece each, random piece hash: no data needed), added paused
python3 - "$qport" "$sid" "$N" <<'PY'
import os, sys, urllib.request, uuid
port, sid, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def benc(v):
    if isinstance(v, int): return b"i%de" % v
    if isinstance(v, bytes): return b"%d:%s" % (len(v), v)
    if isinstance(v, str): return benc(v.encode())
    if isinstance(v, dict): return b"d" + b"".join(benc(k) + benc(v[k]) for k in sorted(v)) + b"e"
    raise TypeError(v)
batch = 100
for start in range(0, n, batch):
    boundary = uuid.uuid4().hex
    parts = []
    for i in range(start, min(n, start + batch)):
        t = {"announce": "http://127.0.0.1:9/announce",
             "info": {"name": f"bench-{i:04d}.bin", "length": 16384, "piece length": 16384, "pieces": os.urandom(20)}}
        parts.append(b"--%s\r\nContent-Disposition: form-data; name=\"torrents\"; filename=\"%d.torrent\"\r\n"
                     b"Content-Type: application/x-bittorrent\r\n\r\n%s\r\n" % (boundary.encode(), i, benc(t)))
    parts.append(b"--%s\r\nContent-Disposition: form-data; name=\"paused\"\r\n\r\ntrue\r\n" % boundary.encode())
    body = b"".join(parts) + b"--%s--\r\n" % boundary.encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v2/torrents/add", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": f"SID={sid}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 200, r.status
PY
count=0
for _ in $(seq 1 300); do
  count=$(curl -s -m 5 -b "SID=$sid" "http://127.0.0.1:$qport/api/v2/torrents/info" 2>/dev/null \
    | python3 -c 'import json,sys
try: print(len(json.load(sys.stdin)))
except Exception: print(0)') || count=0
  kill -0 "$qpid" 2>/dev/null || { echo "bench: qBittorrent exited; its log:" >&2; tail -20 "$tmp/qb.log" >&2; exit 1; }
  [[ "$count" -ge "$N" ]] && break
  sleep 0.2
done
[[ "$count" -ge "$N" ]] || { echo "bench: qBittorrent lists only $count torrents" >&2; exit 1; }

# ---- Hearth (prebuilt jar; bin/hearth builds it when missing or stale)
key="hth_bench_downloads_admin_key_0123456789"
cat >"$tmp/hearth.yml" <<YML
server:
  host: 127.0.0.1
services:
  - name: qbittorrent
    url: http://127.0.0.1:$qport
    integration: qbittorrent
    credentials: { username: admin, password: adminadmin }
YML
if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then echo "bench: building Hearth…" >&2; fi
HEARTH_CONFIG="$tmp/hearth.yml" HEARTH_PORT="$hport" HEARTH_DATA_DIR="$tmp/hearth-data" HEARTH_ADMIN_API_KEY="$key" \
  HEARTH_SERVER_HOST=127.0.0.1 HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 \
  "${HEARTH_LAUNCHER:-bin/hearth}" >"$tmp/hearth.log" 2>&1 &
pids+=($!)
hpid=$!   # bin/hearth execs java: this is the JVM's pid
total=0
for _ in $(seq 1 1200); do   # ≤ 240 s, a first run builds the jar
  kill -0 "$hpid" 2>/dev/null || { echo "bench: Hearth exited; see its log:" >&2; tail -20 "$tmp/hearth.log" >&2; exit 1; }
  total=$(curl -s -m 5 -H "X-API-Key: $key" "http://127.0.0.1:$hport/api/v1/tasks?status=all&limit=1" 2>/dev/null \
    | python3 -c 'import json,sys
try: print(json.load(sys.stdin)["total"])
except Exception: print(0)') || total=0
  [[ "$total" -ge "$N" ]] && break
  sleep 0.2
done
[[ "$total" -ge "$N" ]] || { echo "bench: Hearth's store has only $total tasks" >&2; exit 1; }
# bin/hearth execs java, except at the first start after a build, when it records its start-up cache with java
# as its child: measure the JVM either way.
if [[ "$(readlink "/proc/$hpid/exe")" != */java ]]; then
  jpid="$(pgrep -P "$hpid" -f java | head -n1)"
  [[ -n "$jpid" ]] && hpid="$jpid"
fi
echo "bench: Hearth (pid $hpid, port $hport) tracks $total tasks" >&2

# one request each, checked: both answer all 1,000
hn=$(curl -s -m 10 -H "X-API-Key: $key" "http://127.0.0.1:$hport/api/v1/tasks?status=all&limit=$N" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["tasks"]))')
hbytes=$(curl -s -m 10 -H "X-API-Key: $key" "http://127.0.0.1:$hport/api/v1/tasks?status=all&limit=$N" | wc -c)
qbytes=$(curl -s -m 10 -b "SID=$sid" "http://127.0.0.1:$qport/api/v2/torrents/info" | wc -c)
[[ "$hn" -eq "$N" ]] || { echo "bench: Hearth answered $hn tasks, not $N" >&2; exit 1; }

# ---- idle RSS with 1,000 tasks tracked (polls keep running every 5 s)
sleep 15
rss_idle=$(awk '/VmRSS/{print $2}' "/proc/$hpid/status")
diag() {   # label
  [[ "${DOWNLOADS_DIAG:-0}" == 1 ]] || return 0
  { "$JAVA_HOME/bin/jcmd" "$hpid" GC.heap_info; "$JAVA_HOME/bin/jcmd" "$hpid" VM.native_memory summary 2>/dev/null || true
    awk '/^(VmRSS|RssAnon|RssFile|Threads)/' "/proc/$hpid/status"; } >"$root_dir/target/downloads-diag-$1.txt" 2>&1
}
diag idle

# ---- alternating wrk rounds, one run
echo "[]" >"$tmp/wrk.json"
run() {   # target label seconds connections
  local out="$tmp/wrk-$1-$2-$4.txt"
  if [[ "$1" == hearth ]]; then
    wrk -t1 -c"$4" -d"${3}s" --latency -H "X-API-Key: $key" "http://127.0.0.1:$hport/api/v1/tasks?status=all&limit=$N" >"$out" 2>&1
  else
    wrk -t1 -c"$4" -d"${3}s" --latency -H "Cookie: SID=$sid" "http://127.0.0.1:$qport/api/v2/torrents/info" >"$out" 2>&1
  fi
  python3 - "$tmp/wrk.json" "$1" "$2" "$4" "$(hb wrk "$out")" <<'PY'
import json, sys
path, target, label, conns, row = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
rows = json.load(open(path)); row.update(target=target, round=label, conns=conns); rows.append(row); json.dump(rows, open(path, "w"))
PY
}
echo "bench: warm-up, then $ROUNDS alternating rounds of ${DURATION}s each at $CONNS connections…" >&2
run hearth warmup 5 1; run qbittorrent warmup 5 1
for c in $CONNS; do
  for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then run hearth "$r" "$DURATION" "$c"; run qbittorrent "$r" "$DURATION" "$c"
    else run qbittorrent "$r" "$DURATION" "$c"; run hearth "$r" "$DURATION" "$c"; fi
  done
done
rss_after=$(awk '/VmRSS/{print $2}' "/proc/$hpid/status")
diag after
sleep "${SETTLE_S:-20}"
rss_settled=$(awk '/VmRSS/{print $2}' "/proc/$hpid/status")
diag settled
warn=$(grep -cE ' (WARN|ERROR) ' "$tmp/hearth.log" || true)

# ---- report
section=$(mktemp)
python3 - "$tmp/wrk.json" "$section" <<PY
import json, statistics, sys
rows = [r for r in json.load(open(sys.argv[1])) if r["round"] != "warmup"]
def agg(t, c):
    rs = [r for r in rows if r["target"] == t and r["conns"] == c]
    return {"rps": statistics.median(r["rps"] for r in rs), "p50": statistics.median(r["p50_ms"] for r in rs),
            "p99": statistics.median(r["p99_ms"] for r in rs), "requests": sum(r["requests"] for r in rs),
            "bad": sum(r["non2xx"] for r in rs), "errors": "; ".join(sorted({r["errors"] for r in rs if r["errors"]}))}
with open(sys.argv[2], "w") as f:
    w = lambda s="": f.write(s + "\n")
    w("<!-- downloads:start -->")
    w("## Downloads: 1,000 torrents ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r), commit $(git rev-parse --short HEAD), load average at the end $(cut -d' ' -f1-3 /proc/loadavg), bench/downloads.sh)")
    w()
    w("One qbittorrent-nox $qver on loopback with $N paused torrents (16 KiB each, no data); Hearth from \`${HEARTH_LAUNCHER:-bin/hearth}\`")
    w("(prebuilt jar, launcher defaults$( [[ -n "${HEARTH_JAVA_OPTS:-}" ]] && echo ": HEARTH_JAVA_OPTS=${HEARTH_JAVA_OPTS}" )) bound to it, polling every 5 s. In one run, after a 5 s warm-up of each, $ROUNDS")
    w("alternating wrk rounds of ${DURATION} s (1 thread) per side and per connection count; figures are the medians over the rounds.")
    w("Hearth answers from its task store (the poller's last read); qBittorrent builds its answer from its session.")
    w()
    w("| Connections | What | Requests/s | p50 | p99 | Requests (non-2xx) |")
    w("|---|---|---|---|---|---|")
    errors = []
    for c in sorted({r["conns"] for r in rows}):
        h, q = agg("hearth", c), agg("qbittorrent", c)
        ratio50, ratio99 = h["p50"] / q["p50"], h["p99"] / q["p99"]
        w(f"| {c} | Hearth \`GET /api/v1/tasks?status=all&limit=1000\` ($hbytes bytes) | {h['rps']:.1f} | {h['p50']:.2f} ms | {h['p99']:.2f} ms | {h['requests']} ({h['bad']}) |")
        w(f"| {c} | qBittorrent \`GET /api/v2/torrents/info\` ($qbytes bytes) | {q['rps']:.1f} | {q['p50']:.2f} ms | {q['p99']:.2f} ms | {q['requests']} ({q['bad']}) |")
        w(f"| {c} | Ratio Hearth / qBittorrent latency | | **{ratio50:.2f}×** | {ratio99:.2f}× | target ≤ 1.5×: **{'met' if ratio50 <= 1.5 else 'not met'}** (p50) |")
        if h["errors"] or q["errors"]:
            errors.append(f"{c} connections: Hearth {h['errors'] or 'none'}; qBittorrent {q['errors'] or 'none'}")
    w()
    w(f"Hearth's RSS (VmRSS of the java pid) idle with $N tasks tracked: **{$rss_idle/1024:.0f} MB** (right after the wrk rounds: {$rss_after/1024:.0f} MB; ${SETTLE_S:-20} s later: {$rss_settled/1024:.0f} MB). Targets: ≤ 140 MB idle, ≤ 200 MB right after the load.")
    if errors:
        w("wrk socket errors (wrk's 2 s timeout): " + " / ".join(errors) + ".")
    w(f"Hearth logged $warn WARN/ERROR lines during the run. Per round:")
    w()
    w("| Connections | Round | Target | Requests/s | p50 | p99 |")
    w("|---|---|---|---|---|---|")
    for r in rows:
        w(f"| {r['conns']} | {r['round']} | {r['target']} | {r['rps']:.1f} | {r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms |")
    w("<!-- downloads:end -->")
PY
file=docs/benchmarks.md
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"<!-- downloads:start -->.*?<!-- downloads:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
rm -f "$section"
sed -n '/downloads:start/,/downloads:end/p' "$file"
