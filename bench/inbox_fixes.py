"""Candidate fixes for the slow inbox queries, timed inside one transaction that is rolled back.

Used by ``inbox.py --try-fixes``; nothing here changes the schema for good: the candidate index is created in
the transaction and disappears with the rollback (other sessions writing to the table wait meanwhile).

Candidates:

* LATERAL per (agency, status) with the existing ``report_inbox`` index: for each agency of the subtree and each
  open status, the newest 50 ids straight from the index; then the newest 50 of those; then one ORM query for the
  page with ``select_related``. No schema change.
* The same per agency over a partial covering index ``(owner_agency_id, submitted_at DESC) INCLUDE (status, id)
  WHERE status IN (open statuses)``: an index-only scan of at most 50 entries per agency.
* Status tabs: the current query with the subtree's agency ids as literals (the planner then sees how big the
  agencies are, from the column statistics, and picks an index-only scan), and open-status counts only
  (index-only over the partial index; closed/archived would come from a cached count).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import benchlib

OPEN_INDEX = "bench_report_open_inbox"


def _open() -> list[str]:
    from lapor.reports.states import OPEN_STATUSES

    return sorted(str(s) for s in OPEN_STATUSES)


def _open_sql() -> str:
    return ", ".join(f"'{s}'" for s in _open())


def _subtree_pattern(actor) -> str | None:
    paths = actor.scope_paths()
    if actor.is_national_admin or not paths:
        return None
    return paths[0] + "%"


def _fetch(sql: str, params: list) -> list:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _page_from_ids(ids: list[int]) -> list:
    from lapor.reports.models import Report

    return list(
        Report.objects.filter(pk__in=ids).select_related("owner_agency", "category").order_by("-submitted_at", "-pk")
    )


LIST_COLUMNS = (
    "tracking_id",
    "title",
    "status",
    "classification",
    "channel",
    "is_secret",
    "is_anonymous",
    "submitted_at",
    "verify_due_at",
    "response_due_at",
    "completion_due_at",
    "escalation_level",
    "owner_agency__name",
    "category__full_name",
)


def _page_from_ids_lean(ids: list[int]) -> list:
    """The same page with only the columns an inbox list shows (``.only``): less to decode and instantiate."""
    from lapor.reports.models import Report

    return list(
        Report.objects.filter(pk__in=ids)
        .select_related("owner_agency", "category")
        .only(*LIST_COLUMNS)
        .order_by("-submitted_at", "-pk")
    )


LATERAL_BY_STATUS = """
    SELECT x.id FROM agencies_agency a
    CROSS JOIN unnest(%s::text[]) AS s(st)
    CROSS JOIN LATERAL (
        SELECT r.id, r.submitted_at FROM reports_report r
        WHERE r.owner_agency_id = a.id AND r.status = s.st
        ORDER BY r.submitted_at DESC LIMIT %s
    ) x
    WHERE a.path LIKE %s
    ORDER BY x.submitted_at DESC, x.id DESC LIMIT %s
"""

LATERAL_BY_AGENCY = """
    SELECT x.id FROM agencies_agency a
    CROSS JOIN LATERAL (
        SELECT r.id, r.submitted_at FROM reports_report r
        WHERE r.owner_agency_id = a.id AND r.status IN ({open})
        ORDER BY r.submitted_at DESC LIMIT %s
    ) x
    WHERE a.path LIKE %s
    ORDER BY x.submitted_at DESC, x.id DESC LIMIT %s
"""

TABS_LITERAL_IDS = """
    SELECT r.status, count(*) FROM reports_report r WHERE r.owner_agency_id IN ({ids}) GROUP BY r.status
"""

TABS_OPEN_SUBTREE = """
    SELECT r.status, count(*) FROM reports_report r JOIN agencies_agency a ON a.id = r.owner_agency_id
    WHERE a.path LIKE %s AND r.status IN ({open}) GROUP BY r.status
