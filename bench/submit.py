"""Throughput and latency of filing a report through the service layer (``report_submit``).

    .venv/bin/python bench/submit.py                           # 5,000 submits at 1, 2, 4 and 8 processes
    .venv/bin/python bench/submit.py --total 2000 --concurrency 1,8
    .venv/bin/python bench/submit.py --profile                 # cProfile of one process, top functions

Each submit writes, in one transaction, the report, its timeline event, one audit event (hash chain: the chain
head row is locked until commit, so concurrent submits queue on it) and one outbox row. Every process has its own
database connection; all processes warm up, wait on a barrier, then submit their share as fast as they can.

Printed per configuration: reports/s (total submits / wall time from the first start to the last finish),
p50/p95/p99/max latency of one ``report_submit`` call, CPU milliseconds per submit in the Python process and in
its PostgreSQL backend, and where the time of one submit goes (each SQL statement, commit, the rest in Python).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import time
from collections import defaultdict

import benchlib
import words

WORLD_CODE = "bench-submit"


def _world() -> dict:
    """Root + one instansi (created through the services when missing); a category and region if loaded."""
    from lapor.agencies.choices import AgencyKind
    from lapor.agencies.models import Agency
    from lapor.agencies.services import agency_create
    from lapor.reference.models import Category, Region

    root = benchlib.ensure_root_agency()
    instansi = Agency.objects.filter(code=WORLD_CODE).first()
    if instansi is None:
        instansi = agency_create(
            parent=root, code=WORLD_CODE, name="Pemerintah Kota Benchmark", kind=AgencyKind.KOTA, is_connected=True
        )
    category = Category.objects.filter(active=True, children__isnull=True).order_by("pk").values_list("pk", flat=True)
    region = Region.objects.filter(level=4).order_by("code").values_list("code", flat=True)
    return {
        "root_id": root.pk,
        "instansi_id": instansi.pk,
        "category_ids": list(category[:50]),
        "region_codes": list(region[:200]),
    }


def _submit_kwargs(rng: random.Random, world: dict, intake) -> dict:
    from lapor.agencies.actors import Actor

    name = words.person(rng)
    kwargs = {
        "actor": Actor.public(),
        "title": words.title(rng),
        "body": words.body(rng),
        "channel": "web",
        "reporter_name": name,
        "reporter_phone": f"08{rng.randrange(10**9, 10**10)}",
        "reporter_email": f"{name.lower().replace(' ', '.')}{rng.randrange(1000)}@example.id",
        "intake_agency": intake,
    }
    if world["category_ids"]:
        kwargs["category_id"] = rng.choice(world["category_ids"])
    if world["region_codes"]:
        kwargs["region_code"] = rng.choice(world["region_codes"])
    return kwargs


class Breakdown:
    """Times every SQL statement of the process (by kind) and every commit; installed per worker."""

    def __init__(self, connection=None, *, immediate_fk: bool = False) -> None:
        self.connection = connection
        self.immediate_fk = immediate_fk  # what-if: check foreign keys per statement instead of at COMMIT
        self.fk_set = False
        self.seconds: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.enabled = False
        self.lock_acquired: float | None = None

    @staticmethod
    def kind(sql: str) -> str:
        s = sql.lstrip()
        statements = [x for x in s.split(";\n") if x.strip()]
        if len(statements) > 1:
            tables = [Breakdown.kind(x).split(" ", 1)[1] for x in statements]
            return f"batch of {len(statements)}: " + ", ".join(
                t.removeprefix("reports_").split("_")[-1] for t in tables
            )
        verb = s.split(None, 1)[0].upper()
        if "nextval" in s:
            return "SELECT nextval (ids, tracking id)"
        if "audit_auditchainhead SET seq" in s:
            return "UPDATE audit_auditchainhead (lock chain)"
        match = re.search(r'(?:INTO|UPDATE|FROM)\s+"?([\w.]+)"?', s, re.IGNORECASE)
        table = match.group(1) if match else "?"
        if verb == "SELECT":
            return f"SELECT {table}" + (" FOR UPDATE" if "FOR UPDATE" in s else "")
        return f"{verb} {table}"

    def __call__(self, execute, sql, params, many, context):
        if self.immediate_fk and not self.fk_set and self.connection.in_atomic_block:
            self.fk_set = True
            execute("SET CONSTRAINTS ALL IMMEDIATE", None, False, context)
        if not self.enabled:
            return execute(sql, params, many, context)
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            now = time.perf_counter()
            key = self.kind(sql)
            self.seconds[key] += now - started
            self.counts[key] += 1
            if key in ("SELECT audit_auditchainhead FOR UPDATE", "UPDATE audit_auditchainhead (lock chain)"):
                self.lock_acquired = now  # the chain head stays locked from here until the commit ends

    def wrap_commit(self, connection) -> None:
        original = connection._commit

        def timed_commit():
            started = time.perf_counter()
            try:
                return original()
            finally:
                now = time.perf_counter()
                if self.enabled:
                    self.seconds["COMMIT"] += now - started
                    self.counts["COMMIT"] += 1
                    if self.lock_acquired is not None:
                        self.seconds["(audit chain head held)"] += now - self.lock_acquired
                        self.counts["(audit chain head held)"] += 1
                self.lock_acquired = None
                self.fk_set = False

        original_rollback = connection._rollback

        def rollback():
            self.fk_set = False
            self.lock_acquired = None
            return original_rollback()

        connection._commit = timed_commit
        connection._rollback = rollback


def _backend_cpu_seconds(pid: int) -> float:
    """utime + stime of a local PostgreSQL backend from /proc (0 when not readable, e.g. a remote server)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _worker(index: int, count: int, warmup: int, world: dict, intake_mode: str, what_if: str, barrier, results) -> None:
    from django.db import connection

    from lapor.agencies.models import Agency
    from lapor.reports.services import report_submit

    connection.close()  # a fresh connection of our own, never the parent's
    rng = random.Random(1000 + index)
    intake = Agency.objects.get(pk=world["instansi_id"]) if intake_mode == "instansi" else None
    breakdown = Breakdown(connection, immediate_fk=what_if == "immediate-fk")
    breakdown.wrap_commit(connection)
    errors: list[str] = []
    with connection.execute_wrapper(breakdown):
        for _ in range(warmup):
            report_submit(**_submit_kwargs(rng, world, intake))
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()" if connection.vendor == "postgresql" else "SELECT 0")
            backend_pid = cursor.fetchone()[0]
        jobs = [_submit_kwargs(rng, world, intake) for _ in range(count)]
        barrier.wait()
        breakdown.enabled = True
        latencies = []
        cpu0, db0 = time.process_time(), _backend_cpu_seconds(backend_pid)
        started = time.perf_counter()
        for kwargs in jobs:
            t0 = time.perf_counter()
            try:
                report_submit(**kwargs)
            except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                errors.append(repr(exc)[:200])
            latencies.append(time.perf_counter() - t0)
        finished = time.perf_counter()
        cpu1, db1 = time.process_time(), _backend_cpu_seconds(backend_pid)
    results.put(
        {
            "latencies": latencies,
            "start": started,
            "end": finished,
            "cpu": cpu1 - cpu0,
            "db_cpu": db1 - db0,
            "errors": errors,
            "seconds": dict(breakdown.seconds),
            "counts": dict(breakdown.counts),
        }
    )
    connection.close()


