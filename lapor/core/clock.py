"""The only clock in LAPOR. Everything that needs "now" calls :func:`now`, so tests can freeze it.

ruff's DTZ rules forbid naive datetimes elsewhere; services take ``now`` as an argument where it matters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """Current time, timezone-aware (UTC)."""
    return _frozen if _frozen is not None else dt.datetime.now(dt.UTC)


@contextlib.contextmanager
def frozen(at: dt.datetime) -> Iterator[None]:
    """Freeze :func:`now` at ``at`` (must be aware) for the duration of the block. For tests and replays."""
    global _frozen
    if at.tzinfo is None:
        raise ValueError("frozen() needs an aware datetime")
    previous, _frozen = _frozen, at
    try:
        yield
    finally:
        _frozen = previous
