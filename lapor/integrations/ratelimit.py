"""Fixed-window counters for rate limits (REST/Open311 keys, text-channel floods), one cheap step per request.

``hit(name, limit_window)`` counts one request in the current window and returns the count and the seconds
until the window ends. With Redis as Django's cache (``LAPOR_REDIS_URL``) the count is shared by every worker
and costs one round trip (``SET NX EX`` and ``INCR`` pipelined); otherwise it lives in Django's cache (local
memory per process by default, so N workers allow up to N × the limit). No database write, ever.

A fixed window lets a caller send up to twice the limit across a window boundary; for abuse protection that is
acceptable, and it needs one counter instead of a list of timestamps per caller.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache

PREFIX = "lapor:rl"


@dataclass(frozen=True)
class Hit:
    count: int  # requests in this window, this one included
    reset_in: int  # seconds until the window ends


def hit(name: str, window_seconds: int, *, now: float | None = None) -> Hit:
    """Count one request for ``name`` (e.g. ``api:key:<prefix>``) in the current ``window_seconds`` window
    (``now``: a Unix time, default the wall clock).
    """
    now = time.time() if now is None else now
    window = int(now) // window_seconds
    key = f"{PREFIX}:{name}:{window}"
    reset_in = max(1, int((window + 1) * window_seconds - now + 0.999))
    ttl = window_seconds + 5
    client = _redis_client()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        pipe.set(key, 0, ex=ttl, nx=True)
        pipe.incr(key)
        return Hit(int(pipe.execute()[1]), reset_in)
    if cache.add(key, 1, timeout=ttl):
        return Hit(1, reset_in)
    try:
        return Hit(cache.incr(key), reset_in)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=ttl)
        return Hit(1, reset_in)


def _redis_client():
    """The raw redis client behind Django's RedisCache (None for any other cache backend)."""
    backend = getattr(cache, "_cache", None)
    get_client = getattr(backend, "get_client", None)
    if get_client is None or type(cache).__name__ != "RedisCache":
        return None
    return get_client(write=True)
