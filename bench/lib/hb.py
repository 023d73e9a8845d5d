#!/usr/bin/env python3
"""Small helpers for bench/run: free ports, readiness polling, timed starts, wrk parsing, report splicing.

Standard library only. Every loop here is bounded by a count or a deadline, and every process started
here is stopped here (and its pid written to $BENCH_PIDS so bench/run's EXIT trap can stop it too).
"""
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, headers=None, timeout=2.0):
    """One GET on loopback; answers (status, body bytes), or (None, b"") when nothing listens yet."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    except (OSError, http.client.HTTPException):
        return None, b""
    finally:
        conn.close()


def wait_ready(port, deadline_s, proc=None, interval=0.010):
    """Polls GET /health every 10 ms until the first 200; answers seconds waited, or None on deadline/exit."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < deadline_s:
        if proc is not None and proc.poll() is not None:
            return None
        status, _ = get(port, "/health", timeout=1.0)
        if status == 200:
            return time.monotonic() - t0
        time.sleep(interval)
    return None


def remember_pid(pid):
    path = os.environ.get("BENCH_PIDS")
    if path:
        with open(path, "a") as f:
            f.write(f"{pid}\n")


def stop(proc, grace_s=15):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


STARTED_IN = re.compile(r"started in ([0-9.]+)s")


def launched_exe(pid):
    """The program the launcher runs: its child's (bin/hearth keeps java as its child to restart it after a restore)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            children = f.read().split()
    except OSError:
        children = []
    target = children[0] if children else pid
    try:
        return os.path.basename(os.readlink(f"/proc/{target}/exe"))
    except OSError:
        return "?"


def timed_start(launcher, data_dir, log_path, java_opts, env_extra, deadline_s):
    """Launches bin/hearth, times it to the first 200 from /health, stops it; answers a result dict."""
    port = free_port()
    env = dict(os.environ)
    env.update(env_extra)
    env.update({"HEARTH_PORT": str(port), "HEARTH_DATA_DIR": data_dir, "HEARTH_SERVER_HOST": "127.0.0.1"})
    if java_opts is not None:
        env["HEARTH_JAVA_OPTS"] = java_opts
    else:
        env.pop("HEARTH_JAVA_OPTS", None)
    with open(log_path, "w") as log:
        t0 = time.monotonic()
        proc = subprocess.Popen([launcher], env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        remember_pid(proc.pid)
        try:
            waited = wait_ready(port, deadline_s, proc)
            ready = None if waited is None else time.monotonic() - t0
            exe = launched_exe(proc.pid) if proc.poll() is None else "?"
        finally:
            stop(proc)
    started_in = None
    with open(log_path, errors="replace") as f:
        for line in f:
            m = STARTED_IN.search(line)
            if m:
                started_in = float(m.group(1))
    return {"ready_s": ready, "started_in_s": started_in, "exe": exe, "port": port}


def jvm_version_time(java):
    """The reference yardstick: how long a bare `java -version` takes right now on this machine."""
    t0 = time.monotonic()
    subprocess.run([java, "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=60)
    return time.monotonic() - t0


def cmd_startup(args):
    """startup LAUNCHER WORKDIR RUNS DEADLINE SPEC_JSON: for each repetition, a bare `java -version` (the
    yardstick), then for every variant in turn a start on a fresh data dir and a second start on the same
    dir, so the machine's noise falls on all variants alike. A variant {label, opts, train} with train
    true first gets one unmeasured start (for a shared archive or AOT cache to be written at its exit);
    one with a launcher of its own (another build, bench/startup-ab) is started by that one."""
    launcher, workdir, runs, deadline, spec = args
    runs, deadline = int(runs), float(deadline)
    variants = json.loads(spec)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
    os.makedirs(workdir, exist_ok=True)
    results = [{"label": v["label"], "java_opts": v.get("opts"), "fresh": [], "second": [], "java_version": [], "train": None}
               for v in variants]
    for n, (v, r) in enumerate(zip(variants, results)):
        if v.get("train"):
            d = os.path.join(workdir, f"v{n}-train")
            r["train"] = timed_start(v.get("launcher", launcher), d, d + ".log", v.get("train_opts", v.get("opts")), {}, deadline)
    for i in range(runs):
        jv = jvm_version_time(java)
        for n, (v, r) in enumerate(zip(variants, results)):
            r["java_version"].append(jv)
            d = os.path.join(workdir, f"v{n}-data-{i}")
            own = v.get("launcher", launcher)
            r["fresh"].append(timed_start(own, d, d + "-fresh.log", v.get("opts"), {}, deadline))
            r["second"].append(timed_start(own, d, d + "-second.log", v.get("opts"), {}, deadline))
    json.dump(results, sys.stdout, indent=1)


def summary(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    return {"median": statistics.median(vals), "min": min(vals), "max": max(vals), "n": len(vals), "missed": len(values) - len(vals)}


def ms(v):
    return "—" if v is None else f"{v * 1000:.0f}"


def cmd_startup_rows(args):
    """startup-rows FILE: markdown table rows (one per variant and kind of start) from cmd_startup's JSON."""
    with open(args[0]) as f:
        results = json.load(f)
    for r in results:
        for kind in ("fresh", "second"):
            ready = summary([x["ready_s"] for x in r[kind]])
            started = summary([x["started_in_s"] for x in r[kind]])
            if ready is None:
                print(f"| {r['label']} | {kind} | no start reached ready before the deadline | | | | |")
                continue
            missed = f" ({ready['missed']} missed the deadline)" if ready["missed"] else ""
            within = sum(1 for x in r[kind] if x["ready_s"] is not None and x["ready_s"] <= 2.0)
            print(f"| {r['label']} | {kind} | **{ms(ready['median'])}**{missed} | {ms(ready['min'])} | {ms(ready['max'])} "
                  f"| {ms(started['median']) if started else '—'} | {within}/{len(r[kind])} |")
    jv = summary(results[0]["java_version"])
    print()
    print(f"Yardstick measured in the same run: a bare `java -version` took {ms(jv['median'])} ms "
          f"(median; min {ms(jv['min'])}, max {ms(jv['max'])}).")


