"""The only clock in LAPOR. Everything that needs "now" calls :func:`now`, so tests and replays can freeze it.

ruff's DTZ rules forbid naive datetimes elsewhere; services take ``now`` from here. Freezing is per execution
context (a ``ContextVar``), so a frozen clock in one thread never leaks into another.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar

_frozen: ContextVar[dt.datetime | None] = ContextVar("lapor_frozen_now", default=None)


def now() -> dt.datetime:
    """Current time, timezone-aware (UTC)."""
    frozen_at = _frozen.get()
    return frozen_at if frozen_at is not None else dt.datetime.now(dt.UTC)


@contextlib.contextmanager
def frozen(at: dt.datetime) -> Iterator[None]:
    """Freeze :func:`now` at ``at`` (must be aware) for the duration of the block."""
    if at.tzinfo is None:
        raise ValueError("frozen() needs an aware datetime")
    token = _frozen.set(at)
    try:
        yield
    finally:
        _frozen.reset(token)
