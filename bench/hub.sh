#!/usr/bin/env bash
# Hub benchmark (not run by CI): the proxy against calling the upstream (a real nginx on loopback) directly, through
# nginx's own proxy_pass (a reference hop) and against Hearth's /health (its floor), side by side in one run, at 1 and
# 16 connections, with wrk; then detection of 50 services with 10 dead ones (ApiDetectorTest
# prints its time). Needs wrk and nginx. Writes its own section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null && [ -x /usr/sbin/nginx ] || { echo "install wrk and nginx first" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -B -q -o test -Dtest=HubProxyBench -Dsurefire.failIfNoSpecifiedTests=false
mvn -B -q -o test -Dtest='ApiDetectorTest#fiftyServicesWithTenDeadAreDetectedWithinAboutOneProbeTimeout' \
  -Dsurefire.failIfNoSpecifiedTests=false > target/bench-detect.log 2>&1
# the test prints its time; surefire keeps a test's output in its report file or passes it to the console
cat target/bench-detect.log target/surefire-reports/*ApiDetectorTest*-output.txt 2>/dev/null \
  | grep -o 'detected 50 services.*' | tail -1 > target/bench-detect.txt || true
file=docs/benchmarks.md
[ -f "$file" ] || echo "# Benchmarks" > "$file"
section=$(mktemp)
{
  echo "<!-- hub:start -->"
  echo "## Integration hub: proxy overhead and detection ($(date -u +%Y-%m-%d), $(nproc) cores, bench/hub.sh)"
  echo
  echo "Load average at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg). wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2),"
  echo "nginx serving a 90-byte JSON on loopback, and the same nginx as a keep-alive reverse proxy to it (the reference"
  echo "hop); Hearth's \`/health\` with the same API key (its floor: Vert.x, the request gate and key check, a virtual thread,"
  echo "JSON); the proxy route \`GET /api/v1/services/web/proxy?path=/api/status\` with a viewer's API key (role check, action"
  echo "catalog, audit entry batched, SSRF checks, the upstream's JSON passed into \`{success, status, data}\`). Hearth runs in"
  echo "its test profile (JVM mode, SQLite) on the same box as wrk and nginx; each run lasts 8 s."
  echo
  cat target/bench-hub.md
  echo
  echo "Detection: $(cat target/bench-detect.txt 2>/dev/null || echo 'see ApiDetectorTest')"
  echo "<!-- hub:end -->"
} > "$section"
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"<!-- hub:start -->.*?<!-- hub:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
rm -f "$section"
sed -n '/hub:start/,/hub:end/p' "$file"
