"""Shared plumbing for the benchmark scripts: Django set-up on a dedicated database, percentiles, printing.

Every script calls :func:`setup` before importing anything from ``lapor``. The database defaults to
``postgres://postgres@127.0.0.1:5432/lapor_bench``; it is created (and migrated) when missing. Only databases
whose name starts with ``lapor_bench`` are ever created by these scripts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/lapor_bench"
BENCH_DB_PREFIX = "lapor_bench"


def _ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in ``url`` if it does not exist (bench databases only)."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    if cfg["ENGINE"] != "django.db.backends.postgresql":
        return
    name = cfg["NAME"]
    conninfo = {
        "host": cfg.get("HOST") or "127.0.0.1",
        "port": cfg.get("PORT") or 5432,
        "user": cfg.get("USER") or "postgres",
        "dbname": "postgres",
        "autocommit": True,
    }
    if cfg.get("PASSWORD"):
        conninfo["password"] = cfg["PASSWORD"]
    with psycopg.connect(**conninfo) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return
        if not name.startswith(BENCH_DB_PREFIX):
            raise SystemExit(f"database {name!r} does not exist and is not a {BENCH_DB_PREFIX}* one: not creating it")
        conn.execute(f'CREATE DATABASE "{name}"')
        print(f"created database {name}")


def setup(*, migrate: bool = True) -> None:
    """Configure and start Django for a benchmark script (prod settings, bench database, temp data dir)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    data_dir = Path(tempfile.gettempdir()) / "lapor-bench"
    data_dir.mkdir(exist_ok=True)
    os.environ.setdefault("LAPOR_DATA_DIR", str(data_dir))
    os.environ.setdefault("LAPOR_LOG_LEVEL", "WARNING")
    _ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    if migrate:
        from django.core.management import call_command
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            started = time.perf_counter()
            call_command("migrate", verbosity=0, interactive=False)
            print(f"applied {len(plan)} migrations in {time.perf_counter() - started:.1f} s")


def database_label() -> str:
    from django.db import connection

    s = connection.settings_dict
    return f"{connection.vendor} {s.get('HOST') or ''}:{s.get('PORT') or ''}/{s['NAME']}"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list (``q`` in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def summary_ms(samples_s: list[float]) -> dict[str, float]:
    """p50/p95/p99/max/mean in milliseconds of a list of durations in seconds."""
    values = sorted(v * 1000 for v in samples_s)
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": values[-1] if values else float("nan"),
        "mean": sum(values) / len(values) if values else float("nan"),
    }


def ensure_root_agency():
    """The national root agency (``settings.LAPOR_ROOT_AGENCY_CODE``), created when missing."""
    from django.conf import settings

    from lapor.agencies.choices import AgencyKind
    from lapor.agencies.models import Agency
    from lapor.reports.services import _base

    root = Agency.objects.filter(code=settings.LAPOR_ROOT_AGENCY_CODE).first()
    if root is None:
        root = Agency.objects.add_root(
            instance=Agency(
                code=settings.LAPOR_ROOT_AGENCY_CODE,
                name="LAPOR! Pengelola Nasional",
                kind=AgencyKind.NATIONAL,
                is_connected=True,
            )
        )
        _base._root_agency_id.cache_clear()
    return root


def machine_line() -> str:
    import platform

    return f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()}"


def _cpu_times() -> tuple[int, int]:
    with open("/proc/stat") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def machine_busy(sample_s: float = 1.0) -> float:
    """Fraction of all CPUs busy over ``sample_s`` (0..1); NaN where /proc/stat is unavailable."""
    try:
        busy0, total0 = _cpu_times()
        time.sleep(sample_s)
        busy1, total1 = _cpu_times()
    except OSError:
        return float("nan")
    return (busy1 - busy0) / max(1, total1 - total0)


def wait_for_quiet(max_wait_s: float, *, threshold: float = 0.15, verbose: bool = True) -> float:
    """Wait (at most ``max_wait_s``) until the machine is nearly idle, since others share these two cores.
    Prints and returns the busy fraction seen last; the figures that follow are only as good as this.
    """
    deadline = time.monotonic() + max_wait_s
    busy = machine_busy()
    waited = False
    while busy > threshold and time.monotonic() < deadline:
        if not waited:
            print(f"machine {busy:.0%} busy with other work; waiting up to {max_wait_s:.0f} s for it to calm down")
            waited = True
        time.sleep(4)
        busy = machine_busy()
    if verbose or busy > threshold:
        note = "" if busy <= threshold else " ** others are using the CPUs: the next figures are pessimistic **"
        print(f"machine load before the run: {busy:.0%} of {os.cpu_count()} CPUs busy{note}")
    return busy


def _proc_ticks(pid: int) -> int:
    """utime + stime of a process in clock ticks (0 if it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


class OtherLoad:
    """How much of the machine processes other than ours used during a measurement (0..1).

    ``pids`` are ours (this process, its database backend); CPU seconds of processes that are gone by the end
    (worker processes) can be added with :meth:`add_own_seconds`. Others sharing these two cores make latencies
    look worse than they are, so the scripts print this next to every figure and retry runs that were disturbed.
    """

    def __init__(self, pids: tuple[int, ...] = ()) -> None:
        self.pids = (os.getpid(), *pids)
        self.extra_ticks = 0.0
        self.value = float("nan")

    def __enter__(self) -> OtherLoad:
        try:
            self.machine0 = _cpu_times()
        except OSError:
            self.machine0 = None
        self.own0 = sum(_proc_ticks(p) for p in self.pids)
        return self

    def add_own_seconds(self, seconds: float) -> None:
        self.extra_ticks += seconds * os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc) -> None:
        if self.machine0 is None:
            return
        busy1, total1 = _cpu_times()
        own = sum(_proc_ticks(p) for p in self.pids) - self.own0 + self.extra_ticks
        total = max(1, total1 - self.machine0[1])
        self.value = max(0.0, (busy1 - self.machine0[0] - own) / total)


def backend_pid() -> int:
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def least_disturbed(run, *, attempts: int = 3, threshold: float = 0.10, pids: tuple[int, ...] = (), wait_s: float = 30):
    """Run a measurement up to ``attempts`` times until other processes used at most ``threshold`` of the
    machine meanwhile; returns ``(result, other_load)`` of the least disturbed attempt.
    """
    best = None
    for attempt in range(attempts):
        if attempt:
            wait_for_quiet(wait_s, verbose=False)
        with OtherLoad(pids) as load:
            result = run()
        if best is None or load.value < best[1]:
            best = (result, load.value)
        if load.value <= threshold:
            break
    return best
