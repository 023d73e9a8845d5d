#!/usr/bin/env bash
# Monitoring benchmarks (not run by CI): collector cost per sample beside a prometheus-node-exporter
# scrape in the same run, 30-day history queries at 5m and 1h, WebSocket fan-out to 500 clients.
# Needs: apt-get install -y prometheus-node-exporter. Writes its own section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v prometheus-node-exporter >/dev/null || { echo "install prometheus-node-exporter first" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q test -Dtest=MonitoringBench -Dhearth.bench=true -Dsurefire.failIfNoSpecifiedTests=false
file=docs/benchmarks.md
[ -f "$file" ] || echo "# Benchmarks" > "$file"
section=$(mktemp)
{
  echo "<!-- monitoring:start -->"
  echo "## Monitoring ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -r), bench/monitoring.sh)"
  echo
  echo "| What | Measured | Result | Target |"
  echo "|---|---|---|---|"
  cat target/bench-monitoring.md
  echo
  echo "Hearth's sample reads /proc and /sys in-process (CPU time of the sampling thread); the exporter's figure is"
  echo "the CPU time its own process spent per scrape (utime+stime from /proc/<pid>/stat, 10 ms ticks), with its default collectors."
  echo "<!-- monitoring:end -->"
} > "$section"
# replace our section if present, else append it; the rest of the file belongs to others
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"<!-- monitoring:start -->.*?<!-- monitoring:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
rm -f "$section"
sed -n '/monitoring:start/,/monitoring:end/p' "$file"
