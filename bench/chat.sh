#!/usr/bin/env bash
# Benchmark (issue 13, item 7, the idle-RSS line): what the chat doors add to an idle Hearth. Side by side in the same
# run, started together from the same jar with the launcher's flags: one Hearth with the Telegram bot long-polling the
# Telegram double (src/test's FakeTelegram, run by TelegramDoubleMain on loopback), the assistant asked and the MCP
# server in use; one with the bot off, mcp.enabled false and the assistant never asked. Both get the same warm-up,
# then idle together, then VmRSS, RssAnon and the thread count of each JVM. Rounds of fresh pairs; medians quoted.
# Target: the first ≤ 15 MB over the second.
# Two baselines side by side: no services at all, and one plain HTTP service in both (so the JDK's HTTP client and
# TLS stack, loaded by any Hearth that watches a service, is in both). Writes the "chat" section of docs/benchmarks.md.
# Knobs: BENCH_ROUNDS (3), BENCH_IDLE_S (10), BENCH_TELEGRAM (20 messages to the bot), BENCH_CHAT (60 commands),
# BENCH_MCP (20 sessions).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/hearth-bench-chat.XXXXXX)"
key="hth_bench_admin_key_chat_doors_0123456789abc"
token="737373:AAH-bench_chat_token_0123456789"
user=3001
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
for c in curl python3 mvn; do command -v "$c" >/dev/null || { echo "bench: install $c first" >&2; exit 1; }; done
hb() { python3 "$root/bench/lib/hb.py" "$@"; }

