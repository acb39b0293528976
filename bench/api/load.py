"""REST API load benchmark against a real gunicorn (sync workers) on PostgreSQL, driven by wrk on loopback.

Measures:
* submit: ``POST /api/v1/reports`` (validation, report, timeline, audit chain, outbox; durable commit)
  at 32 connections — goal ≥ 850 reports/s with p99 ≤ 50 ms;
* read: ``GET /api/v1/reports/{tracking_id}`` at 4 connections — goal ≥ 900 req/s with p99 ≤ 10 ms.

Usage: ``.venv/bin/python bench/api/load.py [--seconds 15] [--workers 5]`` (needs ``wrk``: apt-get install wrk).
Uses its own database ``lapor_bench_api`` (dropped and recreated). Prints the figures; stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB = "lapor_bench_api"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB}"

POST_LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(key)s"
local n = 0
request = function()
  n = n + 1
  local body = '{"title":"Lampu jalan mati","body":"Lampu penerangan jalan di depan pasar mati sejak minggu lalu, ' ..
    'mohon diperbaiki nomor ' .. n .. '","classification":"pengaduan","region":"53.71.04.1001",' ..
    '"reporter":{"name":"Warga Uji","phone":"081234567890"}}'
  return wrk.format(nil, "/api/v1/reports", nil, body)
end
"""
GET_LUA = r"""
wrk.headers["Authorization"] = "Bearer %(key)s"
local ids = {%(ids)s}
local i = 0
request = function()
  i = i %% #ids + 1
  return wrk.format("GET", "/api/v1/reports/" .. ids[i])
end
"""


def run(cmd: list[str], env: dict, **kw) -> str:
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd=ROOT, **kw).stdout  # noqa: S603


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
    raise SystemExit(f"server did not start on {port}")


def parse_wrk(output: str) -> dict:
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 2) + 1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    data_dir = tempfile.mkdtemp(prefix="lapor-bench-")
    env = {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "LAPOR_DATA_DIR": data_dir,
        "LAPOR_SECURE_COOKIES": "0",
        "LAPOR_API_ANON_RATE": "100000000",
        "LAPOR_DB_CONN_MAX_AGE": "600",
    }
    py = sys.executable
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB], check=True)  # noqa: S607
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], check=True)  # noqa: S607
    run([py, "manage.py", "migrate", "-v0"], env)
    setup = r"""
import json
from lapor.agencies.choices import AgencyKind
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_create
from lapor.integrations.services import apikey_create
from lapor.reference.models import Region
for code, name, level, kind, parent in [("53", "NTT", 1, "provinsi", None), ("53.71", "Kota Kupang", 2, "kota", "53"),
        ("53.71.04", "Oebobo", 3, "kecamatan", "53.71"), ("53.71.04.1001", "Oebobo", 4, "kelurahan", "53.71.04")]:
    Region.objects.get_or_create(code=code, defaults=dict(name=name, level=level, kind=kind, parent_id=parent))
root = Agency.objects.add_root(instance=Agency(code="lapor", name="LAPOR!", kind=AgencyKind.NATIONAL))
kupang = agency_create(parent=root, code="kotkupang", name="Pemerintah Kota Kupang", kind=AgencyKind.KOTA,
                       region_id="53.71", sms_keyword="KOTKUPANG")
print(json.dumps({"key": apikey_create(agency=kupang, name="bench", rate_per_minute=100000000).plaintext}))
"""
    key = json.loads(run([py, "manage.py", "shell", "-c", setup], env).strip().splitlines()[-1])["key"]
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            py,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--worker-class",
            "sync",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    results = {}
    try:
        wait_port(port)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
            fh.write(POST_LUA % {"key": key})
            post_script = fh.name
        subprocess.run(
            ["wrk", "-t2", "-c32", "-d3s", "-s", post_script, f"http://127.0.0.1:{port}"],  # noqa: S607
            capture_output=True,
            check=True,
        )  # warm-up
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c32",
                f"-d{args.seconds}s",
                "--latency",
                "-s",
                post_script,  # noqa: S607
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results["submit_c32"] = parse_wrk(out)
        print("submit:", results["submit_c32"], flush=True)
        if results["submit_c32"]["rps"] == 0:
            print(out, flush=True)
        ids_out = run(
            [
                py,
                "manage.py",
                "shell",
                "-c",
                "from lapor.reports.models import Report; import json; "
                "print(json.dumps(list(Report.objects.values_list('tracking_id', flat=True)[:2000])))",
            ],
            env,
        )
        ids = json.loads(ids_out.strip().splitlines()[-1])
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
            fh.write(GET_LUA % {"key": key, "ids": ",".join(f'"{i}"' for i in ids)})
            get_script = fh.name
        done = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c4",
                f"-d{args.seconds}s",
                "--latency",
                "-s",
                get_script,  # noqa: S607
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"wrk failed: {done.stdout}\n{done.stderr}")
        out = done.stdout
        results["read_c4"] = parse_wrk(out)
        count = run(
            [py, "manage.py", "shell", "-c", "from lapor.reports.models import Report; print(Report.objects.count())"],
            env,
        )
        results["reports_in_db"] = int(count.strip().splitlines()[-1])
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    print(json.dumps(results, indent=2))
    submit, read = results["submit_c32"], results["read_c4"]
    print(
        f"submit  @32 conns: {submit['rps']:8.0f} reports/s  p50 {submit['p50_ms']:.1f} ms  p99 "
        f"{submit['p99_ms']:.1f} ms  non-2xx {submit['non_2xx']}   (goal ≥ 850/s, p99 ≤ 50 ms)"
    )
    print(
        f"read    @4 conns:  {read['rps']:8.0f} req/s      p50 {read['p50_ms']:.1f} ms  p99 "
        f"{read['p99_ms']:.1f} ms  non-2xx {read['non_2xx']}   (goal ≥ 900/s, p99 ≤ 10 ms)"
    )


if __name__ == "__main__":
    main()
