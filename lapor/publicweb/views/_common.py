"""Helpers shared by the portal's views: who is asking, and the reporter's private token."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from django.http import Http404, HttpRequest

from lapor.agencies.actors import Actor
from lapor.core.errors import NotFound
from lapor.privacy.policy import report_for
from lapor.reports.models import Report
from lapor.reports.permissions import is_reporter_of

SESSION_TOKENS = "lapor_follow"  # {tracking_id: access token} of the reports this browser may follow
SESSION_TOKENS_MAX = 30


def request_actor(request: HttpRequest) -> Actor:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Actor.for_user(user)
    return Actor.public()


def remembered_token(request: HttpRequest, tracking_id: str) -> str | None:
    tokens = request.session.get(SESSION_TOKENS) or {}
    token = tokens.get(tracking_id) if isinstance(tokens, dict) else None
    return token if isinstance(token, str) else None


def remember_token(request: HttpRequest, tracking_id: str, token: str) -> None:
    """Keep the private token in the session, so the reporter's next pages need no token in the address."""
    tokens = dict(request.session.get(SESSION_TOKENS) or {})
    tokens.pop(tracking_id, None)
    tokens[tracking_id] = token
    while len(tokens) > SESSION_TOKENS_MAX:
        tokens.pop(next(iter(tokens)))
    request.session[SESSION_TOKENS] = tokens


def forget_token(request: HttpRequest, tracking_id: str) -> None:
    tokens = dict(request.session.get(SESSION_TOKENS) or {})
    if tokens.pop(tracking_id, None) is not None:
        request.session[SESSION_TOKENS] = tokens


@dataclass
class Viewer:
    """The report as this request may see it, and as whom."""

    report: Report
    actor: Actor
    token: str | None  # a valid private token, when the viewer proved one
    is_reporter: bool


def load_report(request: HttpRequest, tracking_id: str, *, token: str | None = None) -> Viewer:
    """Read the report through the privacy layer; a report that may not be seen is a 404, like a missing one.

    The token comes from the argument (the ``t`` of the private link or of a form), else from the session.
    """
    tracking_id = (tracking_id or "")[:20]
    base = request_actor(request)
    candidates = [t for t in (token, remembered_token(request, tracking_id)) if t]
    report = None
    for candidate in candidates:
        try:
            report = report_for(base, tracking_id, token=candidate[:100])
        except NotFound:
            continue
        if hmac.compare_digest(candidate, report.access_token):
            user = base.user if base.kind == "reporter" else None
            actor = Actor.reporter(token=candidate, user=user)
            return Viewer(report=report, actor=actor, token=candidate, is_reporter=True)
    try:
        report = report or report_for(base, tracking_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return Viewer(report=report, actor=base, token=None, is_reporter=is_reporter_of(base, report))


def private_headers(response, *, private: bool):
    """Pages showing a reporter's own report are not cached anywhere nor indexed."""
    if private:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
