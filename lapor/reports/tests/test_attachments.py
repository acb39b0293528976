"""Attachments: type by content, size limit, GPS metadata stripped, only parties may attach."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import bring_to, reporter_of
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.reports.services.attachments import MAX_BYTES, attachment_add

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraMerk"  # Make
    exif[0x8825] = {1: "S", 2: (10.0, 10.0, 0.0), 3: "E", 4: (123.0, 35.0, 0.0)}  # GPS IFD: Kupang
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def test_photo_metadata_is_stripped(world):
    report = bring_to(world, "submitted")
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the original carries a GPS position
    attachment = attachment_add(report=report, actor=reporter_of(report), data=raw, filename="jalan.jpg")
    stored = attachment.file.read()
    image = Image.open(io.BytesIO(stored))
    assert attachment.content_type == "image/jpeg" and image.size == (64, 48)
    assert not image.getexif() and b"KameraMerk" not in stored


def test_type_is_decided_by_content_not_by_name(world):
    report = bring_to(world, "submitted")
    with pytest.raises(ValidationFailed):
        attachment_add(report=report, actor=reporter_of(report), data=b"MZ\x90\x00 not a photo", filename="foto.jpg")
    pdf = attachment_add(
        report=report, actor=reporter_of(report), data=b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n", filename="x.exe"
    )
    assert pdf.content_type == "application/pdf"


def test_oversized_and_broken_files_are_refused(world):
    report = bring_to(world, "submitted")
    with pytest.raises(ValidationFailed):
        attachment_add(report=report, actor=reporter_of(report), data=b"%PDF-" + b"0" * MAX_BYTES, filename="big.pdf")
    with pytest.raises(ValidationFailed):
        attachment_add(report=report, actor=reporter_of(report), data=b"\xff\xd8\xff\xe0garbage", filename="a.jpg")
    assert report.attachments.count() == 0


def test_only_parties_may_attach(world):
    report = bring_to(world, "disposed")
    with pytest.raises(PermissionDenied):
        attachment_add(report=report, actor=world.actor("surabaya_admin"), data=jpeg_with_gps(), filename="a.jpg")
    attachment_add(report=report, actor=world.actor("dinkes_penghubung"), data=jpeg_with_gps(), filename="a.jpg")
    assert report.attachments.count() == 1
