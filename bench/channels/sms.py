"""SMS intake throughput through the Kannel endpoint (``GET /channels/sms/kannel``), as smsbox would call it.

Default: a real gunicorn (sync workers, production settings) on loopback and PostgreSQL, driven by ``wrk`` with
distinct senders and message IDs, so every request files a new report (keyword routing, report, timeline, audit
chain, outbox, inbound message, one durable commit). Then the same message IDs again (gateway retries: answered
from the stored reply) and ``CEK <id>`` status requests. Without ``wrk`` (or with ``--client``) the same
messages go through Django's test client in this process, which measures the view and services without HTTP.

    .venv/bin/python bench/channels/sms.py                 # 10 s per phase, goal ≥ 500 messages/s
    .venv/bin/python bench/channels/sms.py --seconds 5 --connections 16
    .venv/bin/python bench/channels/sms.py --client --messages 2000

Uses its own database ``lapor_bench_api_sms`` (dropped and recreated), stops its server, prints the figures.
Bounded: each wrk phase runs ``--seconds``; the client mode sends ``--messages`` and stops after ``--seconds``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.benchlib import _cpu_times  # noqa: E402

DB = "lapor_bench_api_sms"  # bench databases of the API/channels benchmarks start with lapor_bench_api
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
GOAL = 500

# Every wrk thread numbers its own messages; sender and message ID are unique per request, so each files a report.
INTAKE_LUA = r"""
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
function init(args)
  n = 0
  prefix = args[1] or "run"
end
request = function()
  n = n + 1
  local path = string.format(
    "/channels/sms/kannel?from=%%2B628%d%08d&to=1708&ts=2026-11-02+01%%3A00%%3A00&id=%s-%d-%d&text=" ..
    "KOTKUPANG+jalan+rusak+berlubang+di+depan+SD+Inpres+Oebobo+nomor+%d", tid, n, prefix, tid, n, n)
  return wrk.format("GET", path)
end
"""
# Calibration: the same endpoint refusing a request without sender (400) — Django, middleware, no database.
BASELINE_LUA = r"""
request = function()
  return wrk.format("GET", "/channels/sms/kannel?to=1708&text=kalibrasi")
end
"""
MINIMAL_VIEW_IDLE_PER_S = 6700  # ../shared/PERF-FACTS.md: minimal Django view, gunicorn 5 sync workers, 2 idle cores
CEK_LUA = r"""
local ids = {%(ids)s}
local i = 0
request = function()
  i = i %% #ids + 1
  return wrk.format("GET", "/channels/sms/kannel?from=%%2B6281111111111&to=1708&text=CEK+" .. ids[i])
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


def run(cmd: list[str], env: dict) -> str:
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd=ROOT).stdout  # noqa: S603


def manage_shell(env: dict, code: str) -> str:
    return run([sys.executable, "manage.py", "shell", "-c", code], env).strip().splitlines()[-1]


SETUP = r"""
from lapor.agencies.choices import AgencyKind
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_create
root = Agency.objects.add_root(instance=Agency(code="lapor", name="LAPOR! Nasional", kind=AgencyKind.NATIONAL))
agency_create(parent=root, code="kotkupang", name="Pemerintah Kota Kupang", kind=AgencyKind.KOTA,
              sms_keyword="KOTKUPANG")
print("ok")
"""


def parse_wrk(output: str) -> dict:
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    latency = {p: ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "per_s": rps,
        "requests": total,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def _cpu_seconds_by_pid(server_pid: int) -> dict[tuple[str, int], float]:
    """User+system CPU seconds of the gunicorn workers (children of ``server_pid``) and of the PostgreSQL backends
    serving the bench database, from /proc (Linux). Empty where /proc is unavailable.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        ppid, utime, stime = int(fields[1]), int(fields[11]), int(fields[12])
        if ppid == server_pid:
            found[("gunicorn", int(entry.name))] = (utime + stime) / ticks
        elif cmdline.startswith("postgres:") and f" {DB} " in cmdline:
            found[("postgres", int(entry.name))] = (utime + stime) / ticks
    return found


def cpu_ms_per_message(before: dict, after: dict, messages: int) -> dict[str, float] | None:
    """CPU milliseconds per message, by kind of process (``gunicorn``, ``postgres``) and in total."""
    if not after or not messages:
        return None
    spent = {"gunicorn": 0.0, "postgres": 0.0}
    for key, seconds in after.items():
        spent[key[0]] += seconds - before.get(key, 0.0)
    return {kind: round(value * 1000 / messages, 2) for kind, value in {**spent, "total": sum(spent.values())}.items()}


def wrk(port: int, script: str, *, seconds: int, connections: int, args: list[str] = (), timeout: int = 5) -> dict:
    """One wrk run; ``others`` is the share of the machine that processes other than ours (gunicorn, its
    PostgreSQL backends, wrk) used meanwhile: other sessions share these two cores.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s", "--latency", "-s", fh.name]
    cmd += [f"http://127.0.0.1:{port}", "--", *args]
    ours0, machine0 = sum(_cpu_seconds_by_pid(SERVER_PID[0]).values()), _cpu_times()
    wrk0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 30).stdout  # noqa: S603
    wrk1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ours1, machine1 = sum(_cpu_seconds_by_pid(SERVER_PID[0]).values()), _cpu_times()
    os.unlink(fh.name)
    result = parse_wrk(out)
    ticks = os.sysconf("SC_CLK_TCK")
    ours = ours1 - ours0 + (wrk1.ru_utime + wrk1.ru_stime) - (wrk0.ru_utime + wrk0.ru_stime)
    total = max(1, machine1[1] - machine0[1]) / ticks
    result["others"] = round(max(0.0, (machine1[0] - machine0[0]) / ticks - ours) / total, 3)
    return result


