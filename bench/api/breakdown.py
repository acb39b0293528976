"""Where one request's time goes: the adapter layer (WSGI, middleware, ninja/Kannel view, authentication,
idempotency, rate limit, serialisation) against ``report_submit`` (validation, report, timeline, audit, outbox).

In one process, without HTTP: requests are built as WSGI environs and handed to Django's WSGI application, the
way gunicorn's sync worker does, so the figures are the worker's CPU per request minus socket and HTTP parsing.
``report_submit`` is wrapped to time it (CPU and wall) and to count its SQL statements separately.

    .venv/bin/python bench/api/breakdown.py                       # submit, read, SMS: 400 requests each
    .venv/bin/python bench/api/breakdown.py --requests 1000 --cprofile submit   # plus the top functions

Database: ``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/lapor_bench_api_profile`` (created,
migrated and given a tiny world when missing). Prints a table; stops by itself.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lapor_bench_api_profile")
os.environ.setdefault("LAPOR_API_ANON_RATE", "100000000")
os.environ.setdefault("LAPOR_SECURE_COOKIES", "0")
os.environ.setdefault("LAPOR_CHANNELS_THROTTLE_MESSAGES", "0")

from bench import benchlib  # noqa: E402

BODY = (
    '{"title":"Lampu jalan mati","body":"Lampu penerangan jalan di depan pasar mati sejak minggu lalu, mohon '
    'diperbaiki nomor %d","classification":"pengaduan","region":"53.71.04.1001",'
    '"reporter":{"name":"Warga Uji","phone":"081234567890"}}'
)


def world() -> str:
    """Regions, the root, Kota Kupang (keyword KOTKUPANG) and an integrator key; returns the key."""
    from lapor.agencies.choices import AgencyKind
    from lapor.agencies.models import Agency
    from lapor.agencies.services import agency_create
    from lapor.integrations.services import apikey_create
    from lapor.reference.models import Region

    for code, name, level, kind, parent in [
        ("53", "NTT", 1, "provinsi", None),
        ("53.71", "Kota Kupang", 2, "kota", "53"),
        ("53.71.04", "Oebobo", 3, "kecamatan", "53.71"),
        ("53.71.04.1001", "Oebobo", 4, "kelurahan", "53.71.04"),
    ]:
        Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "kind": kind, "parent_id": parent}
        )
    root = benchlib.ensure_root_agency()
    kupang = Agency.objects.filter(code="kotkupang").first() or agency_create(
        parent=root,
        code="kotkupang",
        name="Pemerintah Kota Kupang",
        kind=AgencyKind.KOTA,
        region_id="53.71",
        sms_keyword="KOTKUPANG",
    )
    return apikey_create(agency=kupang, name="profile", rate_per_minute=100_000_000).plaintext


def environ(method: str, path: str, query: str = "", body: bytes = b"", headers: dict | None = None) -> dict:
    env = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        "HTTP_HOST": "127.0.0.1:8000",
    }
    if body:
        env["CONTENT_LENGTH"] = str(len(body))
        env["CONTENT_TYPE"] = "application/json"
    for name, value in (headers or {}).items():
        env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


class Meter:
    """Wraps ``report_submit`` to time it and count its statements apart from the adapter's."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0
        self.calls = 0
        self.inner_queries = 0
        self.capture = None

    def install(self) -> None:
        from lapor.reports import services as rs

        original = rs.report_submit
        meter = self

        def timed(**kwargs):
            before = len(meter.capture.captured_queries) if meter.capture is not None else 0
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                return original(**kwargs)
            finally:
                meter.cpu += time.process_time() - c0
                meter.wall += time.perf_counter() - w0
                meter.calls += 1
                if meter.capture is not None:
                    meter.inner_queries += len(meter.capture.captured_queries) - before

        rs.report_submit = timed


