"""Agency admin pages and their services: SMS keyword, units, staff and roles, closures, answer templates."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import MONDAY, bring_to
from lapor.agencies.models import Agency, Membership
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.console import services as cs
from lapor.console.models import AnswerTemplate, TemporaryPassword
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.reports.models import Report
from lapor.sla.models import AgencyClosure

pytestmark = pytest.mark.django_db


# --- SMS keyword ---------------------------------------------------------------------------------------------


def test_keyword_set_audited(world):
    cs.agency_sms_keyword_set(actor=world.actor("kupang_admin"), agency=world.dinkes, keyword=" dinkeskpg ")
    assert Agency.objects.get(pk=world.dinkes.pk).sms_keyword == "DINKESKPG"
    event = AuditEvent.objects.filter(event_type=AuditEventType.AGENCY_CHANGED, extra_data__op="sms_keyword").get()
    assert event.extra_data["to"] == "DINKESKPG" and event.extra_data["from"] is None


@pytest.mark.parametrize("keyword", ["KOTSURABAYA", "kotsurabaya", "CEK", "DUA KATA", "X", "é" * 4])
def test_keyword_refusals_change_nothing(world, keyword):
    with pytest.raises(ValidationFailed) as refused:
        cs.agency_sms_keyword_set(actor=world.actor("kupang_admin"), agency=world.kupang, keyword=keyword)
    assert refused.value.extra["field"] == "sms_keyword"
    assert Agency.objects.get(pk=world.kupang.pk).sms_keyword == "KOTKUPANG"


def test_keyword_only_by_the_agencys_admins(world):
    for name in ("surabaya_admin", "dinkes_admin", "dinkes_penghubung"):
        with pytest.raises(PermissionDenied):
            cs.agency_sms_keyword_set(actor=world.actor(name), agency=world.kupang, keyword="KUPANGKOTA")


def test_keyword_cleared(world):
    cs.agency_sms_keyword_set(actor=world.actor("nasional"), agency=world.kupang, keyword="")
    assert Agency.objects.get(pk=world.kupang.pk).sms_keyword is None


def test_keyword_page(world, login):
    client = login("kupang_admin")
    bad = client.post("/konsol/instansi/kotkupang/", {"sms_keyword": "KOTSURABAYA"})
    assert 'id="id_sms_keyword_error"' in bad.content.decode() and "sudah dipakai" in bad.content.decode()
    ok = client.post("/konsol/instansi/kotkupang/", {"sms_keyword": "KUPANG"})
    assert ok.status_code == 302 and Agency.objects.get(pk=world.kupang.pk).sms_keyword == "KUPANG"


# --- units ---------------------------------------------------------------------------------------------------


def test_unit_create(world, login):
    client = login("kupang_admin")
    data = {"name": "Kelurahan Oebobo", "code": "kupang-kel-oebobo", "kind": "kelurahan", "region_q": "53.71.04.1001"}
    assert client.post("/konsol/instansi/kotkupang/unit-baru/", data).status_code == 302
    unit = Agency.objects.get(code="kupang-kel-oebobo")
    assert Agency.objects.get_parent(unit).pk == world.kupang.pk and unit.timezone == "Asia/Makassar"
    again = client.post("/konsol/instansi/kotkupang/unit-baru/", data)
    assert 'id="id_code_error"' in again.content.decode()
    bad = client.post("/konsol/instansi/kotkupang/unit-baru/", {**data, "code": "Bad Code!"})
    assert 'id="id_code_error"' in bad.content.decode()
    assert Agency.objects.filter(code__startswith="kupang-kel").count() == 1
    page = client.get("/konsol/instansi/kotkupang/").content.decode()
    assert "Kelurahan Oebobo" in page


def test_unit_create_refused_outside_scope(world):
    with pytest.raises(PermissionDenied):
        cs.agency_unit_create(
            actor=world.actor("dinkes_admin"), parent=world.kupang, code="x-unit", name="Unit", kind="unit"
        )


# --- staff ---------------------------------------------------------------------------------------------------


def test_grant_and_revoke_roles(world, login):
    client = login("dinkes_admin")
    response = client.post(
        "/konsol/instansi/kupang-dinkes/petugas/", {"op": "grant", "grant-user": "warga", "grant-role": "penghubung"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=world.users["warga"], agency=world.dinkes, role="penghubung", active=True)
    unknown = client.post(
        "/konsol/instansi/kupang-dinkes/petugas/", {"op": "grant", "grant-user": "nobody", "grant-role": "penghubung"}
    )
    assert "Akun tidak ditemukan" in unknown.content.decode()
    national = client.post(
        "/konsol/instansi/kupang-dinkes/petugas/",
        {"op": "grant", "grant-user": "warga", "grant-role": "admin_nasional"},
    )
    assert 'id="id_grant-role_error"' in national.content.decode()
    revoke = {"op": "revoke", "user": world.users["warga"].pk, "role": "penghubung"}
    assert client.post("/konsol/instansi/kupang-dinkes/petugas/", revoke).status_code == 302
    assert not Membership.objects.filter(user=world.users["warga"], role="penghubung", active=True).exists()


def test_nobody_revokes_their_own_role(world):
    with pytest.raises(PermissionDenied):
        cs.staff_role_revoke(
            actor=world.actor("dinkes_admin"),
            agency=world.dinkes,
            user=world.users["dinkes_admin"],
            role="admin_instansi",
        )


def test_grant_rules(world):
    assert cs.grantable_roles(world.actor("dinkes_admin"), world.dinkes) == ["admin_instansi", "penghubung", "pimpinan"]
    assert "pengawas" in cs.grantable_roles(world.actor("nasional"), world.root)
    assert "admin_nasional" not in cs.grantable_roles(world.actor("nasional"), world.kupang)
    assert cs.grantable_roles(world.actor("dinkes_penghubung"), world.dinkes) == []
    with pytest.raises(PermissionDenied):
        cs.staff_role_grant(
            actor=world.actor("surabaya_admin"), agency=world.dinkes, user=world.users["warga"], role="penghubung"
        )


def test_new_staff_account_with_a_temporary_password(world, login):
    client = login("dinkes_admin")
    data = {
        "op": "create",
        "baru-full_name": "Siti Rahma",
        "baru-username": "siti.rahma",
        "baru-email": "",
        "baru-role": "penghubung",
    }
    response = client.post("/konsol/instansi/kupang-dinkes/petugas/", data)
    assert response.status_code == 302
    page = client.get("/konsol/instansi/kupang-dinkes/petugas/").content.decode()
    assert "<h2>Kata sandi sementara</h2>" in page and "Siti Rahma" in page
    assert "<h2>Kata sandi sementara</h2>" not in client.get("/konsol/instansi/kupang-dinkes/petugas/").content.decode()
    user = Membership.objects.get(user__username="siti.rahma").user
    assert TemporaryPassword.objects.filter(user=user).exists()
    duplicate = client.post("/konsol/instansi/kupang-dinkes/petugas/", data)
    assert 'id="id_baru-username_error"' in duplicate.content.decode()


def test_password_reset_by_admin(world, login):
    client = login("kupang_admin")
    target = world.users["dinkes_penghubung"]
    client.post("/konsol/instansi/kupang-dinkes/petugas/", {"op": "reset_password", "user": target.pk})
    assert TemporaryPassword.objects.filter(user=target).exists()
    with pytest.raises(PermissionDenied):
        cs.staff_password_reset(actor=world.actor("surabaya_admin"), user=target)


# --- closures and templates --------------------------------------------------------------------------------


def test_closure_moves_deadlines(world, login):
    with clock.frozen(MONDAY):
        report = bring_to(world, "disposed")
        due = report.response_due_at
        client = login("kupang_admin")
        response = client.post(
            "/konsol/instansi/kotkupang/hari-libur/", {"date": "2026-11-04", "reason": "Hari jadi Kota Kupang"}
        )
    assert response.status_code == 302
    assert AgencyClosure.objects.filter(agency=world.kupang, date=dt.date(2026, 11, 4)).exists()
    assert Report.objects.get(pk=report.pk).response_due_at > due
    weekend = client.post("/konsol/instansi/kotkupang/hari-libur/", {"date": "2026-11-07", "reason": "Sabtu"})
    assert 'id="id_date_error"' in weekend.content.decode()
    far = client.post("/konsol/instansi/kotkupang/hari-libur/", {"date": "2099-01-05", "reason": "Jauh sekali"})
    assert 'id="id_date_error"' in far.content.decode()


def test_templates_create_edit_retire(world, login):
    client = login("kupang_admin")
    short = client.post("/konsol/instansi/kotkupang/templat/", {"title": "Hi", "body": "pendek"})
    assert 'id="id_title_error"' in short.content.decode() or 'id="id_body_error"' in short.content.decode()
    body = "Terima kasih, laporan Anda sudah kami teruskan kepada unit terkait."
    client.post("/konsol/instansi/kotkupang/templat/", {"title": "Diteruskan", "body": body})
    template = AnswerTemplate.objects.get()
    assert template.agency_id == world.kupang.pk and template.created_by_id == world.users["kupang_admin"].pk
    url = f"/konsol/instansi/kotkupang/templat/{template.pk}/"
    assert client.post(url, {"title": "Diteruskan ke unit", "body": body}).status_code == 302
    template.refresh_from_db()
    assert template.title == "Diteruskan ke unit" and not template.active
    assert login("surabaya_admin").get(url).status_code == 404
    assert login("dinkes_admin").get(url).status_code == 404  # Kupang lies above the Dinkes scope
    assert login("walikota").get(url).status_code == 403  # in scope, but not an admin
