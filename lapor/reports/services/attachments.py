"""Attachments: checked by content (not by name), limited in size and number, images re-encoded without
metadata so a photo's GPS position and camera serial never leave the reporter's phone.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.reports.choices import Visibility
from lapor.reports.models import Attachment, Report, ReportEvent
from lapor.reports.permissions import is_reporter_of

MAX_BYTES = int(getattr(settings, "LAPOR_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
MAX_PER_REPORT = 10
MAX_PIXELS = 40_000_000
# (magic prefix, content type, extension). WEBP is "RIFF....WEBP".
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)
IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


def sniff_content_type(data: bytes) -> tuple[str, str] | None:
    """The real type of ``data`` from its first bytes, or ``None`` when it is not an accepted type."""
    for magic, content_type, ext in SIGNATURES:
        if data.startswith(magic):
            return content_type, ext
    if len(data) > 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


def strip_image_metadata(data: bytes, content_type: str) -> bytes:
    """Re-encode the pixels only (after applying the EXIF orientation): EXIF with GPS and camera data, XMP and
    comments are dropped.
    """
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationFailed(_("Gambar terlalu besar."), extra={"field": "attachment"})
            upright = ImageOps.exif_transpose(image)
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            if upright.mode == "P":
                clean.putpalette(upright.getpalette())
            out = io.BytesIO()
            fmt = IMAGE_FORMATS[content_type]
            if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
                clean = clean.convert("RGB")
            clean.save(out, format=fmt, **({"quality": 88} if fmt in ("JPEG", "WEBP") else {}))
            return out.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError, SyntaxError) as exc:
        raise ValidationFailed(
            _("Berkas gambar rusak atau tidak dapat dibaca."), extra={"field": "attachment"}
        ) from exc


def _may_attach(actor: Actor, report: Report) -> bool:
    if is_reporter_of(actor, report) or actor.is_system:
        return True
    return actor.is_staff_actor and actor.covers(
        report.owner_agency, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.LIAISON
    )


@transaction.atomic
def attachment_add(
    *,
    report: Report,
    actor: Actor,
    data: bytes,
    filename: str,
    event: ReportEvent | None = None,
    visibility: str = Visibility.PARTIES,
    skip_permission: bool = False,
) -> Attachment:
    """Attach ``data`` to ``report``. ``skip_permission`` is for the submitting channel itself (the reporter is
    attaching to the report they are filing in the same transaction).
    """
    if not skip_permission and not _may_attach(actor, report):
        raise PermissionDenied(_("Anda tidak dapat menambahkan lampiran pada laporan ini."))
    if not data:
        raise ValidationFailed(_("Lampiran kosong."), extra={"field": "attachment"})
    if len(data) > MAX_BYTES:
        raise ValidationFailed(
            _("Lampiran terlalu besar: maksimal %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)},
            extra={"field": "attachment"},
        )
    sniffed = sniff_content_type(data)
    if sniffed is None:
        raise ValidationFailed(
            _("Jenis berkas tidak diterima: kirim foto (JPEG, PNG, WEBP) atau PDF."), extra={"field": "attachment"}
        )
    if report.attachments.count() >= MAX_PER_REPORT:
        raise ValidationFailed(
            _("Maksimal %(n)d lampiran per laporan.") % {"n": MAX_PER_REPORT}, extra={"field": "attachment"}
        )
    content_type, ext = sniffed
    if content_type in IMAGE_FORMATS:
        data = strip_image_metadata(data, content_type)
    name = os.path.basename(filename or "")[:150] or f"lampiran.{ext}"
    attachment = Attachment(
        report=report,
        event=event,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor.kind,
        visibility=visibility,
    )
    attachment.file.save(f"{report.tracking_id}-{secrets.token_hex(8)}.{ext}", ContentFile(data), save=False)
    attachment.save()
    return attachment
