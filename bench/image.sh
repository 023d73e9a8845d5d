#!/usr/bin/env bash
# bench/image.sh: builds the container image on a private dockerd, then measures its size, the time from
# `docker run` to the first 200 from /health, and the idle resident set of Hearth in the container after a
# warm-up; replaces the "Container image" section of docs/benchmarks.md. About 4 minutes.
# Base images: BENCH_IMAGE_BASES=public (the Dockerfile's defaults; needs a registry) or local (the default
# here: made from this machine's files, as ContainerImageIT does, with ~/.m2/repository as the Maven mirror).
# Needs root (dockerd), docker.io, python3, curl. Knobs: BENCH_WARM_REQUESTS (200), BENCH_IDLE_S (10).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
require_jdk
bases="${BENCH_IMAGE_BASES:-local}"
hb() { python3 "$root/bench/lib/hb.py" "$@"; }
tmp="$(mktemp -d /tmp/hearth-image-bench.XXXXXX)"
pids=()
cleanup() {
  [[ -S "$tmp/docker.sock" ]] && docker_ rm -f hearth-bench >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 150); do   # dockerd unmounts its layers on the way out: wait for it before removing them
    alive=false
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    [[ "$alive" == false ]] && break
    sleep 0.1
  done
  [[ -e "$tmp/exec/netns/default" ]] && umount "$tmp/exec/netns/default" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
docker_() { DOCKER_BUILDKIT=0 /usr/bin/docker -H "unix://$tmp/docker.sock" "$@"; }
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

dockerd --host "unix://$tmp/docker.sock" --data-root "$tmp/data" --exec-root "$tmp/exec" --pidfile "$tmp/docker.pid" \
  --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 >"$tmp/dockerd.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do docker_ version >/dev/null 2>&1 && break; sleep 0.1; done

build_args=()
if [[ "$bases" == local ]]; then
  for kind in runtime build; do
    bash "$root/src/test/resources/packaging/local-base-image.sh" "$kind" "$tmp/rootfs-$kind" "$JAVA_HOME"
  done
  tar -C "$tmp/rootfs-runtime" -c . | docker_ import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - hearth-bench/debian-slim:local >/dev/null
  tar -C "$tmp/rootfs-build" -c . | docker_ import -c 'ENV PATH=/opt/java/openjdk/bin:/usr/share/maven/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV JAVA_HOME=/opt/java/openjdk' - hearth-bench/maven-temurin:local >/dev/null
  mirror_port="$(hb port)"
  (cd "${HOME}/.m2/repository" && exec python3 -m http.server "$mirror_port" --bind 127.0.0.1 >/dev/null 2>&1) &
  pids+=($!)
  build_args=(--build-arg BUILD_IMAGE=hearth-bench/maven-temurin:local --build-arg RUNTIME_IMAGE=hearth-bench/debian-slim:local
              --build-arg "MAVEN_MIRROR=http://127.0.0.1:$mirror_port/")
  base_size=$(docker_ image inspect -f '{{.Size}}' hearth-bench/debian-slim:local)
fi
t0=$(date +%s)
(cd "$root" && docker_ build --network host "${build_args[@]}" -t hearth-bench/hearth:latest . >"$tmp/build.log" 2>&1) \
  || { tail -40 "$tmp/build.log" >&2; exit 1; }
build_s=$(( $(date +%s) - t0 ))
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1000000 }'; }
size=$(docker_ image inspect -f '{{.Size}}' hearth-bench/hearth:latest)
layers="$(docker_ history --format '{{.Size}}|{{.CreatedBy}}' hearth-bench/hearth:latest | grep -v '^0B' | head -n 4)"
runtime_layer=$(echo "$layers" | grep 'COPY dir' | tail -n1 | cut -d'|' -f1)
app_layer=$(echo "$layers" | grep 'COPY dir' | head -n1 | cut -d'|' -f1)
cache_layer=$(echo "$layers" | grep "echo 'hearth" | cut -d'|' -f1)

