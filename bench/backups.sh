#!/usr/bin/env bash
# Backup benchmark (issue 16, item 7; not run by CI): a SQLite database holding what Hearth keeps after a year
# (metrics history at its default retention: hourly rows for 365 days, minute rows for 14 days, 5 s samples for
# 48 h) and 10,000 download tasks; Hearth (bin/hearth, prebuilt jar) on it. In ONE run, alternating windows
# measure GET /api/v1/status latency with no backup running and while backups run back to back (plain, then
# encrypted), so the shared machine's noise falls on both alike. Also: each backup's time and size.
# Needs: sqlite3, python3, curl. Writes its own section of docs/benchmarks.md.
# Env: ROUNDS (default 3), WINDOW (seconds per window, default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root_dir=$(pwd)
for c in sqlite3 python3 curl; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
ROUNDS="${ROUNDS:-3}"; WINDOW="${WINDOW:-10}"
[[ -f target/quarkus-app/quarkus-run.jar ]] || (mvn -B -q package -DskipTests)

tmp=$(mktemp -d /tmp/hearth-bench-backups.XXXXXX)
launcher_pid=""
stop_hearth() {
  [[ -n "$launcher_pid" ]] || return 0
  kill -TERM "$launcher_pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$launcher_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$launcher_pid" 2>/dev/null || true
  launcher_pid=""
}
cleanup() { stop_hearth; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
key="hth_bench_backups_$(python3 -c 'import secrets;print(secrets.token_hex(12))')"
export HEARTH_PORT="$port" HEARTH_DATA_DIR="$tmp/data" HEARTH_SERVER_HOST=127.0.0.1 HEARTH_ADMIN_API_KEY="$key"
export HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 HEARTH_CONFIG="$tmp/hearth.yml"
printf 'logs:\n  level: WARN\n' >"$tmp/hearth.yml"

start_hearth() {
  bin/hearth >>"$tmp/hearth.log" 2>&1 &
  launcher_pid=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$port/api/v1/status" && return 0
    sleep 0.1
  done
  echo "bench: Hearth did not come up; its log:" >&2; tail -n 30 "$tmp/hearth.log" >&2; exit 1
}

# ---- the schema, by a first start; then a year of history, written while Hearth is stopped
start_hearth; stop_hearth
now_ms=$(($(date +%s) * 1000))
sqlite3 "$tmp/data/hearth.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 8759)
INSERT INTO metric_samples SELECT 2, $now_ms - (i + 1) * 3600000, 720, 20 + abs(random() % 600) / 10.0, 60 + abs(random() % 400) / 10.0,
  45 + abs(random() % 300) / 10.0, abs(random() % 400) / 100.0, 40 + abs(random() % 300) / 10.0, 8589934592, 3435973836 + abs(random() % 1000000000),
  abs(random() % 100) / 10.0, 55 + abs(random() % 100) / 10.0, 1000204886016, 550000000000 + abs(random() % 10000000000), 450000000000,
  abs(random() % 5000000), abs(random() % 1000000), 900000000000 + i * 1000000, 100000000000 + i * 100000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 20159)
INSERT INTO metric_samples SELECT 1, $now_ms - (i + 1) * 60000, 12, 20 + abs(random() % 600) / 10.0, 60 + abs(random() % 400) / 10.0,
  45 + abs(random() % 300) / 10.0, abs(random() % 400) / 100.0, 40 + abs(random() % 300) / 10.0, 8589934592, 3435973836 + abs(random() % 1000000000),
  abs(random() % 100) / 10.0, 55 + abs(random() % 100) / 10.0, 1000204886016, 550000000000 + abs(random() % 10000000000), 450000000000,
  abs(random() % 5000000), abs(random() % 1000000), 900000000000 + i * 10000, 100000000000 + i * 1000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 34559)
INSERT INTO metric_samples SELECT 0, $now_ms - (i + 1) * 5000, 1, abs(random() % 1000) / 10.0, abs(random() % 1000) / 10.0,
  45 + abs(random() % 300) / 10.0, abs(random() % 400) / 100.0, 40 + abs(random() % 300) / 10.0, 8589934592, 3435973836 + abs(random() % 1000000000),
  abs(random() % 100) / 10.0, 55 + abs(random() % 100) / 10.0, 1000204886016, 550000000000 + abs(random() % 10000000000), 450000000000,
  abs(random() % 5000000), abs(random() % 1000000), 900000000000 + i * 1000, 100000000000 + i * 100 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
INSERT INTO download_tasks (id, client, client_task_id, name, type, status, progress, size, downloaded, save_path, category, source, added_by,
  start_time, completed_at, updated_at)
SELECT 'qbittorrent:' || lower(hex(randomblob(20))), 'qbittorrent', lower(hex(randomblob(20))),
  'Some.Linux.Distribution.' || i || '.x86_64.DVD.iso', 'torrent', 'completed', 100, 4700000000 + i, 4700000000 + i, '/srv/downloads/linux', 'linux',
  'magnet:?xt=urn:btih:' || lower(hex(randomblob(20))) || '&dn=Some.Linux.Distribution.' || i, 'key:ci', $now_ms - i * 3153600, $now_ms - i * 3153000, $now_ms FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
rows_metrics=$(sqlite3 "$tmp/data/hearth.db" "SELECT COUNT(*) FROM metric_samples")
rows_tasks=$(sqlite3 "$tmp/data/hearth.db" "SELECT COUNT(*) FROM download_tasks")
db_bytes=$(stat -c %s "$tmp/data/hearth.db")