"""

TABS_OPEN_ALL = "SELECT r.status, count(*) FROM reports_report r WHERE r.status IN ({open}) GROUP BY r.status"


def _candidates(subject, page: int) -> list[tuple[str, Callable[[], object]]]:
    from lapor.agencies.models import Agency

    pattern = _subtree_pattern(subject.actor)
    out: list[tuple[str, Callable[[], object]]] = []
    if pattern is None:
        out.append(
            (f"{subject.label}: open-status tab counts", lambda: _fetch(TABS_OPEN_ALL.format(open=_open_sql()), []))
        )
        return out
    by_status = LATERAL_BY_STATUS
    by_agency = LATERAL_BY_AGENCY.format(open=_open_sql())

    def tabs_literal():
        ids = list(Agency.objects.filter(path__startswith=pattern[:-1]).values_list("pk", flat=True))
        return _fetch(TABS_LITERAL_IDS.format(ids=", ".join(str(int(i)) for i in ids)), [])

    out += [
        (
            f"{subject.label}: page, LATERAL per agency+status",
            lambda: _page_from_ids([r[0] for r in _fetch(by_status, [_open(), page, pattern, page])]),
        ),
        (
            f"{subject.label}: page, LATERAL per agency",
            lambda: _page_from_ids([r[0] for r in _fetch(by_agency, [page, pattern, page])]),
        ),
        (
            f"{subject.label}: page, LATERAL per agency+status, .only()",
            lambda: _page_from_ids_lean([r[0] for r in _fetch(by_status, [_open(), page, pattern, page])]),
        ),
        (f"{subject.label}: tabs, agency ids as literals", tabs_literal),
        (
            f"{subject.label}: open-status tab counts",
            lambda: _fetch(TABS_OPEN_SUBTREE.format(open=_open_sql()), [pattern]),
        ),
    ]
    return out


def _time(fn: Callable[[], object], runs: int) -> list[float]:
    for _ in range(10):
        fn()
    samples = []
    began = time.perf_counter()
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
        if started - began > 30 and len(samples) >= 20:
            break
    return samples


_ATTEMPTS = 3


def _print(label: str, fn: Callable[[], object], runs: int) -> None:
    samples, others = benchlib.least_disturbed(
        lambda: _time(fn, runs), attempts=_ATTEMPTS, pids=(benchlib.backend_pid(),)
    )
    ms = benchlib.summary_ms(samples)
    flag = "" if ms["p95"] < 50 else "  <-- p95 over 50 ms"
    print(f"  {label:<58} {ms['p50']:>8.2f} {ms['p95']:>8.2f} {ms['p99']:>8.2f} {ms['max']:>8.2f} {others:>6.0%}{flag}")


def _explain(sql: str, params: list) -> None:
    for row in _fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params):
        print("    " + row[0])


def run(subjects: list, runs: int, page: int = 50, attempts: int = 3) -> None:
    import inbox
    from django.db import connection, transaction

    global _ATTEMPTS
    _ATTEMPTS = attempts
    header = f"  {'candidate':<58} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'others':>6}"
    print("\n=== candidate fixes (timed in a transaction that is rolled back) ===")
    print("\nA. no schema change\n" + header)
    with transaction.atomic():
        ids = [r.pk for r in inbox.inbox_page(subjects[0].actor)]
        _print("materialise 50 known rows by id (full rows, select_related)", lambda: _page_from_ids(ids), runs)
        _print("materialise 50 known rows by id (list columns, .only())", lambda: _page_from_ids_lean(ids), runs)
        for subject in subjects:
            for label, fn in _candidates(subject, page):
                if "LATERAL per agency" in label and "status" not in label:
                    continue  # needs the partial index (B)
                _print(label, fn, runs)
        transaction.set_rollback(True)

    print(f"\nB. with a partial covering index (created in the transaction, rolled back)\n{header}")
    with transaction.atomic():
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE INDEX {OPEN_INDEX} ON reports_report (owner_agency_id, submitted_at DESC) "
                f"INCLUDE (status, id) WHERE status IN ({_open_sql()})"
            )
            cursor.execute(f"SELECT pg_size_pretty(pg_relation_size('{OPEN_INDEX}'))")
            size = cursor.fetchone()[0]
            cursor.execute("ANALYZE reports_report")
        print(f"  (index built in {time.perf_counter() - started:.1f} s, {size})")
        for subject in subjects:
            _print(
                f"{subject.label}: page, unchanged ORM query", lambda s=subject: list(inbox.inbox_page(s.actor)), runs
            )
            for label, fn in _candidates(subject, page):
                if "literals" in label:
                    continue  # unaffected by the index
                _print(label, fn, runs)
        big = subjects[0]
        pattern = _subtree_pattern(big.actor)
        if pattern:
            print(f"\n  EXPLAIN ANALYZE — {big.label}: page ids, LATERAL per agency over the partial index")
            _explain(LATERAL_BY_AGENCY.format(open=_open_sql()), [page, pattern, page])
            print(f"\n  EXPLAIN ANALYZE — {big.label}: open-status tab counts")
            _explain(TABS_OPEN_SUBTREE.format(open=_open_sql()), [pattern])
        transaction.set_rollback(True)
