"""Fixed-window rate counters: local cache by default, one Redis round trip when Django's cache is Redis."""

from __future__ import annotations

import socket
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache

from lapor.integrations import ratelimit

REDIS = ("127.0.0.1", 6379)


def _redis_up() -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(REDIS) == 0


def test_counts_within_a_window_and_starts_again_in_the_next():
    name = f"test:{uuid.uuid4()}"
    assert [ratelimit.hit(name, 60, now=120.0).count for _ in range(3)] == [1, 2, 3]
    assert ratelimit.hit(name, 60, now=179.5).reset_in == 1
    assert ratelimit.hit(name, 60, now=180.0).count == 1  # the next minute


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_the_count_is_shared_and_expires(monkeypatch):
    redis_cache = RedisCache(f"redis://{REDIS[0]}:{REDIS[1]}/15", {})
    monkeypatch.setattr(ratelimit, "cache", redis_cache)
    name = f"test:{uuid.uuid4()}"
    assert [ratelimit.hit(name, 60, now=600.0).count for _ in range(3)] == [1, 2, 3]
    client = redis_cache._cache.get_client(write=True)
    key = f"{ratelimit.PREFIX}:{name}:10"
    assert int(client.get(key)) == 3 and 0 < client.ttl(key) <= 65
    client.delete(key)
