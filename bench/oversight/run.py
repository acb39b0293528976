"""Oversight benchmark: dashboards, public statistics and exports on a national-size dataset (PostgreSQL).

    .venv/bin/python bench/oversight/run.py                      # 1,000,000 reports (generated if missing)
    .venv/bin/python bench/oversight/run.py --reports 5000000    # the issue's size (generation takes long)
    .venv/bin/python bench/oversight/run.py --no-generate --runs 10

The dataset lives in its own database (``lapor_bench_oversight`` unless DATABASE_URL says otherwise) and is made by
``bench/generate.py`` (bulk COPY, 600 instansi with units below them, Zipf-skewed owners, statuses by age). Then:

1. the statistics rollup is rebuilt in full, and an incremental refresh with nothing to do is timed;
2. pages are requested in-process through Django's test client, as the national admin, as the admin of the
   biggest instansi, of a unit inside it (breakdowns counted live), and anonymously for the public page —
   *cold* (figure cache emptied before every request) and *cached*;
3. an export of 100,000 rows (Excel in the LAPOR! layout, and CSV) runs in a fresh process that reports its time
   and peak memory (RSS and Python heap).

Targets (from the issue): national < 1 s, agency < 300 ms, public < 300 ms, 100,000-row export < 30 s with flat
memory. Every figure printed is measured on this machine; nothing is extrapolated.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/ (benchlib, generate)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lapor_bench_oversight")

import benchlib  # noqa: E402

TARGET_MS = {"national": 1000.0, "agency": 300.0, "unit": 300.0, "public": 300.0}
EXPORT_ROWS = 100_000


def ensure_dataset(target: int, allow_generate: bool) -> int:
    from lapor.reports.models import Report

    count = Report.objects.count()
    if count >= target:
        return count
    if not allow_generate:
        print(f"note: only {count:,} reports (target {target:,}); run without --no-generate to top it up")
        return count
    import generate

    print(f"{count:,} reports in the table, target {target:,}: generating {target - count:,} more")
    generate.generate(reports=target - count)
    return Report.objects.count()


def bench_users() -> dict[str, object]:
    """A national admin, a pengawas, and admins of the biggest instansi and of its biggest unit."""
    from django.db.models import Count

    from lapor.accounts.models import User
    from lapor.agencies.choices import Role
    from lapor.agencies.models import Agency, Membership
    from lapor.reports.models import Report

    root = benchlib.ensure_root_agency()
    biggest = (
        Report.objects.filter(owner_agency__depth=2)
        .values("owner_agency_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    instansi = Agency.objects.get(pk=biggest["owner_agency_id"]) if biggest else root
    unit_row = (
        Report.objects.filter(owner_agency__path__startswith=instansi.path, owner_agency__depth=3)
        .values("owner_agency_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    unit = Agency.objects.get(pk=unit_row["owner_agency_id"]) if unit_row else instansi
    users = {}
    for name, agency, role in (
        ("bench-nasional", root, Role.NATIONAL_ADMIN),
        ("bench-instansi", instansi, Role.AGENCY_ADMIN),
        ("bench-unit", unit, Role.AGENCY_ADMIN),
    ):
        user, _ = User.objects.get_or_create(username=name)
        Membership.objects.get_or_create(user=user, agency=agency, role=role)
        users[name] = (user, agency)
    return users


def timed_get(client, url: str, *, runs: int, cold: bool) -> list[float]:
    from django.core.cache import cache

    samples = []
    for _ in range(runs):
        if cold:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def bench_pages(runs: int) -> dict[str, dict]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from lapor.reports.models import Report

    users = bench_users()
    results = {}
    cases = [
        ("national", "bench-nasional", reverse("oversight:dashboard")),
        ("agency", "bench-instansi", reverse("oversight:dashboard")),
        ("unit", "bench-unit", reverse("oversight:dashboard")),
        ("public", None, reverse("opendata:stats")),
    ]
    for label, username, url in cases:
        client = Client(HTTP_ACCEPT_LANGUAGE="id")
        scope = "nasional (publik)"
        if username:
            user, agency = users[username]
            client.force_login(user)
            size = Report.objects.filter(owner_agency__path__startswith=agency.path).count()
            scope = f"{agency.name} ({size:,} reports in subtree)"
        client.get(url)  # warm-up: connections, templates, first refresh check
        cache.clear()
        queries: list[str] = []

        def count(execute, sql, params, many, context, _queries=queries):
            _queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        cold = benchlib.summary_ms(timed_get(client, url, runs=runs, cold=True))
        warm = benchlib.summary_ms(timed_get(client, url, runs=runs, cold=False))
        results[label] = {"scope": scope, "cold": cold, "cached": warm, "queries_cold": len(queries)}
        verdict = "OK" if cold["p50"] <= TARGET_MS[label] else "OVER"
        print(
            f"{label:9} cold p50 {cold['p50']:7.1f} ms  max {cold['max']:7.1f} ms | cached p50 {warm['p50']:6.1f} ms"
            f" | {len(queries)} queries | target {TARGET_MS[label]:.0f} ms {verdict} | {scope}"
        )
    return results


def bench_refresh() -> dict[str, float]:
    from lapor.oversight.rollup import stats_refresh

    started = time.perf_counter()
    full = stats_refresh(full=True)
    full_s = time.perf_counter() - started
    print(f"rollup full rebuild: {full.months} months in {full_s:.1f} s")
    started = time.perf_counter()
    incremental = stats_refresh()
    inc_s = time.perf_counter() - started
    print(f"rollup refresh after it: {incremental.months} months recomputed in {inc_s:.2f} s")
    from django.db import connection

    from lapor.oversight.models import MonthlyStat

    rows = {"monthly_rows": MonthlyStat.objects.count()}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('oversight_monthlystat')")
            rows["bytes"] = cursor.fetchone()[0]
    print(f"rollup size: {rows['monthly_rows']:,} monthly rows, {rows.get('bytes', 0) / 2**20:.0f} MiB")
    return {
        "full_s": full_s,
        "full_months": full.months,
        "incremental_s": inc_s,
        "incremental_months": incremental.months,
        **rows,
    }


def export_child(fmt: str, rows: int) -> None:
    """In a fresh process: export ``rows`` reports as the national admin and print time and peak memory."""
    import resource
    import tempfile
    import tracemalloc

    from lapor.agencies.actors import Actor
    from lapor.oversight.exports import csv_stream, write_xlsx
    from lapor.reports.models import Report

    user, root = bench_users()["bench-nasional"]
    actor = Actor.for_user(user)
    last = Report.objects.order_by("pk").values_list("pk", flat=True)[rows - 1 : rows].first()
    qs = Report.objects.filter(pk__lte=last) if last else Report.objects.all()
    list(Report.objects.filter(pk__lte=last).values_list("pk", flat=True)[:10])  # connection warm
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if os.environ.get("BENCH_TRACEMALLOC"):  # Python-heap peak, at the price of a much slower run
        tracemalloc.start()
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile(suffix=f".{fmt}") as fh:
        if fmt == "xlsx":
            count = write_xlsx(fh.name, qs, actor=actor, title="Bench", agency=root)
        else:
            count = 0
            for chunk in csv_stream(qs, actor=actor, agency=root):
                fh.write(chunk)
            fh.flush()
            count = rows
        size = os.path.getsize(fh.name)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "format": fmt,
                "rows": count,
                "seconds": seconds,
                "bytes": size,
                "py_peak_mb": peak / 2**20,
                "rss_start_mb": base_rss / 1024,
                "rss_peak_mb": rss / 1024,
            }
        )
    )


def bench_exports(rows: int) -> list[dict]:
    out = []
    for fmt in ("xlsx", "csv"):
        proc = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, __file__, "--export-child", fmt, "--export-rows", str(rows)],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ},
        )
        line = [x for x in proc.stdout.splitlines() if x.startswith("{")]
        if proc.returncode or not line:
            print(f"export {fmt} failed: {proc.stderr[-2000:]}")
            continue
        result = json.loads(line[-1])
        out.append(result)
        print(
            f"export {fmt}: {result['rows']:,} rows in {result['seconds']:.1f} s "
            f"({result['rows'] / result['seconds']:,.0f} rows/s), {result['bytes'] / 2**20:.1f} MiB; "
            f"peak RSS {result['rss_peak_mb']:.0f} MiB (before the export {result['rss_start_mb']:.0f} MiB)"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-generate", action="store_true")
    parser.add_argument("--skip-refresh", action="store_true", help="use the rollup as it is")
    parser.add_argument("--export-rows", type=int, default=EXPORT_ROWS)
    parser.add_argument("--export-child", choices=["xlsx", "csv"], help=argparse.SUPPRESS)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    os.environ.setdefault("LAPOR_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    benchlib.setup()
    if args.export_child:
        export_child(args.export_child, args.export_rows)
        return
    print(f"database: {benchlib.database_label()} · {benchlib.machine_line()}")
    count = ensure_dataset(args.reports, not args.no_generate)
    print(f"reports: {count:,}")
    results: dict[str, object] = {"reports": count}
    if not args.skip_refresh:
        results["refresh"] = bench_refresh()
    benchlib.wait_for_quiet(30, verbose=False)
    results["pages"] = bench_pages(args.runs)
    results["exports"] = bench_exports(args.export_rows)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
