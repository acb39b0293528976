"""Console test fixtures: the shared world, logged-in clients per role, and a fresh cache per test."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def login(world):
    """``login("kupang_admin")`` → a test client logged in as that world user (second factor not set up)."""

    def make(username: str | None) -> Client:
        client = Client()
        if username is not None:
            client.force_login(world.users[username])
        return client

    return make
