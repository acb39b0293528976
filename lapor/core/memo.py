"""A small process-local memo with expiry, for reference facts read on hot paths (the national root, an
agency's closures, category and region existence). Each entry lives ``seconds`` at most, so a change made by
another process is seen within that delay; the writer in this process clears it at once.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_REGISTRY: list[Callable[[], None]] = []


def clear_all_memos() -> None:
    """Forget every memoised value in this process (tests call it between tests)."""
    for clear in _REGISTRY:
        clear()


def ttl_memo(seconds: float, maxsize: int = 4096) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        store: dict[tuple, tuple[float, Any]] = {}
        lock = threading.Lock()

        @functools.wraps(func)
        def wrapper(*args):
            now = time.monotonic()
            hit = store.get(args)
            if hit is not None and now - hit[0] < seconds:
                return hit[1]
            value = func(*args)
            with lock:
                if len(store) >= maxsize:
                    store.clear()
                store[args] = (now, value)
            return value

        wrapper.cache_clear = store.clear  # type: ignore[attr-defined]
        _REGISTRY.append(store.clear)
        return wrapper  # type: ignore[return-value]

    return decorate
