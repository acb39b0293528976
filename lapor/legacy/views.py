"""The legacy LAPOR! integration endpoint ``POST /api/stream/addstream``, so existing regional integrations
switch over unchanged::

    <lapor token="KEY">
      <pelapor><email/><telpon/><namadepan/><namabelakang/></pelapor>
      <laporan rahasia="1" anonim="1"><judul/>?<isi>…</isi><kategori/>?<lokasi/>?</laporan>
    </lapor>

answered with ``<trackingid>`` and ``<transaksiid>``. Parsed with defusedxml: entity expansion, external
entities and DTDs are refused with a clear XML error. ``token`` is an integrator key (``lapor apikey create``).
A ``transaksi`` attribute on ``<laporan>`` (or an ``Idempotency-Key`` header) makes retries safe.
"""

from __future__ import annotations

import secrets
from xml.etree import ElementTree as ET  # noqa: S405 - building the answer only; parsing uses defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lapor.core.errors import ApplicationError
from lapor.integrations.services import actor_for_key, apikey_authenticate
from lapor.reports.models import Report
from lapor.reports.services import report_submit

MAX_BYTES = 200_000


def _answer(http_status: int, **fields: str) -> HttpResponse:
    root = ET.Element("response")
    for tag, value in fields.items():
        ET.SubElement(root, tag).text = value
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return HttpResponse(body, status=http_status, content_type="text/xml; charset=utf-8")


def _error(status: int, code: str, message: str) -> HttpResponse:
    return _answer(status, status="error", code=code, message=str(message))


def _text(node, path: str) -> str:
    found = node.find(path) if node is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "ya", "y"}


@csrf_exempt
@require_POST
def addstream(request: HttpRequest) -> HttpResponse:
    if len(request.body) > MAX_BYTES:
        return _error(413, "too_large", _("Dokumen terlalu besar (maksimal 200 KB)."))
    try:
        root = fromstring(request.body, forbid_dtd=True)
    except (DefusedXmlException, ParseError, ValueError) as exc:
        return _error(400, "invalid_xml", _("XML tidak valid atau tidak aman: %(e)s") % {"e": type(exc).__name__})
    if root.tag != "lapor":
        return _error(400, "invalid_xml", _("Elemen akar harus <lapor>."))
    key = apikey_authenticate(root.get("token"))
    if key is None:
        return _error(401, "invalid_token", _("Token tidak valid atau sudah dicabut."))
    pelapor, laporan = root.find("pelapor"), root.find("laporan")
    if laporan is None:
        return _error(400, "missing_field", _("Elemen <laporan> wajib ada."))
    transaksi = (laporan.get("transaksi") or request.headers.get("Idempotency-Key") or "").strip()[:100]
    intake_key = f"addstream:{key.prefix}:{transaksi}" if transaksi else None
    name = " ".join(p for p in (_text(pelapor, "namadepan"), _text(pelapor, "namabelakang")) if p)
    category = _text(laporan, "kategori")
    lokasi = laporan.find("lokasi")
    try:
        result = report_submit(
            actor=actor_for_key(key),
            channel="integrasi",
            title=_text(laporan, "judul"),
            body=_text(laporan, "isi"),
            category_id=int(category) if category.isdigit() else None,
            region_code=(lokasi.get("kode") if lokasi is not None else None) or None,
            address=_text(laporan, "lokasi"),
            is_anonymous=_flag(laporan.get("anonim")),
            is_secret=_flag(laporan.get("rahasia")),
            reporter_name=name,
            reporter_phone=_text(pelapor, "telpon"),
            reporter_email=_text(pelapor, "email"),
            intake_agency=key.agency,
            intake_key=intake_key,
        )
    except ApplicationError as exc:
        field = exc.extra.get("field")
        return _error(400, exc.code, f"{exc.message}" + (f" ({field})" if field else ""))
    report = result.report
    return _answer(
        200,
        status="success",
        trackingid=report.tracking_id,
        transaksiid=transaksi or _transaction_id(report),
    )


def _transaction_id(report: Report) -> str:
    return f"TRX{report.pk:010d}{secrets.token_hex(3).upper()}"