start_hearth
java_pid=$(pgrep -P "$launcher_pid" -x java | head -n 1)
python3 - "$port" "$key" "$ROUNDS" "$WINDOW" "$tmp/result.json" <<'PY'
import http.client, json, statistics, sys, threading, time
port, key, rounds, window, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
H = {"X-API-Key": key, "Content-Type": "application/json"}

def request(method, path, body=None, conn=None):
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    c.request(method, path, body=None if body is None else json.dumps(body), headers=H)
    r = c.getresponse(); data = r.read()
    if conn is None: c.close()
    return r.status, data

def status_window(seconds, stop_backups=None):
    """GET /api/v1/status in a closed loop on one keep-alive connection; latencies in ms."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.perf_counter(); s, _ = request("GET", "/api/v1/status", conn=c); lat.append((time.perf_counter() - t0) * 1000)
        if s != 200: raise SystemExit(f"status answered {s}")
        time.sleep(0.005)
    c.close()
    return lat

def backups_during(seconds, kind, made):
    stop = threading.Event(); n = [0]
    def loop():
        while not stop.is_set():
            n[0] += 1
            t0 = time.perf_counter()
            s, body = request("POST", "/api/v1/backups", {"name": f"bench_{kind}", "description": "benchmark"})
            if s == 409: time.sleep(1.05); continue   # two in one second share a file name
            if s != 201: raise SystemExit(f"backup answered {s}: {body[:200]}")
            b = json.loads(body)["backup"]
            made.append({"kind": kind, "seconds": time.perf_counter() - t0, "bytes": b["size_bytes"]})
            time.sleep(1.05)
    t = threading.Thread(target=loop); t.start()
    lat = status_window(seconds)
    stop.set(); t.join()
    return lat

def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

request("GET", "/api/v1/status")
status_window(3)  # warm-up
result = {"idle": [], "plain": [], "encrypted": []}
made = []
for r in range(rounds):
    result["idle"] += status_window(window)
    request("PATCH", "/api/v1/config", {"backups": {"passphrase": ""}})
    result["plain"] += backups_during(window, "plain", made)
    result["idle"] += status_window(window)
    request("PATCH", "/api/v1/config", {"backups": {"passphrase": "correct horse battery staple"}})
    result["encrypted"] += backups_during(window, "encrypted", made)
summary = {k: {"n": len(v), "p50": statistics.median(v), "p99": pct(v, 99), "max": max(v)} for k, v in result.items()}
by = lambda k: [m for m in made if m["kind"] == k]
summary["backups"] = {k: {"n": len(by(k)), "seconds_median": statistics.median([m["seconds"] for m in by(k)]),
                          "seconds_max": max(m["seconds"] for m in by(k)), "bytes": statistics.median([m["bytes"] for m in by(k)])}
                      for k in ("plain", "encrypted") if by(k)}
json.dump(summary, open(out, "w"), indent=1)
PY
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status" 2>/dev/null || echo 0)
stop_hearth

section=$(mktemp)
python3 - "$tmp/result.json" "$rows_metrics" "$rows_tasks" "$db_bytes" "$ROUNDS" "$WINDOW" "$rss_kb" >"$section" <<'PY'
import json, os, platform, subprocess, sys, time
r = json.load(open(sys.argv[1])); metrics, tasks, dbb, rounds, window, rss = sys.argv[2:8]
mb = lambda b: f"{int(b) / 1048576:.1f} MB"
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
load = open("/proc/loadavg").read().split()[:3]
print("<!-- bench:backups:begin -->")
print(f"## Backups: a year of history and 10,000 tasks (`bench/backups.sh`)")
print()
print(f"_Run ending {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} CPUs ({cpu}), kernel {platform.release()}, "
      f"Hearth commit {commit}; load average at the end {' '.join(load)}._")
print()
print(f"The database: {int(metrics):,} metric rows (what the default retention keeps after a year: hourly for 365 days, per minute for "
      f"14 days, 5 s samples for 48 h) and {int(tasks):,} finished download tasks; SQLite file {mb(dbb)}. Hearth started by `bin/hearth` "
      f"with its default flags. {rounds} rounds; each round has a {window} s window with no backup, one with plain backups made back to back "
      "(`POST /api/v1/backups`, 1 s apart), another idle one, and one with encrypted backups (AES-256-GCM, PBKDF2 600,000 rounds). "
      "Meanwhile one client calls `GET /api/v1/status` in a loop on one keep-alive connection (5 ms pause between calls).")
print()
print("| `GET /api/v1/status` | calls | p50 ms | p99 ms | max ms |")
print("|---|---:|---:|---:|---:|")
for k, label in (("idle", "no backup running"), ("plain", "plain backups running"), ("encrypted", "encrypted backups running")):
    s = r[k]; print(f"| {label} | {s['n']} | {s['p50']:.1f} | **{s['p99']:.1f}** | {s['max']:.1f} |")
print()
print("| backup | made | time (median) | slowest | archive size |")
print("|---|---:|---:|---:|---:|")
for k, b in r["backups"].items():
    print(f"| {k} | {b['n']} | {b['seconds_median']:.2f} s | {b['seconds_max']:.2f} s | {mb(b['bytes'])} |")
print()
print(f"Time is the whole API call: the `VACUUM INTO` snapshot, the tar.gz of it and the data-dir files, the fsync and rename, and the row. "
      f"Java's VmRSS after the run: {int(rss) // 1024} MB.")
print("<!-- bench:backups:end -->")
PY
file=docs/benchmarks.md
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"<!-- bench:backups:begin -->.*?<!-- bench:backups:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
rm -f "$section"
sed -n '/bench:backups:begin/,/bench:backups:end/p' "$file"
