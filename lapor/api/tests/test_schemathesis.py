"""Property-based API testing against our own OpenAPI document (schemathesis): whatever the input, no 5xx,
and every response matches the documented status codes, content types, headers and schemas.

Schema-valid requests may still be refused by business rules (an unknown region code, a body that is too short
for a useful report), answered 4xx in the documented error shape — so "positive data acceptance" is not checked.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi_test import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _world(world, settings_fixture_unthrottled):
    cache.clear()
    return world


@pytest.fixture
def settings_fixture_unthrottled(settings):
    settings.LAPOR_API_ANON_RATE = 1_000_000


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app closes "old" connections at the end of each request; inside the test's transaction that
    would close the test's own connection (Django's test client disconnects the same signals)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_never_breaks_its_contract(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ],
    )
