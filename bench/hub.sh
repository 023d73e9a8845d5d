#!/usr/bin/env bash
# Hub benchmark (not run by CI): the proxy against calling the upstream directly, side by side in one run, at 1 and
# 16 connections, with wrk, for two upstreams on loopback: a real nginx serving a file (also through nginx's own
# proxy_pass, a reference hop, and beside Hearth's /health, its floor) and the real qBittorrent (qbittorrent-nox with
# 25 paused torrents; its SID cookie directly, the vault's credentials through Hearth); then detection of 50 services
# with 10 dead ones (ApiDetectorTest prints its time). Needs wrk, nginx and qbittorrent-nox. Writes its own section of
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null && [ -x /usr/sbin/nginx ] && command -v qbittorrent-nox >/dev/null \
  || { echo "install wrk, nginx and qbittorrent-nox first" >&2; exit 1; }
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
  echo "commit $(git rev-parse --short HEAD), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1). Hearth runs in its test profile (JVM"
  echo "mode, SQLite) on the same box as wrk and the upstreams; each run lasts 8 s, direct and proxied back to back. The"
  echo "proxied call: \`GET /api/v1/services/{name}/proxy?path=…\` with a viewer's API key (role check, action catalog, audit"
  echo "entry batched, path confinement and address checks, the service's credentials, secrets masked in the answer, the"
  echo "upstream's JSON checked and spliced into \`{success, status, data}\`). Hearth's \`/health\` with the same key is the"
  echo "floor of any Hearth answer (Vert.x, the request gate and key check, a virtual thread, JSON)."
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
