#!/usr/bin/env bash
# Dashboard benchmark (not run by CI): the overview's first load in real headless Chromium with a session
# cookie and an empty cache — bytes over the wire and time to interactive, from Chromium's own Navigation
# and Resource Timing. Needs: apt-get install -y chromium chromium-driver. Writes its own section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v chromedriver >/dev/null || { echo "install chromium and chromium-driver first" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q test -Dtest=DashboardBench -Dhearth.bench=true -Dsurefire.failIfNoSpecifiedTests=false
file=docs/benchmarks.md
[ -f "$file" ] || echo "# Benchmarks" > "$file"
section=$(mktemp)
{
  echo "<!-- dashboard:start -->"
  echo "## Dashboard first load ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -r), $(chromium --version 2>/dev/null | head -1 | cut -d' ' -f1-2), bench/dashboard.sh)"
  echo
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). The overview at \`/#/overview\`, signed in, browser cache cleared before"
  echo "each load (CDP \`Network.clearBrowserCache\`), Hearth in its test profile on loopback; one unmeasured warm-up load."
  echo "Sizes are Chromium's \`transferSize\` summed over the navigation and every resource and API response;"
  echo "times are from navigation start. The WebSocket is not counted. The monitoring page loads uPlot (≈51 KB) on demand; the overview draws its sparklines as SVG."
  echo
  cat target/bench-dashboard.md
  echo "<!-- dashboard:end -->"
} > "$section"
# replace our section if present, else append it; the rest of the file belongs to others
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"<!-- dashboard:start -->.*?<!-- dashboard:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
rm -f "$section"
sed -n '/dashboard:start/,/dashboard:end/p' "$file"
