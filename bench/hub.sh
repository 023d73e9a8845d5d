#!/usr/bin/env bash
# Hub benchmark (not run by CI): the proxy against calling the upstream (a real nginx on loopback) directly, side by
# side in one run, at 1 and 16 connections, with wrk; then detection of 50 services with 10 dead ones (ApiDetectorTest
# prints its time). Needs wrk and nginx. Writes its own section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null && [ -x /usr/sbin/nginx ] || { echo "install wrk and nginx first" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -o test -Dtest=HubProxyBench -Dsurefire.failIfNoSpecifiedTests=false
mvn -B -o test -Dtest='ApiDetectorTest#fiftyServicesWithTenDeadAreDetectedWithinAboutOneProbeTimeout' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.redirectTestOutputToFile=false 2>&1 | grep -o 'detected 50 services.*' > target/bench-detect.txt || true
file=docs/benchmarks.md
[ -f "$file" ] || echo "# Benchmarks" > "$file"
section=$(mktemp)
{
  echo "<!-- hub:start -->"
  echo "## Integration hub: proxy overhead and detection ($(date -u +%Y-%m-%d), $(nproc) cores, bench/hub.sh)"
  echo
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2), nginx serving a 90-byte JSON on"
  echo "loopback; the proxy route is \`GET /api/v1/services/web/proxy?path=/api/status\` with a viewer's API key (role check,"
  echo "action catalog, audit row, SSRF checks, the upstream's answer re-shaped as \`{success, status, data}\`). Hearth runs in its"
  echo "test profile (JVM mode, SQLite) on the same box as wrk and nginx."
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