. "$root/bin/lib/java.sh"
require_jdk
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
# One build for both Hearths, then the double, which lives in src/test: compiled by the same package run.
# The build is skipped when the jar and the test classes are newer than every source (a box shared by several builds).
jar="$root/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" || ! -f "$root/target/test-classes/dev/hearth/fakes/TelegramDoubleMain.class" ]] \
  || [[ -n "$(find "$root/src" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -B -q -o package -DskipTests) >&2
fi
rm -f "$root/target/quarkus-app/hearth.aot" "$root/target/quarkus-app/hearth.jsa"
(cd "$root" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) >&2
cp="$root/target/test-classes:$root/target/classes:$(cat "$work/cp.txt")"
java_opts="$(HEARTH_PRINT_JVM_OPTS=1 "$root/bin/hearth")"

start_hearth() { # name config → port; the launcher's pid in $work/<name>.pid
  local name="$1" config="$2" port; port="$(hb port)"
  HEARTH_JAVA_OPTS="$java_opts" HEARTH_CONFIG="$config" HEARTH_PORT="$port" HEARTH_DATA_DIR="$work/data-$name" HEARTH_ADMIN_API_KEY="$key" \
    HEARTH_SERVER_HOST=127.0.0.1 HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 \
    "$root/bin/hearth" > "$work/hearth-$name.log" 2>&1 &
  echo $! > "$work/$name.pid"; echo "$port"
}
# The launcher runs java as its child (it restarts it for a restore): the resident set is the child's.
java_of() { local c; for c in $(pgrep -P "$1"); do [[ "$(readlink "/proc/$c/exe")" == */java ]] && { echo "$c"; return; }; done
  echo "bench: no java under launcher $1" >&2; exit 1; }
field() { awk -v f="$1:" '$1 == f {print $2}' "/proc/$2/status"; }
mb() { python3 -c "print('%.1f' % ($1 / 1024))"; }

use_assistant() {   # port: chat commands and MCP sessions, as the dashboard's chat box and an agent would
  python3 "$root/bench/lib/use_assistant.py" "$1" "$key" "${BENCH_CHAT:-60}" "${BENCH_MCP:-20}"
}

# Two baselines, each a pair side by side: "none", no services at all, as the target is written; "web", both Hearths
# watching one plain HTTP service, so the JDK's HTTP client and TLS stack (which any Hearth with a service loads) is
# in both and the difference is the chat doors' own.
classes() { "$JAVA_HOME/bin/jcmd" "$1" PerfCounter.print 2>/dev/null | awk -F= '/^java.cls.loadedClasses=/{l=$2} /^java.cls.unloadedClasses=/{u=$2} END {print l-u}'; }
# Where it lives: Java heap committed and used, Metaspace committed, code cache used (MB).
areas() {
  python3 - "$("$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null)" "$("$JAVA_HOME/bin/jcmd" "$1" PerfCounter.print 2>/dev/null)" \
    "$("$JAVA_HOME/bin/jcmd" "$1" Compiler.codecache 2>/dev/null)" <<'PY'
import re, sys
heap, perf, code = sys.argv[1], sys.argv[2], sys.argv[3]
gens = re.findall(r"(?:DefNew|Tenured|generation)\s+total (\d+)K, used (\d+)K", heap)
meta = re.search(r"^sun\.gc\.metaspace\.capacity=(\d+)", perf, re.M)
total = re.search(r"CodeCache:\s+size=\d+Kb,?\s+used=(\d+)Kb", code)
used = int(total.group(1)) if total else sum(int(k) for k in re.findall(r"used=(\d+)Kb", code))
print("%.1f / %.1f / %.1f / %.1f" % (sum(int(c) for c, _ in gens) / 1024, sum(int(u) for _, u in gens) / 1024,
      int(meta.group(1)) / 1048576 if meta else 0, used / 1024))
PY
}
declare -A rows areas_rows added added_anon with_rss without_rss answered_all packages
pair() { # baseline round
  local base="$1" round="$2" name="$1-$2"
  # The double first: the bot's configuration names its address.
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx64m -cp "$cp" dev.hearth.fakes.TelegramDoubleMain "$token" "$user" "${BENCH_TELEGRAM:-20}" \
    > "$work/telegram-$name.log" 2>&1 & local double=$!; pids+=("$double")
  for _ in $(seq 1 300); do grep -q '^ready ' "$work/telegram-$name.log" 2>/dev/null && break; sleep 0.1; done
  local url; url="$(awk '/^ready /{print $2}' "$work/telegram-$name.log")"
  [[ -n "$url" ]] || { echo "bench: the Telegram double did not start" >&2; cat "$work/telegram-$name.log" >&2; exit 1; }
  local services="services: []"
  [[ "$base" == web ]] && services=$'services:\n  - {name: web, url: "'"$url"'/"}'
  cat > "$work/with-$name.yml" <<YML
$services
mcp:
  enabled: true
telegram_bot:
  enabled: true
  bot_token: "$token"
  api_base_url: "$url"
  users:
    - {id: "$user", role: operator}
YML
  cat > "$work/without-$name.yml" <<YML
$services
mcp:
  enabled: false
telegram_bot:
  enabled: false
YML
  local with_port without_port with_pid without_pid
  with_port="$(start_hearth "with-$name" "$work/with-$name.yml")"; with_pid="$(cat "$work/with-$name.pid")"; pids+=("$with_pid")
  without_port="$(start_hearth "without-$name" "$work/without-$name.yml")"; without_pid="$(cat "$work/without-$name.pid")"; pids+=("$without_pid")
  for p in "$with_port" "$without_port"; do
    hb wait "$p" 180 >/dev/null || { echo "bench: Hearth on $p did not start" >&2; tail -n 30 "$work"/hearth-*-"$name".log >&2; exit 1; }
  done
  # The same 200 GETs for both; then the chat doors of the one that has them: the bot's conversation (the double
  # sends each message once the bot answered the one before), chat commands and MCP sessions.
  for p in "$with_port" "$without_port"; do
    hb warm "$p" "$key" 200 /health /api/v1/status /api/v1/services /metrics / >/dev/null
  done
  use_assistant "$with_port"
  for _ in $(seq 1 1800); do grep -q '^warmed ' "$work/telegram-$name.log" && break; sleep 0.1; done
  local answered; answered="$(awk '/^warmed /{print $2}' "$work/telegram-$name.log")"
  [[ -n "$answered" ]] || { echo "bench: the bot never answered the double" >&2; cat "$work/telegram-$name.log" >&2; exit 1; }
  answered_all[$base]+="$answered "
  local with_java without_java; with_java="$(java_of "$with_pid")"; without_java="$(java_of "$without_pid")"
  sleep "${BENCH_IDLE_S:-10}"   # idle, both at once (the bot keeps long-polling): the same noise falls on both
  local w_rss o_rss w_anon o_anon w_thr o_thr w_cls o_cls d da
  w_rss="$(field VmRSS "$with_java")"; o_rss="$(field VmRSS "$without_java")"
  w_anon="$(field RssAnon "$with_java")"; o_anon="$(field RssAnon "$without_java")"
  w_thr="$(field Threads "$with_java")"; o_thr="$(field Threads "$without_java")"
  w_cls="$(classes "$with_java")"; o_cls="$(classes "$without_java")"
  d="$(python3 -c "print('%.1f' % (($w_rss - $o_rss) / 1024))")"; da="$(python3 -c "print('%.1f' % (($w_anon - $o_anon) / 1024))")"
  added[$base]+="$d "; added_anon[$base]+="$da "; with_rss[$base]+="$(mb "$w_rss") "; without_rss[$base]+="$(mb "$o_rss") "
  rows[$base]+="| $round | $(mb "$w_rss") / $(mb "$w_anon") / $w_thr / $w_cls | $(mb "$o_rss") / $(mb "$o_anon") / $o_thr / $o_cls | $d | $da |"$'\n'
  areas_rows[$base]+="| $round | $(areas "$with_java") | $(areas "$without_java") |"$'\n'
  if [[ "$round" == "$rounds" ]]; then   # which classes the chat doors load, by package
    local v pid_v
    for v in with without; do
      pid_v="$with_java"; [[ "$v" == without ]] && pid_v="$without_java"
      "$JAVA_HOME/bin/jcmd" "$pid_v" VM.class_hierarchy > "$work/classes-$v-$base.txt" 2>/dev/null || true
      if [[ -n "${BENCH_KEEP_DUMPS:-}" ]]; then "$JAVA_HOME/bin/jcmd" "$pid_v" Thread.print > "$root/target/bench-chat-threads-$v-$base.txt" 2>&1 || true; fi
    done
    packages[$base]="$(python3 - "$work/classes-with-$base.txt" "$work/classes-without-$base.txt" <<'PY'
import collections, re, sys
def count(path):
    c = collections.Counter()
    for line in open(path, errors="replace"):
        m = re.match(r"[|\s-]*([A-Za-z_$][\w$.]*)/", line)
        if m and "." in m.group(1):
            c[".".join(m.group(1).split(".")[:3])] += 1
    return c
w, o = count(sys.argv[1]), count(sys.argv[2])
diff = sorted(((w[k] - o[k], k) for k in set(w) | set(o)), reverse=True)
print(", ".join(f"`{k}` +{d}" for d, k in diff[:10] if d > 0))
PY
)"
  fi
  for p in "$with_pid" "$without_pid" "$double"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}