SERVER_PID = [0]


# Load Django and import every URL module once in the master: the forked workers start warm instead of each
# importing (and, without cached bytecode, compiling) the whole project on its first requests.
GUNICORN_CONFIG = """
preload_app = True


def when_ready(server):
    from django.urls import get_resolver

    get_resolver().url_patterns
    import lapor.channels.conversation  # noqa: F401
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # no log line per refused request
"""


def bench_gunicorn(args: argparse.Namespace, env: dict) -> dict:
    port = free_port()
    config = Path(env["LAPOR_DATA_DIR"]) / "gunicorn_bench.py"
    config.write_text(GUNICORN_CONFIG)
    server = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "-c", str(config)]
        + ["--workers", str(args.workers), "--worker-class", "sync", "--no-control-socket", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    SERVER_PID[0] = server.pid
    results: dict = {"mode": f"gunicorn {args.workers} sync workers + wrk, {args.connections} connections"}
    try:
        wait_port(port)
        # Every worker imports and compiles its code on its first requests: warm them all up before measuring.
        wrk(port, INTAKE_LUA, seconds=5, connections=args.connections, args=["warmup"], timeout=20)
        before = _cpu_seconds_by_pid(server.pid)
        results["baseline"] = wrk(port, BASELINE_LUA, seconds=args.seconds // 2 or 1, connections=args.connections)
        results["baseline"]["cpu_ms_per_message"] = cpu_ms_per_message(
            before, _cpu_seconds_by_pid(server.pid), results["baseline"]["requests"]
        )
        # New reports; a run disturbed by other processes (> --max-others) is repeated with fresh message IDs.
        for attempt in range(args.attempts):
            before = _cpu_seconds_by_pid(server.pid)
            prefix = f"run{attempt}"
            intake = wrk(port, INTAKE_LUA, seconds=args.seconds, connections=args.connections, args=[prefix])
            cpu_ms = cpu_ms_per_message(before, _cpu_seconds_by_pid(server.pid), intake["requests"])
            if cpu_ms:
                intake["cpu_ms_per_message"] = cpu_ms
                intake["capacity_2_idle_cores_per_s"] = round(2000 / cpu_ms["total"])
            intake["prefix"], intake["attempt"] = prefix, attempt + 1
            print(f"  intake attempt {attempt + 1}: {intake['per_s']:.0f}/s, others {intake['others']:.0%}", flush=True)
            if "intake" not in results or intake["others"] < results["intake"]["others"]:
                results["intake"] = intake
            if intake["others"] <= args.max_others:
                break
            time.sleep(5)
        # The same message IDs again: Kannel retrying after a time-out gets the stored answer.
        results["retry"] = wrk(
            port,
            INTAKE_LUA,
            seconds=args.seconds // 2 or 1,
            connections=args.connections,
            args=[results["intake"]["prefix"]],
        )
        ids = json.loads(
            manage_shell(
                env,
                "import json; from lapor.reports.models import Report; "
                "print(json.dumps(list(Report.objects.values_list('tracking_id', flat=True)"
                "[:2000])))",
            )
        )
        script = CEK_LUA % {"ids": ",".join(f'"{i}"' for i in ids)}
        results["cek"] = wrk(port, script, seconds=args.seconds // 2 or 1, connections=args.connections)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return results


def bench_client(args: argparse.Namespace, env: dict) -> dict:
    """In-process: Django's test client, one process (no HTTP server, no network)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client()
    started = time.perf_counter()
    deadline = started + args.seconds
    sent = 0
    latencies = []
    while sent < args.messages and time.perf_counter() < deadline:
        sent += 1
        t0 = time.perf_counter()
        response = client.get(
            "/channels/sms/kannel",
            {
                "from": f"+62813{sent:08d}",
                "to": "1708",
                "id": f"client-{sent}",
                "ts": "2026-11-02 01:00:00",
                "text": f"KOTKUPANG jalan rusak berlubang di depan SD Inpres Oebobo nomor {sent}",
            },
        )
        latencies.append(time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"unexpected {response.status_code}: {response.content[:200]!r}")
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "mode": "Django test client, one process",
        "intake": {
            "per_s": sent / elapsed,
            "requests": sent,
            "p50_ms": latencies[len(latencies) // 2] * 1000,
            "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
            "non_2xx": 0,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of the intake phase (default 10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 2) + 1)
    parser.add_argument("--attempts", type=int, default=3, help="repeat a disturbed intake run up to this often")
    parser.add_argument("--max-others", type=float, default=0.10, help="others' share of the CPUs that is tolerated")
    parser.add_argument("--client", action="store_true", help="Django test client in-process instead of gunicorn")
    parser.add_argument("--messages", type=int, default=3000, help="client mode: how many messages at most")
    args = parser.parse_args()
    client_mode = args.client or not shutil.which("wrk")
    load_before = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    data_dir = tempfile.mkdtemp(prefix="lapor-bench-channels-")
    env = {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "LAPOR_DATA_DIR": data_dir,
        "LAPOR_LOG_LEVEL": "WARNING",
        "LAPOR_DB_CONN_MAX_AGE": "600",
        "LAPOR_SECURE_COOKIES": "0",
        # Cache bytecode outside the repository even where PYTHONDONTWRITEBYTECODE is set.
        "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "lapor-bench-pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *pg, "--if-exists", DB], check=True)  # noqa: S603,S607 - fixed arguments
    subprocess.run(["createdb", *pg, DB], check=True)  # noqa: S603,S607 - fixed arguments
    try:
        run([sys.executable, "manage.py", "migrate", "-v0"], env)
        manage_shell(env, SETUP)
        results = bench_client(args, env) if client_mode else bench_gunicorn(args, env)
        if not client_mode:
            results["reports_in_db"] = int(
                manage_shell(env, "from lapor.reports.models import Report; print(Report.objects.count())")
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print(json.dumps(results, indent=2))
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"mode: {results['mode']} · PostgreSQL · {os.cpu_count()} CPUs (load generator on the same cores)")
    print(f"load average before the run: {load_before}; after: {load} (other work on these cores lowers the figures)")
    phases = (("baseline", "calibration (400)"), ("intake", "new reports"), ("retry", "retries (replayed)"))
    for phase, label in (*phases, ("cek", "CEK status")):
        if phase in results:
            r = results[phase]
            others = f"  others {r['others']:.0%}" if "others" in r else ""
            print(
                f"{label:20s} {r['per_s']:8.0f} messages/s  p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms  "
                f"non-2xx {r['non_2xx']}{others}"
            )
    if "cpu_ms_per_message" in results["intake"]:
        r = results["intake"]
        cpu = r["cpu_ms_per_message"]
        print(
            f"CPU per new report: {cpu['total']:.1f} ms (gunicorn workers {cpu['gunicorn']:.1f} + PostgreSQL "
            f"{cpu['postgres']:.1f}) → about {r['capacity_2_idle_cores_per_s']} messages/s on two cores doing nothing "
            "else at this CPU speed"
        )
    if "baseline" in results and results["baseline"]["per_s"]:
        ratio = results["baseline"]["per_s"] / results["intake"]["per_s"]
        estimate = MINIMAL_VIEW_IDLE_PER_S / ratio
        results["idle_estimate_per_s"] = round(estimate)
        print(
            f"one SMS report costs {ratio:.1f}× a minimal request here; with the measured idle ceiling of "
            f"{MINIMAL_VIEW_IDLE_PER_S}/s for a minimal view that is about {estimate:.0f} messages/s on an idle machine"
        )
    verdict = "meets" if results["intake"]["per_s"] >= GOAL else "BELOW"
    print(f"SMS intake: {results['intake']['per_s']:.0f} messages/s — {verdict} the goal of ≥ {GOAL}/s")


if __name__ == "__main__":
    main()
