"""Refuse NUL characters in the machine APIs' parameters and text bodies with a clear 400.

PostgreSQL cannot store U+0000 in text; without this check such input would reach the database and fail there
as a server error. The REST API and Open311 are checked here, in one place. The web forms refuse it through
Django's ProhibitNullCharactersValidator, and the SMS channel must see it (UCS-2 text forwarded by a gateway
contains NUL bytes that the channel decodes), so those paths are left to their own handling.
"""

from __future__ import annotations

import json

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

TEXT_BODIES = ("application/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/")
CHECKED_PREFIXES = ("/api/v1/", "/open311/")


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(CHECKED_PREFIXES) and self._has_nul(request):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, vs in request.GET.lists() for v in vs):
            return True
        content_type = request.META.get("CONTENT_TYPE", "")
        if request.method in ("POST", "PUT", "PATCH") and content_type.startswith(TEXT_BODIES):
            body = request.body
            return b"\x00" in body or b"\\u0000" in body
        return False

    @staticmethod
    def _refuse(request):
        message = _("Permintaan berisi karakter NUL yang tidak diizinkan.")
        if request.path.startswith("/api/v1/"):
            return JsonResponse(
                {"error": {"code": "invalid_request", "message": message, "field": None, "details": {}}}, status=400
            )
        if request.path.startswith("/open311/"):
            return HttpResponse(
                json.dumps([{"code": 400, "description": message}]),
                status=400,
                content_type="application/json; charset=utf-8",
            )
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
