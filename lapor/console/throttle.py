"""Login throttling, counted in Django's cache (shared by every worker when ``LAPOR_REDIS_URL`` is set).

Two counters, each a fixed window that starts at the first failure:

* per username and address: ``LAPOR_CONSOLE_LOGIN_ATTEMPTS`` failures (default 5) per
  ``LAPOR_CONSOLE_LOGIN_WINDOW_MINUTES`` (default 15) lock that pair until the window ends — someone guessing one
  colleague's password is stopped, while the colleague can still log in from their own office;
* per address: ``LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP`` failures (default 30) lock the address (password spraying
  over many usernames).

Wrong second-factor codes count like wrong passwords. A successful login clears the username's counter.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest

from lapor.console.conf import setting

PREFIX = "lapor:console:login"


@dataclass(frozen=True)
class Lock:
    seconds_left: int

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil(self.seconds_left / 60))


def client_address(request: HttpRequest) -> str:
    """The peer address. Behind a reverse proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's
    ``--forwarded-allow-ips``); a client-supplied X-Forwarded-For is never trusted here.
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    return [
        (
            f"{PREFIX}:u:{_digest((username or '').strip().lower(), address)}",
            int(setting("LAPOR_CONSOLE_LOGIN_ATTEMPTS")),
        ),
        (f"{PREFIX}:ip:{_digest(address)}", int(setting("LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP"))),
    ]


def _window() -> int:
    return int(setting("LAPOR_CONSOLE_LOGIN_WINDOW_MINUTES")) * 60


def login_locked(username: str, address: str) -> Lock | None:
    """A lock if either counter has reached its limit, with the time left until the window ends."""
    now = time.time()
    for key, limit in _keys(username, address):
        count = cache.get(key) or 0
        if count >= limit:
            started = cache.get(f"{key}:t") or now
            return Lock(seconds_left=max(1, int(started + _window() - now)))
    return None


def login_failed(username: str, address: str) -> Lock | None:
    """Count one failure on both counters; returns the lock when this failure reached a limit."""
    window = _window()
    for key, _limit in _keys(username, address):
        if cache.add(key, 0, timeout=window):
            cache.set(f"{key}:t", time.time(), timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            cache.set(f"{key}:t", time.time(), timeout=window)
    return login_locked(username, address)


def login_succeeded(username: str, address: str) -> None:
    key, _limit = _keys(username, address)[0]
    cache.delete_many([key, f"{key}:t"])