port="$(hb port)"
key="hth_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
t0=$(date +%s%N)
docker_ run -d --name hearth-bench --network host -e HEARTH_PORT="$port" -e HEARTH_SERVER_HOST=127.0.0.1 \
  -e HEARTH_ADMIN_API_KEY="$key" -e HEARTH_RATE_LIMITS_DEFAULT_PER_MINUTE=100000000 hearth-bench/hearth:latest >/dev/null
hb wait "$port" 90 >/dev/null
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
hb warm "$port" "$key" "${BENCH_WARM_REQUESTS:-200}" /health /api/v1/status /api/v1/openapi /metrics / >"$tmp/warm.md"
sleep "${BENCH_IDLE_S:-10}"
pid=$(docker_ inspect -f '{{.State.Pid}}' hearth-bench)
field() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
rss=$(field VmRSS); hwm=$(field VmHWM); anon=$(field RssAnon); file=$(field RssFile)
cgroup=$(docker_ stats --no-stream --format '{{.MemUsage}}' hearth-bench | cut -d/ -f1 | tr -d ' ')
exe=$(tr '\0' ' ' <"/proc/$pid/cmdline" | cut -d' ' -f1)

mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
{
  echo '## Container image (`bench/image.sh`)'
  echo
  echo "_Run ending $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs (${cpu:-unknown CPU}), $mem RAM, kernel $(uname -r), \
Docker $(docker_ version -f '{{.Server.Version}}'), Hearth commit $(git -C "$root" rev-parse --short HEAD)\
$(git -C "$root" diff --quiet HEAD -- src pom.xml Dockerfile packaging 2>/dev/null || echo ' (with uncommitted changes)'); \
load average (1/5/15 min) at the start $load_at_start, at the end $(cut -d' ' -f1-3 /proc/loadavg)._"
  echo
  if [[ "$bases" == local ]]; then
    echo "Built from base images made of this machine's files (no registry here; \`src/test/resources/packaging/local-base-image.sh\`):"
    echo "the runtime base is $(mb "$base_size") MB where \`debian:bookworm-slim\` is about 75 MB, so with the public base expect the"
    echo "image about $(( 75 - $(mb "$base_size") )) MB larger than measured here. Build: ${build_s} s (Maven from a mirror on loopback)."
  else
    echo "Built from the Dockerfile's public base images in ${build_s} s."
  fi
  echo
  echo "| what | figure |"
  echo "|---|---:|"
  echo "| image size (uncompressed, all layers) | **$(mb "$size") MB** |"
  echo "| of which the jlinked Java runtime (\`/opt/java\`) | $runtime_layer |"
  echo "| of which Hearth (\`/opt/hearth\`: the archive unpacked) | $app_layer |"
  echo "| of which the start-up cache recorded at build (and the user) | $cache_layer |"
  echo "| \`docker run\` to the first 200 from \`/health\` | $ready_ms ms |"
  echo "| VmRSS of Hearth's java after warm-up and ${BENCH_IDLE_S:-10} s idle | **$rss MB** |"
  echo "| VmHWM (peak) / RssAnon / RssFile | $hwm / $anon / $file MB |"
  echo "| the container's memory as \`docker stats\` counts it (its cgroup less the inactive page cache) | $cgroup |"
  echo
  echo "Warm-up requests (${BENCH_WARM_REQUESTS:-200} GETs with the admin key, as in section 2):"
  echo
  echo "| endpoint | requests | status × count | median ms | max ms |"
  echo "|---|---:|---|---:|---:|"
  cat "$tmp/warm.md"
  echo
  echo "The java process is \`$exe\` (the launcher execs it, with \`-XX:AOTCache=/opt/hearth/app/hearth.aot\`). Command: \`bench/image.sh\`."
} >"$tmp/image.md"
hb splice "$root/docs/benchmarks.md" image "$tmp/image.md"
cat "$tmp/image.md"
