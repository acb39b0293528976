"""A reusable permission matrix for console URLs (NetBox-style): each case names a URL and who is in scope;
the helper checks the four answers every console page must give.

* anonymous → 302 to the console login, with ``next``;
* a logged-in user without a staff role → 403;
* a staff member whose scope covers the object → the page (200, or a redirect for POST actions);
* a staff member of another agency → 404, exactly as for an object that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.test import Client

LOGIN_PATH = "/konsol/masuk/"


@dataclass(frozen=True)
class Case:
    """``url`` may be a callable taking the test's context (reports, agencies) and returning the path."""

    name: str
    url: Callable[[dict[str, Any]], str]
    in_scope: str
    other_agency: str | None = None
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    ok: tuple[int, ...] = (200,)
    no_role: str = "warga"


def check(case: Case, *, login: Callable[[str | None], Client], context: dict[str, Any]) -> None:
    url = case.url(context)

    def call(client: Client):
        return getattr(client, case.method)(url, case.data)

    response = call(login(None))
    assert response.status_code == 302, (case.name, "anonymous", response.status_code)
    assert response["Location"].startswith(LOGIN_PATH), (case.name, response["Location"])
    assert "next=" in response["Location"], case.name

    response = call(login(case.no_role))
    assert response.status_code == 403, (case.name, "no role", response.status_code)

    response = call(login(case.in_scope))
    assert response.status_code in case.ok, (case.name, case.in_scope, response.status_code)

    if case.other_agency is not None:
        response = call(login(case.other_agency))
        assert response.status_code == 404, (case.name, case.other_agency, response.status_code)
