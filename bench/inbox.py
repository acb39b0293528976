"""Latency of the staff inbox with a national-size table (1,000,000 reports by default).

    .venv/bin/python bench/inbox.py                    # generates the dataset first if the table is smaller
    .venv/bin/python bench/inbox.py --runs 500 --no-explain

"Inbox" is what the staff list starts from: ``reports_in_scope_of(actor)`` (the actor's subtree by
``owner_agency__path__startswith``), open statuses only, newest first, the first page of 50 rows with
``select_related("owner_agency", "category")``. Measured for the admin of the biggest instansi, of a mid-size
one, and for the national admin; plus the per-status counts behind the status tabs (GROUP BY status). Each query
runs ``--runs`` times after a warm-up; p50/p95/p99 are printed in milliseconds with the number of SQL queries,
and EXPLAIN ANALYZE of each main query once.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass

import benchlib

PAGE = 50
TARGET_MS = 50.0
MAX_SERIES_S = 30.0  # a series of one slow query stops after this long (with at least 20 samples)


@dataclass
class Subject:
    label: str
    actor: object
    agency_name: str = ""
    reports: int = 0
    open_reports: int = 0


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


def instansi_sizes() -> list[tuple[str, int, int]]:
    """(instansi path, reports in its subtree, open ones) for every depth-2 agency, biggest first."""
    from django.db import connection

    from lapor.reports.states import OPEN_STATUSES

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT substr(a.path, 1, 8) AS p, count(*), count(*) FILTER (WHERE r.status = ANY(%s))
            FROM reports_report r JOIN agencies_agency a ON a.id = r.owner_agency_id
            WHERE a.depth >= 2
            GROUP BY 1 ORDER BY 2 DESC
            """,
            [sorted(str(s) for s in OPEN_STATUSES)],
        )
        return cursor.fetchall()


def staff_actor(username: str, agency, role: str):
    from lapor.accounts.models import User
    from lapor.agencies.actors import Actor
    from lapor.agencies.models import Membership
    from lapor.agencies.services import membership_grant

    user, _created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.go.id"})
    if not Membership.objects.filter(user=user, agency=agency, role=role, active=True).exists():
        membership_grant(user=user, agency=agency, role=role)
    return Actor.for_user(user)


