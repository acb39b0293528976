"""Every console URL answers the permission matrix: anonymous → login, no role → 403, in scope → the page,
another agency → 404 (see ``matrix.py``)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern

from conftest import bring_to
from lapor.console import urls as console_urls
from lapor.console.models import AnswerTemplate
from lapor.console.tests.matrix import Case, check
from lapor.reports.services.attachments import attachment_add

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00"
    b"\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def objects(world):
    report = bring_to(world, "disposed")  # owner: Dinas Kesehatan Kota Kupang
    attachment = attachment_add(report=report, actor=world.actor("dinkes_admin"), data=PNG, filename="foto.png")
    template = AnswerTemplate.objects.create(
        agency=world.kupang, title="Terima kasih", body="Terima kasih atas laporan"
    )
    return {"tid": report.tracking_id, "attachment": attachment.pk, "template": template.pk}


def r(path: str):
    return lambda c: path.format(**c)


CASES = [
    Case("inbox", r("/konsol/"), "kupang_admin"),
    Case("report", r("/konsol/laporan/{tid}/"), "dinkes_admin", "surabaya_admin"),
    Case("identity", r("/konsol/laporan/{tid}/identitas/"), "dinkes_admin", "surabaya_admin", ok=(302,)),
    Case(
        "action",
        r("/konsol/laporan/{tid}/aksi/catatan/"),
        "dinkes_admin",
        "surabaya_admin",
        method="post",
        data={"catatan-note": "Sudah dikoordinasikan."},
        ok=(302,),
    ),
    Case("attachment", r("/konsol/laporan/{tid}/lampiran/{attachment}/"), "dinkes_admin", "surabaya_admin"),
    Case("walkin", r("/konsol/laporan-langsung/"), "dinkes_penghubung"),
    Case(
        "walkin_receipt", r("/konsol/laporan-langsung/{tid}/tanda-terima/"), "dinkes_admin", "surabaya_admin", ok=(302,)
    ),
    Case("bulk", r("/konsol/massal/"), "nasional", method="post", data={"action": "verify"}),
    Case("agency_search", r("/konsol/cari/instansi/?tujuan=internal&laporan={tid}"), "kupang_admin", "surabaya_admin"),
    Case("category_search", r("/konsol/cari/kategori/?q=jalan"), "dinkes_penghubung"),
    Case("region_search", r("/konsol/cari/wilayah/?q=kupang"), "dinkes_penghubung"),
    Case("agencies", r("/konsol/instansi/"), "kupang_admin", ok=(302,)),
    Case("agency", r("/konsol/instansi/kupang-dinkes/"), "kupang_admin", "surabaya_admin"),
    Case("unit_create", r("/konsol/instansi/kupang-dinkes/unit-baru/"), "dinkes_admin", "surabaya_admin"),
    Case("staff", r("/konsol/instansi/kupang-dinkes/petugas/"), "dinkes_admin", "surabaya_admin"),
    Case("closures", r("/konsol/instansi/kotkupang/hari-libur/"), "kupang_admin", "surabaya_admin"),
    Case("templates", r("/konsol/instansi/kotkupang/templat/"), "kupang_admin", "surabaya_admin"),
    Case("template_edit", r("/konsol/instansi/kotkupang/templat/{template}/"), "kupang_admin", "surabaya_admin"),
    Case("totp_setup", r("/konsol/akun/autentikator/"), "dinkes_penghubung"),
    Case("password", r("/konsol/akun/kata-sandi/"), "dinkes_penghubung"),
]
# Pages that finish or end a login, and the keep-alive JSON endpoint, have their own tests (test_auth.py).
EXEMPT = {"login", "otp", "logout", "keepalive"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_permission_matrix(case, login, objects):
    check(case, login=login, context=objects)


def test_every_console_url_is_in_the_matrix():
    names = {p.name for p in console_urls.urlpatterns if isinstance(p, URLPattern)}
    covered = {c.name for c in CASES} | EXEMPT
    assert names == covered, names ^ covered


@pytest.mark.parametrize(
    "username,url",
    [
        ("dinkes_penghubung", "/konsol/instansi/kupang-dinkes/"),  # in the subtree, but not an admin
        ("walikota", "/konsol/instansi/kotkupang/petugas/"),
        ("walikota", "/konsol/laporan-langsung/"),  # pimpinan reads dashboards; no intake
    ],
)
def test_staff_without_the_role_get_403(username, url, login, objects):
    assert login(username).get(url).status_code == 403


def test_a_public_report_of_another_agency_is_not_in_the_console(world, login):
    """Public reports are readable by anyone on the portal, but the console is for one's own scope."""
    report = bring_to(world, "followed_up")  # public (not secret), owner Dinkes Kupang
    assert login("surabaya_admin").get(f"/konsol/laporan/{report.tracking_id}/").status_code == 404
    assert login("ombudsman").get(f"/konsol/laporan/{report.tracking_id}/").status_code == 200