def run_series(app, make, n: int, meter: Meter, *, count_queries: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    statuses: dict[int, int] = {}
    meter.cpu = meter.wall = 0.0
    meter.calls = meter.inner_queries = 0
    queries = 0
    c0, w0 = time.process_time(), time.perf_counter()
    for i in range(n):
        env = make(i)
        if count_queries:
            with CaptureQueriesContext(connection) as capture:
                meter.capture = capture
                status = _call(app, env)
            queries += len(capture.captured_queries)
            meter.capture = None
        else:
            status = _call(app, env)
        statuses[status] = statuses.get(status, 0) + 1
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    result = {"statuses": statuses, "cpu_ms": cpu * 1000 / n, "wall_ms": wall * 1000 / n}
    if meter.calls:
        result["submit_cpu_ms"] = meter.cpu * 1000 / n
        result["submit_wall_ms"] = meter.wall * 1000 / n
    if count_queries:
        result["queries"] = queries / n
        result["submit_queries"] = meter.inner_queries / n
    return result


def _call(app, env) -> int:
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = int(status.split()[0])

    for _chunk in app(env, start_response):
        pass
    return captured["status"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument(
        "--cprofile",
        choices=["submit", "submit-noidem", "read", "read-token", "sms", "sms-cek", "baseline-400"],
        action="append",
        default=[],
    )
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    benchlib.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 400/404 series would log every request
    from django.core.wsgi import get_wsgi_application

    key = world()
    app = get_wsgi_application()
    meter = Meter()
    meter.install()
    auth = {"Authorization": f"Bearer {key}"}
    stamp = int(time.time())
    # one report to read
    _call(app, environ("POST", "/api/v1/reports", body=(BODY % 0).encode(), headers=auth))
    from lapor.reports.models import Report

    tid, token = Report.objects.order_by("-pk").values_list("tracking_id", "access_token").first()
    series = {
        "submit": lambda i: environ(
            "POST",
            "/api/v1/reports",
            body=(BODY % i).encode(),
            headers={**auth, "Idempotency-Key": f"p-{stamp}-{i}-{os.getpid()}"},
        ),
        "submit-noidem": lambda i: environ("POST", "/api/v1/reports", body=(BODY % i).encode(), headers=auth),
        "read": lambda i: environ("GET", f"/api/v1/reports/{tid}", headers=auth),
        "read-token": lambda i: environ("GET", f"/api/v1/reports/{tid}", headers={"X-Report-Token": token}),
        "read-public": lambda i: environ("GET", f"/api/v1/reports/{tid}"),
        "sms": lambda i: environ(
            "GET",
            "/channels/sms/kannel",
            query=f"from=%2B62813{stamp % 10000:04d}{i:05d}&to=1708&ts=2026-11-02+01%3A00%3A00&id=p{stamp}-{i}"
            f"&text=KOTKUPANG+jalan+rusak+berlubang+di+depan+SD+Inpres+Oebobo+nomor+{i}",
        ),
        "sms-cek": lambda i: environ(
            "GET", "/channels/sms/kannel", query=f"from=%2B6281111111111&to=1708&text=CEK+{tid}"
        ),
        "baseline-400": lambda i: environ("GET", "/channels/sms/kannel", query="to=1708&text=kalibrasi"),
    }
    results = {}
    for name, make in series.items():
        offset = {"submit": 10**6, "submit-noidem": 2 * 10**6, "sms": 0}.get(name, 0)
        for i in range(20):  # warm-up
            _call(app, make(offset + 900_000 + i) if name.startswith(("submit", "sms")) else make(i))
        timed = run_series(app, lambda i, m=make, o=offset: m(o + i), args.requests, meter, count_queries=False)
        counted = run_series(
            app, lambda i, m=make, o=offset: m(o + 500_000 + i), min(50, args.requests), meter, count_queries=True
        )
        timed["queries"] = counted["queries"]
        if "submit_queries" in counted and counted.get("submit_queries") is not None and meter.calls:
            timed["submit_queries"] = counted["submit_queries"]
        results[name] = timed
    if args.json:
        print(json.dumps(results, indent=2))
    print(f"{benchlib.machine_line()} · {benchlib.database_label()} · {args.requests} requests per series")
    head = f"{'series':14s} {'CPU ms':>7s} {'wall ms':>8s} {'queries':>8s}"
    print(f"{head} {'in report_submit: CPU ms':>25s} {'queries':>8s}")
    for name, r in results.items():
        inner = f"{r['submit_cpu_ms']:25.2f} {r.get('submit_queries', 0):8.1f}" if "submit_cpu_ms" in r else ""
        print(f"{name:14s} {r['cpu_ms']:7.2f} {r['wall_ms']:8.2f} {r['queries']:8.1f} {inner}   {r['statuses']}")
    for name in args.cprofile:
        profiler = cProfile.Profile(time.process_time)  # CPU time: waits for PostgreSQL do not count
        offset = 3 * 10**6
        profiler.enable()
        for i in range(args.requests):
            _call(app, series[name](offset + i) if name in ("submit", "submit-noidem", "sms") else series[name](i))
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(f"\n--- cProfile: {name}, {args.requests} requests, by cumulative time ---")
        print(out.getvalue())
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.print_callees(
            r"operation.py.*\(run\)|api/api.py.*\((submit|idempotent|run|get_report|_report)\)|conversation.py.*_process"
        )
        print(f"\n--- cProfile: {name}, by own time ---")
        print(out.getvalue())


if __name__ == "__main__":
    main()