rounds="${BENCH_ROUNDS:-3}"
baselines=(none web)
for round in $(seq 1 "$rounds"); do for base in "${baselines[@]}"; do pair "$base" "$round"; done; done
med() { python3 -c 'import sys; v=sorted(float(x) for x in sys.argv[1:]); print("%.1f" % v[len(v)//2])' "$@"; }
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
machine="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), kernel $(uname -r), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1 | tr -d '"'), Hearth commit $(git -C "$root" rev-parse --short HEAD)"
# shellcheck disable=SC2086
none_med="$(med ${added[none]})"; web_med="$(med ${added[web]})"
verdict() { python3 -c "print('met' if $1 <= 15 else 'MISSED')"; }
table() { local base="$1"
  echo "| round | *with*: VmRSS / RssAnon MB / threads / classes | *without*: VmRSS / RssAnon MB / threads / classes | added VmRSS MB | added RssAnon MB |"
  echo "|---|---|---|---:|---:|"
  printf '%s' "${rows[$base]}"
  echo
  # shellcheck disable=SC2086
  echo "Median added: **$(med ${added[$base]}) MB** VmRSS ($(med ${added_anon[$base]}) MB anonymous): **$(verdict "$(med ${added[$base]})")** against ≤ 15 MB. Medians of the Hearths: *with* $(med ${with_rss[$base]}) MB, *without* $(med ${without_rss[$base]}) MB. The bot answered ${answered_all[$base]}of ${BENCH_TELEGRAM:-20} messages per round."
  echo
  echo "Java heap committed / used, Metaspace committed, code cache used (MB; \`jcmd GC.heap_info\`, \`PerfCounter.print\`, \`Compiler.codecache\`, read right after):"
  echo
  echo "| round | *with* | *without* |"
  echo "|---|---|---|"
  printf '%s' "${areas_rows[$base]}"
  echo
  echo "Classes *with* loads beyond *without* (last round, by package, \`jcmd VM.class_hierarchy\`): ${packages[$base]}."
}
section="$work/section.md"
{
cat <<MD
## Chat doors: the idle RSS of the Telegram bot, the assistant and MCP (\`bench/chat.sh\`)

_Run ending $(date -u '+%Y-%m-%d %H:%M UTC') on $machine; load average (1/5/15 min) at the start $load_start, at the end $load_end. The machine is shared with other builds: read the side-by-side figures._

$rounds rounds of two pairs. In each pair two Hearths from the same jar (\`bin/hearth\` with the launcher's flags, no
start-up cache: \`$java_opts\`), started together: *with* has the Telegram bot on (long polling the Telegram double,
\`TelegramDoubleMain\`, on loopback; default 25 s poll), \`mcp.enabled: true\` and the offline assistant; *without* has
the bot off, \`mcp.enabled: false\`, and its assistant is never asked. Both got 200 GETs over \`/health\`,
\`/api/v1/status\`, \`/api/v1/services\`, \`/metrics\`, \`/\`; *with* then had ${BENCH_TELEGRAM:-20} messages from a
Telegram user (each sent once the bot answered the one before), ${BENCH_CHAT:-60} chat commands on
\`/api/v1/command\` and ${BENCH_MCP:-20} MCP sessions (initialize, tools/list, tools/call, a stateless tools/list). Then
${BENCH_IDLE_S:-10} s idle together, then \`/proc/<pid>/status\` of each JVM and its loaded classes
(\`jcmd PerfCounter.print\`).

**Baseline "none": no services at all** (the target as written). Added: **$none_med MB**, $(verdict "$none_med").

$(table none)

**Baseline "web": both watch one plain HTTP service** (so both have the JDK's HTTP client and its TLS stack, which
any Hearth with one service loads; the difference is the chat doors' own). Added: **$web_med MB**, $(verdict "$web_med").

$(table web)

Reading it: against "none" the bot's one HTTP client is the first in that Hearth, so the JDK's HTTP client and its
TLS stack (\`jdk.internal.net\`, \`sun.security.*\`: about 560 classes, and the parsed CA certificates) count as the
chat doors'; the real bot needs them anyway (api.telegram.org is HTTPS), and any Hearth that watches one service has
them already, which is what "web" shows. The rest of the gap is mostly the Java heap as committed (the serial
collector sized its young generation up under *with*'s heavier warm-up; in "none" the heap in use is not larger), then
Metaspace and the code cache of the assistant, the bot and MCP.
MD
} > "$section"
hb splice "$root/docs/benchmarks.md" chat "$section"
cat "$section"