def run(processes: int, total: int, warmup: int, world: dict, intake_mode: str, what_if: str = "") -> dict:
    from django.db import connections

    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(processes + 1)  # the workers and this process, which measures the machine meanwhile
    results = ctx.Queue()
    share = [total // processes + (1 if i < total % processes else 0) for i in range(processes)]
    procs = [
        ctx.Process(target=_worker, args=(i, share[i], warmup, world, intake_mode, what_if, barrier, results))
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    timeout = 60 + total * 0.05
    collected = []
    barrier.wait(timeout=timeout)
    with benchlib.OtherLoad() as load:
        deadline = time.monotonic() + timeout
        for _ in procs:
            collected.append(results.get(timeout=max(1.0, deadline - time.monotonic())))
        load.add_own_seconds(sum(r["cpu"] + r["db_cpu"] for r in collected))
    for p in procs:
        p.join(timeout=30)
        if p.exitcode != 0:
            raise SystemExit(f"worker {p.pid} exited with {p.exitcode}")
    latencies = [v for r in collected for v in r["latencies"]]
    wall = max(r["end"] for r in collected) - min(r["start"] for r in collected)
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for r in collected:
        for k, v in r["seconds"].items():
            seconds[k] += v
        for k, v in r["counts"].items():
            counts[k] += v
    done = len(latencies)
    return {
        "processes": processes,
        "submits": done,
        "wall": wall,
        "rate": done / wall,
        "ms": benchlib.summary_ms(latencies),
        "cpu_ms": 1000 * sum(r["cpu"] for r in collected) / done,
        "db_cpu_ms": 1000 * sum(r["db_cpu"] for r in collected) / done,
        "errors": [e for r in collected for e in r["errors"]],
        "seconds": dict(seconds),
        "counts": dict(counts),
        "latency_sum": sum(latencies),
        "others": load.value,
    }


def print_breakdown(result: dict) -> None:
    done = result["submits"]
    seconds, counts = result["seconds"], result["counts"]
    from django.conf import settings

    held = seconds.pop("(audit chain head held)", 0.0) / max(1, counts.pop("(audit chain head held)", 1))
    sql_total = sum(v for k, v in seconds.items())
    print(f"  where one submit's {1000 * result['latency_sum'] / done:.2f} ms go ({result['processes']} process(es)):")
    for key in sorted(seconds, key=seconds.get, reverse=True):
        print(f"    {key:<45} {counts[key] / done:4.1f}×  {1000 * seconds[key] / done:7.3f} ms")
    print(
        f"    {'Python (Django + LAPOR code)':<45}        {1000 * (result['latency_sum'] - sql_total) / done:7.3f} ms"
    )
    queries = sum(v for k, v in counts.items() if k != "COMMIT") / done
    print(f"    = {queries:.1f} SQL statements + 1 commit per submit")
    if held:
        print(
            f"    the report's audit chain head row is held {1000 * held:.2f} ms per submit (lock to end of commit): "
            f"at most {1 / held:,.0f} submits/s per chain ({settings.LAPOR_AUDIT_CHAINS} chains)"
        )


def profile(total: int, world: dict, intake_mode: str) -> None:
    import cProfile
    import pstats

    from lapor.agencies.models import Agency
    from lapor.reports.services import report_submit

    rng = random.Random(7)
    intake = Agency.objects.get(pk=world["instansi_id"]) if intake_mode == "instansi" else None
    for _ in range(50):
        report_submit(**_submit_kwargs(rng, world, intake))
    jobs = [_submit_kwargs(rng, world, intake) for _ in range(total)]
    prof = cProfile.Profile(time.process_time)  # CPU time: waiting on PostgreSQL does not count
    prof.enable()
    for kwargs in jobs:
        report_submit(**kwargs)
    prof.disable()
    print(f"\ncProfile (CPU time) of {total} submits in one process (cumulative, top 40):")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    print("own time, top 30:")
    pstats.Stats(prof).sort_stats("tottime").print_stats(30)


# Indexes on reports_report that look redundant: a prefix of report_inbox, LIKE-pattern twins of columns only ever
# looked up exactly, and FK indexes used only by PROTECT checks when an agency is deleted (agencies never are).
REDUNDANT_INDEX_SUFFIXES = (
    "owner_agency_id_",
    "tracking_id_*_like",
    "reporter_phone_*_like",
    "intake_key_*_like",
    "suggested_agency_id_",
    "disposed_by_agency_id_",
)


def index_cost(n: int = 3000) -> None:
    """Server time of one report INSERT with every index, without the redundant ones, and with only the
    constraint indexes, measured in one transaction that is rolled back (no commit per row: index work only).
    """
    from django.db import connection, transaction

    from lapor.reports.models import Report

    table = Report._meta.db_table
    cols = [f.column for f in Report._meta.concrete_fields if f.column not in ("id", "tracking_id")]
    col_sql = ", ".join(f'"{c}"' for c in cols)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT max(id) FROM {table}")  # noqa: S608
        source = cursor.fetchone()[0]
        insert = (
            f"INSERT INTO {table} (tracking_id, {col_sql}) "  # noqa: S608
            f"SELECT %s, {col_sql} FROM {table} WHERE id = {int(source)}"
        )
        cursor.execute(
            "SELECT i.relname, NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
            "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass",
            [table],
        )
        indexes = cursor.fetchall()
        counter = iter(range(10**9))

        def measure(label: str) -> float:
            for _ in range(200):
                cursor.execute(insert, [f"X{next(counter)}"])
            started = time.perf_counter()
            for _ in range(n):
                cursor.execute(insert, [f"X{next(counter)}"])
            per = (time.perf_counter() - started) / n * 1000
            cursor.execute("SELECT count(*) FROM pg_index WHERE indrelid = %s::regclass", [table])
            print(f"  {label:<55} {cursor.fetchone()[0]:>3} indexes  {per:6.3f} ms per INSERT")
            return per

        print(f"\nINSERT cost of one report row vs. indexes ({n} inserts each, rolled back):")
        full = measure("all indexes (as migrated)")
        import fnmatch

        redundant = [
            name
            for name, droppable in indexes
            if droppable and any(fnmatch.fnmatch(name, f"*{pat}*") for pat in REDUNDANT_INDEX_SUFFIXES)
        ]
        for name in redundant:
            cursor.execute(f'DROP INDEX "{name}"')
        lean = measure(f"without the {len(redundant)} redundant ones")
        for name, droppable in indexes:
            if droppable and name not in redundant:
                cursor.execute(f'DROP INDEX "{name}"')
        bare = measure("only primary key + unique constraints")
        print(f"  dropped as redundant: {', '.join(sorted(redundant))}")
        print(
            f"  saving {full - lean:.3f} ms per submit from the redundant indexes; all secondary indexes cost "
            f"{full - bare:.3f} ms"
        )
        transaction.set_rollback(True)


def remove_submitted_reports(after_id: int) -> int:
    """Delete the reports this benchmark filed (id > ``after_id``, non-synthetic tracking IDs) with their timeline,
    outbox and any other rows pointing at them, so the inbox dataset stays as generated. Audit events stay: they
    are the hash chain. Only on ``lapor_bench*`` databases.
    """
    from django.db import connection, transaction

    from lapor.reports.models import Report

    if not connection.settings_dict["NAME"].startswith(benchlib.BENCH_DB_PREFIX):
        print("not a lapor_bench* database: benchmark reports kept")
        return 0
    table = Report._meta.db_table
    mine = f"SELECT id FROM {table} WHERE id > %s AND tracking_id !~ '^[0-9]{{12}}$'"  # noqa: S608
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "WHERE c.confrelid = %s::regclass AND c.contype = 'f'",
            [table],
        )
        for child, column in cursor.fetchall():
            cursor.execute(f'DELETE FROM {child} WHERE "{column}" IN ({mine})', [after_id])  # noqa: S608
        cursor.execute(f"DELETE FROM notifications_outboxmessage WHERE report_id IN ({mine})", [after_id])  # noqa: S608
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({mine})", [after_id])  # noqa: S608
        removed = cursor.rowcount
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {table}")
    return removed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--total", type=int, default=5000, help="timed submits per configuration (default 5000)")
    parser.add_argument("--concurrency", default="1,2,4,8", help="process counts to run (default 1,2,4,8)")
    parser.add_argument("--warmup", type=int, default=100, help="untimed submits per process first (default 100)")
    parser.add_argument(
        "--intake", choices=["root", "instansi"], default="root", help="web report to the root, or to the instansi"
    )
    parser.add_argument("--profile", action="store_true", help="only cProfile --total submits in one process")
    parser.add_argument("--index-cost", action="store_true", help="only time one INSERT vs. the table's indexes")
    parser.add_argument("--wait-idle", type=float, default=60, help="seconds to wait for an idle machine first")
    parser.add_argument(
        "--what-if",
        choices=["", "immediate-fk"],
        default="",
        help="experiment: immediate-fk = SET CONSTRAINTS ALL IMMEDIATE first in each transaction, so the deferred "
        "foreign-key checks run before the audit chain lock instead of inside it at COMMIT",
    )
    parser.add_argument(
        "--keep-reports", action="store_true", help="keep the filed reports (default: delete them at the end)"
    )
    parser.add_argument(
        "--cleanup", action="store_true", help="only delete reports left by earlier runs (non-synthetic IDs)"
    )
    parser.add_argument("--attempts", type=int, default=3, help="re-runs of a configuration others disturbed")
    args = parser.parse_args()

    benchlib.setup()
    from django.db import connection

    world = _world()
    print(f"database: {benchlib.database_label()} · {benchlib.machine_line()}")
    from lapor.reports.models import Report

    if args.cleanup:
        print(f"removed {remove_submitted_reports(0):,} reports left by earlier submit benchmarks")
        return
    first_id = Report.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            sync = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM reports_report")
            existing = cursor.fetchone()[0]
        print(f"synchronous_commit={sync}; {existing:,} reports already in the table")
    if args.profile:
        profile(args.total, world, args.intake)
        return
    if args.index_cost:
        benchlib.wait_for_quiet(args.wait_idle)
        index_cost()
        return

    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    print(f"{args.total:,} timed submits per configuration, {args.warmup} warm-up submits per process")
    if args.what_if:
        print(f"WHAT-IF EXPERIMENT: {args.what_if} (not the code as it is)")
    print()
    header = f"{'procs':>5} {'reports/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    header += f" {'py CPU ms':>9} {'pg CPU ms':>9} {'errors':>6} {'others':>6}"
    print(header)
    results = []
    for n in levels:
        result = None
        for _attempt in range(args.attempts):  # re-run a configuration that other processes disturbed
            benchlib.wait_for_quiet(args.wait_idle, verbose=False)
            attempt = run(n, args.total, args.warmup, world, args.intake, args.what_if)
            if result is None or attempt["others"] < result["others"]:
                result = attempt
            if attempt["others"] <= 0.10:
                break
        results.append(result)
        ms = result["ms"]
        print(
            f"{n:>5} {result['rate']:>10,.0f} {ms['p50']:>8.2f} {ms['p95']:>8.2f} {ms['p99']:>8.2f} {ms['max']:>8.1f}"
            f" {result['cpu_ms']:>9.2f} {result['db_cpu_ms']:>9.2f} {len(result['errors']):>6}"
            f" {result['others']:>6.0%}",
            flush=True,
        )
        for err in sorted(set(result["errors"]))[:3]:
            print(f"      error: {err}")
    print()
    for result in (results[0], results[-1]) if len(results) > 1 else results:
        print_breakdown(result)
    if not args.keep_reports:
        print(
            f"\nremoved the {remove_submitted_reports(first_id):,} reports this run filed (--keep-reports keeps them)"
        )
    best = max(results, key=lambda r: r["rate"])
    verdict = "meets" if best["rate"] >= 1000 else "misses"
    print(f"\nbest: {best['rate']:,.0f} reports/s at {best['processes']} processes ({verdict} the 1,000/s target)")


if __name__ == "__main__":
    main()