def subjects(sizes: list[tuple[str, int, int]]) -> list[Subject]:
    from lapor.agencies.choices import Role
    from lapor.agencies.models import Agency
    from lapor.reports.services._base import root_agency

    big_path, big_n, big_open = sizes[0]
    mid_path, mid_n, mid_open = sizes[len(sizes) // 2]
    big = Agency.objects.get(path=big_path)
    mid = Agency.objects.get(path=mid_path)
    root = root_agency()
    return [
        Subject("biggest instansi", staff_actor(f"bench-admin-{big.code}"[:150], big, Role.AGENCY_ADMIN), big.name,
                big_n, big_open),
        Subject("mid-size instansi", staff_actor(f"bench-admin-{mid.code}"[:150], mid, Role.AGENCY_ADMIN), mid.name,
                mid_n, mid_open),
        Subject("national admin", staff_actor("bench-nasional", root, Role.NATIONAL_ADMIN), root.name),
    ]  # fmt: skip


def inbox_page(actor, sort: str = "urgensi"):
    """Page 1 of the staff console's inbox as the console reads it (tab "perlu tindakan", default filters)."""
    from lapor.console.selectors import InboxFilters, console_inbox_page

    return console_inbox_page(actor, InboxFilters(sort=sort)).rows


def explain_page(actor) -> str:
    """EXPLAIN ANALYZE of the query that finds the page's reports, as console_inbox_page sends it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        inbox_page(actor)
    sql = next(q["sql"] for q in ctx.captured_queries if 'FROM "reports_report"' in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def status_tabs(actor):
    """The tab counts as the inbox selector computes them (before the console's 30-second cache)."""
    from lapor.reports.selectors import inbox_counts

    return inbox_counts(actor)


def timed(fn: Callable[[], object], runs: int, warmup: int = 10) -> tuple[list[float], object, int]:
    """Durations of ``runs`` calls (after ``warmup``), the last result, and SQL queries per call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        result = fn()
    with CaptureQueriesContext(connection) as ctx:
        fn()
    samples = []
    began = time.perf_counter()
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
        if started - began > MAX_SERIES_S and len(samples) >= 20:
            break  # a slow query: enough samples for the percentiles, keep the run bounded
    return samples, result, len(ctx.captured_queries)


RUNS_REQUESTED = [200]


def measure(fn: Callable[[], object], runs: int, attempts: int) -> tuple[list[float], object, int, float]:
    """:func:`timed`, retried while other processes disturb it; adds the others' share of the CPUs."""
    (samples, result, queries), others = benchlib.least_disturbed(
        lambda: timed(fn, runs), attempts=attempts, pids=(benchlib.backend_pid(),)
    )
    return samples, result, queries, others


def print_row(label: str, samples: list[float], rows: int, queries: int, others: float) -> dict:
    ms = benchlib.summary_ms(samples)
    flag = "" if ms["p95"] < TARGET_MS else "  <-- p95 over 50 ms"
    if len(samples) < RUNS_REQUESTED[0]:
        flag += f" ({len(samples)} runs)"
    print(
        f"  {label:<42} {ms['p50']:>8.2f} {ms['p95']:>8.2f} {ms['p99']:>8.2f} {ms['max']:>8.2f} "
        f"{rows:>6} {queries:>4} {others:>6.0%}{flag}"
    )
    return ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", type=int, default=1_000_000, help="reports the table must hold (default 1M)")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per query (default 200)")
    parser.add_argument("--no-generate", action="store_true", help="do not top the table up to --target")
    parser.add_argument("--no-explain", action="store_true", help="skip EXPLAIN ANALYZE")
    parser.add_argument("--wait-idle", type=float, default=60, help="seconds to wait for an idle machine first")
    parser.add_argument(
        "--attempts", type=int, default=3, help="re-run a query's series while others load the CPUs (default 3)"
    )
    args = parser.parse_args()

    RUNS_REQUESTED[0] = args.runs
    benchlib.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("inbox.py measures PostgreSQL (DATABASE_URL=postgres://…); SQLite is not a 1M-report target")
    count = ensure_dataset(args.target, not args.no_generate)
    print(f"database: {benchlib.database_label()} · {benchlib.machine_line()}")
    print(f"{count:,} reports in the table")
    sizes = instansi_sizes()
    people = subjects(sizes)
    for s in people:
        extra = f": {s.reports:,} reports in its subtree, {s.open_reports:,} open" if s.reports else ""
        print(f"  {s.label}: {s.agency_name}{extra}")
    benchlib.wait_for_quiet(args.wait_idle)

    header = (
        f"  {'query':<42} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'rows':>6} {'SQL':>4} {'others':>6}"
    )
    print(f"\n{args.runs} runs each (after 10 warm-up runs); 'others' = CPU share other processes took meanwhile")
    print(header)
    results = {}
    for s in people:
        samples, rows, queries, others = measure(lambda s=s: list(inbox_page(s.actor)), args.runs, args.attempts)
        results[(s.label, "page")] = print_row(f"{s.label}: page 1, most urgent", samples, len(rows), queries, others)
        samples, rows, queries, others = measure(
            lambda s=s: list(inbox_page(s.actor, "terbaru")), args.runs, args.attempts
        )
        results[(s.label, "newest")] = print_row(f"{s.label}: page 1, newest", samples, len(rows), queries, others)
        samples, rows, queries, others = measure(lambda s=s: dict(status_tabs(s.actor)), args.runs, args.attempts)
        results[(s.label, "tabs")] = print_row(f"{s.label}: status tab counts", samples, len(rows), queries, others)
    from lapor.agencies.actors import Actor

    user = people[0].actor.user
    samples, _r, queries, others = measure(lambda: Actor.for_user(user), args.runs, args.attempts)
    print_row("Actor.for_user (once per request)", samples, 1, queries, others)

    if not args.no_explain and connection.vendor == "postgresql":
        for s in people:
            print(f"\nEXPLAIN ANALYZE — {s.label}: inbox page 1")
            print(explain_page(s.actor))

    slow = [k for k, ms in results.items() if ms["p95"] >= TARGET_MS]
    print()
    if slow:
        print("over the 50 ms p95 target: " + ", ".join(f"{a} {b}" for a, b in slow))
    else:
        print("every query is under the 50 ms p95 target")


if __name__ == "__main__":
    main()