def cmd_startup_first(args):
    """startup-first FILE: the launcher's own first start after a build (it records its cache), from cmd_startup's JSON."""
    with open(args[0]) as f:
        first = json.load(f)[0].get("train")
    if first and first["ready_s"] is not None:
        print(f"First start after a build, launcher defaults on an empty data dir, recording the start-up cache: "
              f"**{ms(first['ready_s'])} ms** to ready (one start; the cache is assembled after it stops).")
    else:
        print("First start after a build: did not reach ready before the deadline.")


def cmd_warm(args):
    """warm PORT KEY COUNT PATH...: COUNT GETs spread over PATHs; prints per-path status counts and latencies."""
    port, key, count = int(args[0]), args[1], int(args[2])
    paths = args[3:]
    stats = {p: {"codes": {}, "times": []} for p in paths}
    for i in range(count):
        p = paths[i % len(paths)]
        t0 = time.monotonic()
        status, _ = get(port, p, {"X-API-Key": key}, timeout=10.0)
        stats[p]["times"].append(time.monotonic() - t0)
        stats[p]["codes"][str(status)] = stats[p]["codes"].get(str(status), 0) + 1
    for p, s in stats.items():
        t = sorted(s["times"])
        print(f"| `{p}` | {len(t)} | {', '.join(f'{c}×{n}' for c, n in sorted(s['codes'].items()))} "
              f"| {statistics.median(t) * 1000:.1f} | {t[-1] * 1000:.1f} |")


def cmd_wait(args):
    """wait PORT DEADLINE: exit 0 at the first 200 from /health, 1 on deadline."""
    waited = wait_ready(int(args[0]), float(args[1]))
    if waited is None:
        sys.exit(1)
    print(f"{waited:.3f}")


UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * UNIT[m.group(2)]


def cmd_wrk(args):
    """wrk FILE: JSON {rps, p50_ms, p99_ms, requests, non2xx, errors} from `wrk --latency` output."""
    with open(args[0]) as f:
        text = f.read()
    out = {"rps": None, "p50_ms": None, "p99_ms": None, "requests": None, "non2xx": 0, "errors": ""}
    if m := re.search(r"Requests/sec:\s+([0-9.]+)", text):
        out["rps"] = float(m.group(1))
    if m := re.search(r"^\s+50%\s+(\S+)", text, re.M):
        out["p50_ms"] = to_ms(m.group(1))
    if m := re.search(r"^\s+99%\s+(\S+)", text, re.M):
        out["p99_ms"] = to_ms(m.group(1))
    if m := re.search(r"(\d+) requests in", text):
        out["requests"] = int(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        out["non2xx"] = int(m.group(1))
    if m := re.search(r"Socket errors:.*", text):
        out["errors"] = m.group(0).strip()
    print(json.dumps(out))


def cmd_wrk_table(args):
    """wrk-table FILE: markdown for the status benchmark from a JSON list of {target, round, result}."""
    with open(args[0]) as f:
        rows = json.load(f)
    print("| round | target | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        x = r["result"]
        print(f"| {r['round']} | {r['target']} | {x['rps']:.0f} | {x['p50_ms']:.2f} | {x['p99_ms']:.2f} | {x['requests']} "
              f"| {x['non2xx']} | {x['errors'] or 'none'} |")
    targets = list(dict.fromkeys(r["target"] for r in rows))
    med = {}
    for t in targets:
        xs = [r["result"] for r in rows if r["target"] == t]
        med[t] = {k: statistics.median([x[k] for x in xs]) for k in ("rps", "p50_ms", "p99_ms")}
    print()
    print("| median over rounds | req/s | p50 ms | p99 ms | req/s vs nginx | p99 vs nginx |")
    print("|---|---:|---:|---:|---:|---:|")
    ref = med["nginx"]
    for t in targets:
        m = med[t]
        print(f"| {t} | {m['rps']:.0f} | {m['p50_ms']:.2f} | {m['p99_ms']:.2f} | **{m['rps'] / ref['rps']:.2f}×** "
              f"| {m['p99_ms'] / ref['p99_ms']:.1f}× |")
    print()
    ratio = med[targets[0]]["rps"] / ref["rps"]
    verdict = "met" if ratio >= 0.25 else f"missed: {ratio:.2f}× is {(0.25 - ratio) / 0.25 * 100:.0f}% short of 0.25×"
    print(f"Target ({targets[0]} ≥ 0.25× nginx's req/s): **{verdict}**.")


def cmd_splice(args):
    """splice DOC NAME FRAGMENT: replaces the section between <!-- bench:NAME --> markers (or appends it)."""
    doc, name, frag = args
    with open(frag) as f:
        body = f.read().rstrip("\n")
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    block = f"{begin}\n{body}\n{end}"
    with open(doc) as f:
        text = f.read()
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    with open(doc, "w") as f:
        f.write(text)


COMMANDS = {"port": lambda a: print(free_port()), "wait": cmd_wait, "startup": cmd_startup, "startup-rows": cmd_startup_rows, "startup-first": cmd_startup_first,
            "warm": cmd_warm, "wrk": cmd_wrk, "wrk-table": cmd_wrk_table, "splice": cmd_splice}

if __name__ == "__main__":
    # SIGTERM from bench/run's trap ends us through the finally blocks, which stop our children.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    COMMANDS[sys.argv[1]](sys.argv[2:])
