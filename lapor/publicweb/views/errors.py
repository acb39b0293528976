"""Friendly answers for a form that could not be accepted (an expired or missing CSRF cookie)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Set as ``CSRF_FAILURE_VIEW``: the page was open too long or cookies are blocked. Nothing typed is lost:
    the browser keeps a draft of the report form (see ``lapor/app.js``), restored when the form opens again."""
    return render(request, "publicweb/csrf_failure.html", {"back": request.META.get("HTTP_REFERER", "")}, status=403)
