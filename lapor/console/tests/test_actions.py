"""Each action on the report page: allowed (the service runs), refused (nothing changes, the reason is shown),
bad input (the error appears next to its field, nothing changes)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import bring_to, submit
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.console.models import AnswerTemplate
from lapor.console.tests.test_permissions import PNG
from lapor.reports.choices import EventKind
from lapor.reports.models import Attachment, Report

pytestmark = pytest.mark.django_db


def act(client, report, slug, data, **extra):
    payload = {f"{slug}-{k}": v for k, v in data.items()}
    return client.post(f"/konsol/laporan/{report.tracking_id}/aksi/{slug}/", payload, **extra)


def fresh(report) -> Report:
    return Report.objects.get(pk=report.pk)


def snapshot(report) -> tuple:
    r = fresh(report)
    return (r.status, r.owner_agency_id, r.title, r.body_public, r.classification, r.events.count())


VERIFY = {
    "title": "Jalan berlubang di depan SD Inpres Oebobo",
    "body_public": "Jalan di depan SD Inpres Oebobo berlubang besar sejak dua minggu.",
    "classification": "pengaduan",
}


def test_report_page_shows_texts_side_by_side_and_only_allowed_actions(world, login):
    report = bring_to(world, "disposed")
    html = login("dinkes_penghubung").get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Isi laporan awal" in html and "Isi laporan akhir" in html
    assert 'id="aksi-tindak-lanjut"' in html and 'id="aksi-catatan"' in html
    for slug in ("verifikasi", "disposisi", "disposisi-internal", "bukan-wewenang", "selesai", "arsip"):
        assert f'id="aksi-{slug}"' not in html, slug
    admin = login("dinkes_admin").get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    for slug in ("disposisi-internal", "bukan-wewenang", "tindak-lanjut", "klasifikasi", "catatan"):
        assert f'id="aksi-{slug}"' in admin, slug


def test_verify_edits_the_public_text_and_keeps_the_original(world, login):
    report = submit(world)
    data = {**VERIFY, "body_public": "Jalan rusak parah, hubungi saya di 081234567890.", "is_secret": "on"}
    response = act(login("nasional"), report, "verifikasi", data)
    assert response.status_code == 302
    r = fresh(report)
    assert r.status == "verified" and r.is_secret and "[" in r.body_public and "081234567890" not in r.body_public
    assert r.body_original == report.body_original


def test_verify_and_dispose_in_one_step(world, login):
    report = submit(world)
    response = act(login("nasional"), report, "verifikasi", {**VERIFY, "dispose_to_q": "Pemerintah Kota Kupang"})
    assert response.status_code == 302
    r = fresh(report)
    assert r.status == "disposed" and r.owner_agency_id == world.kupang.pk


def test_verify_with_an_ambiguous_agency_lists_the_matches_and_changes_nothing(world, login):
    report = submit(world)
    before = snapshot(report)
    response = act(login("nasional"), report, "verifikasi", {**VERIFY, "dispose_to_q": "Pemerintah Kota"})
    html = response.content.decode()
    assert response.status_code == 200 and "Ada beberapa yang cocok" in html
    assert 'value="kotkupang"' in html and 'value="kotsurabaya"' in html
    assert 'id="aksi-verifikasi" open' in html
    assert snapshot(report) == before


def test_verify_bad_input_shows_the_service_error_next_to_the_field(world, login):
    report = submit(world)
    before = snapshot(report)
    response = act(login("nasional"), report, "verifikasi", {**VERIFY, "body_public": "pendek"})
    html = response.content.decode()
    assert 'id="id_verifikasi-body_public_error"' in html and "minimal 10 karakter" in html
    assert 'aria-invalid="true"' in html
    assert snapshot(report) == before


def test_a_refused_disposition_undoes_the_verification_too(world, login):
    report = bring_to(world, "submitted", intake_agency=world.kupang, channel="sms")
    before = snapshot(report)
    # The Kupang admin may verify its own intake, but may not dispose outside Kota Kupang.
    response = act(login("kupang_admin"), report, "verifikasi", {**VERIFY, "dispose_to": "kotsurabaya"})
    assert "tidak tersedia untuk Anda" in response.content.decode()
    assert snapshot(report) == before


def test_a_role_without_the_right_is_refused_and_nothing_changes(world, login):
    report = bring_to(world, "submitted", intake_agency=world.kupang, channel="sms")
    before = snapshot(report)
    client = login("walikota")  # pimpinan: reads the subtree, takes no action
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'id="aksi-verifikasi"' not in page
    response = act(client, report, "verifikasi", VERIFY, follow=True)
    assert "tidak tersedia" in response.content.decode() and "tidak berwenang" in response.content.decode()
    assert snapshot(report) == before


def test_an_action_no_longer_possible_says_why(world, login):
    report = bring_to(world, "verified")
    client = login("nasional")
    assert act(client, report, "disposisi", {"agency": "kotkupang"}).status_code == 302
    before = snapshot(report)
    response = act(client, report, "disposisi", {"agency": "kotsurabaya"}, follow=True)
    assert "Tidak dapat disposisi ke instansi" in response.content.decode()
    assert snapshot(report) == before


def test_request_info(world, login):
    report = submit(world)
    client = login("nasional")
    before = snapshot(report)
    bad = act(client, report, "tunda", {"question": "Mana?"})
    assert 'id="id_tunda-question_error"' in bad.content.decode()
    assert snapshot(report) == before
    assert act(client, report, "tunda", {"question": "Mohon sebutkan alamat lengkap lokasi jalan."}).status_code == 302
    assert fresh(report).status == "pending_info"


def test_archive_needs_a_reason_from_the_list(world, login):
    report = submit(world)
    client = login("nasional")
    before = snapshot(report)
    bad = act(client, report, "arsip", {"reason": "", "explanation": "Tidak jelas maksudnya apa."})
    assert 'id="id_arsip-reason_error"' in bad.content.decode()
    assert snapshot(report) == before
    ok = act(client, report, "arsip", {"reason": "duplikat", "explanation": "Sama dengan laporan #123 kemarin."})
    assert ok.status_code == 302 and fresh(report).status == "archived"


def test_dispose_with_the_picker(world, login):
    report = bring_to(world, "verified")
    client = login("nasional")
    before = snapshot(report)
    none = act(client, report, "disposisi", {"agency_q": "Atlantis"})
    assert "Tidak ditemukan" in none.content.decode() and snapshot(report) == before
    missing = act(client, report, "disposisi", {})
    assert 'id="id_disposisi-agency_q_error"' in missing.content.decode()
    ok = act(client, report, "disposisi", {"agency_q": "KOTKUPANG", "note": "Mohon ditindaklanjuti."})
    assert ok.status_code == 302 and fresh(report).owner_agency_id == world.kupang.pk


def test_dispose_internally_only_down_the_subtree(world, login):
    report = bring_to(world, "verified")
    from lapor.reports import services as rs

    rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.kupang)
    client = login("kupang_admin")
    before = snapshot(report)
    outside = act(client, report, "disposisi-internal", {"agency": "kotsurabaya"})
    assert "tidak tersedia untuk Anda" in outside.content.decode() and snapshot(report) == before
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'value="kupang-dinkes"' in page  # the owner's units are listed before anyone types
    ok = act(client, report, "disposisi-internal", {"agency": "kupang-dinkes"})
    assert ok.status_code == 302 and fresh(report).owner_agency_id == world.dinkes.pk


def test_return_as_not_ours_leaves_the_scope(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_admin")
    before = snapshot(report)
    short = act(client, report, "bukan-wewenang", {"reason": "Bukan kami.", "better_agency": "kupang-pupr"})
    assert 'id="id_bukan-wewenang-reason_error"' in short.content.decode() and snapshot(report) == before
    own = act(
        client,
        report,
        "bukan-wewenang",
        {"reason": "Perbaikan jalan kewenangan PUPR.", "better_agency": "kupang-dinkes"},
    )
    assert "tidak tersedia untuk Anda" in own.content.decode() and snapshot(report) == before
    ok = act(
        client,
        report,
        "bukan-wewenang",
        {"reason": "Perbaikan jalan kewenangan Dinas PUPR.", "better_agency_q": "PUPR"},
    )
    assert ok["Location"] == "/konsol/"
    r = fresh(report)
    assert r.status == "returned" and r.suggested_agency_id == world.pupr.pk
    # The one who disposed it now sees the named better owner in the dispose panel.
    page = login("kupang_admin").get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Disebut lebih berwenang" in page and 'value="kupang-pupr"' in page


def test_follow_up_with_attachment(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_penghubung")
    photo = SimpleUploadedFile("lokasi.png", PNG, content_type="image/png")
    response = act(
        client,
        report,
        "tindak-lanjut",
        {"message": "Tim sudah meninjau lokasi dan menambal lubang hari ini.", "attachments": photo},
    )
    assert response.status_code == 302
    r = fresh(report)
    assert r.status == "followed_up"
    attachment = Attachment.objects.get(report=r)
    assert attachment.event.kind == EventKind.FOLLOWED_UP
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "lokasi.png" in page and 'data-draft-clear="console-followup-' in page


def test_follow_up_bad_input_changes_nothing(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_penghubung")
    before = snapshot(report)
    short = act(client, report, "tindak-lanjut", {"message": "Sudah."})
    assert 'id="id_tindak-lanjut-message_error"' in short.content.decode()
    text = SimpleUploadedFile("catatan.txt", b"bukan gambar", content_type="image/png")
    bad = act(
        client, report, "tindak-lanjut", {"message": "Tim sudah meninjau lokasi dan menambal.", "attachments": text}
    )
    html = bad.content.decode()
    assert 'id="id_tindak-lanjut-attachments_error"' in html and "jenis berkas tidak diterima" in html
    assert "Tim sudah meninjau lokasi dan menambal." in html  # what was typed is kept
    assert snapshot(report) == before and not Attachment.objects.filter(report=report).exists()


def test_answer_templates_of_the_agency_and_above(world, login):
    report = bring_to(world, "disposed")
    city = AnswerTemplate.objects.create(agency=world.kupang, title="Salam", body="Terima kasih atas laporan Anda.")
    AnswerTemplate.objects.create(agency=world.surabaya, title="Lain", body="Template instansi lain sama sekali.")
    client = login("dinkes_penghubung")
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Salam" in page and "Lain" not in page and 'id="answer-templates"' in page
    prefilled = client.get(
        f"/konsol/laporan/{report.tracking_id}/?templat={city.pk}&aksi=tindak-lanjut"
    ).content.decode()
    assert "Terima kasih atas laporan Anda.</textarea>" in prefilled and 'id="aksi-tindak-lanjut" open' in prefilled


def test_close_by_the_admin_not_the_liaison(world, login):
    report = bring_to(world, "followed_up")
    before = snapshot(report)
    act(login("dinkes_penghubung"), report, "selesai", {"note": ""})
    assert snapshot(report) == before
    assert act(login("dinkes_admin"), report, "selesai", {"note": "Lubang sudah ditambal."}).status_code == 302
    assert fresh(report).status == "closed"


def test_reclassify_to_the_same_class_is_an_error_at_the_field(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_admin")
    before = snapshot(report)
    same = act(client, report, "klasifikasi", {"classification": "pengaduan", "reason": "Perlu pemeriksaan lapangan."})
    assert 'id="id_klasifikasi-classification_error"' in same.content.decode() and snapshot(report) == before
    ok = act(client, report, "klasifikasi", {"classification": "pengaduan_pengawasan", "reason": "Perlu pemeriksaan."})
    assert ok.status_code == 302 and fresh(report).classification == "pengaduan_pengawasan"


def test_internal_note(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_penghubung")
    empty = act(client, report, "catatan", {"note": ""})
    assert 'id="id_catatan-note_error"' in empty.content.decode()
    act(client, report, "catatan", {"note": "Koordinasi dengan Puskesmas Oepoi."})
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Koordinasi dengan Puskesmas Oepoi." in page and "Internal" in page


def identity_views(report) -> int:
    return AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED, report_id=report.pk).count()


def test_identity_is_shown_on_request_and_each_view_is_audited(world, login):
    report = bring_to(world, "disposed")
    client = login("dinkes_admin")
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Maria Ndun" not in page and identity_views(report) == 0
    shown = client.get(f"/konsol/laporan/{report.tracking_id}/?identitas=1").content.decode()
    assert "Maria Ndun" in shown and "081234567890"[1:] in shown.replace("+62", "0")
    fragment = client.get(f"/konsol/laporan/{report.tracking_id}/identitas/", HTTP_HX_REQUEST="true")
    assert "Maria Ndun" in fragment.content.decode() and "<html" not in fragment.content.decode()
    assert identity_views(report) == 2


def test_agency_staff_never_see_an_anonymous_reporter(world, login):
    report = bring_to(world, "disposed", is_anonymous=True)
    for username in ("dinkes_admin", "dinkes_penghubung", "kupang_admin", "ombudsman"):
        client = login(username)
        page = client.get(f"/konsol/laporan/{report.tracking_id}/?identitas=1").content.decode()
        fragment = client.get(f"/konsol/laporan/{report.tracking_id}/identitas/", HTTP_HX_REQUEST="true")
        assert "Maria Ndun" not in page and "Maria Ndun" not in fragment.content.decode(), username
        assert "maria@example.com" not in page, username
    assert identity_views(report) == 0
    national = login("nasional").get(f"/konsol/laporan/{report.tracking_id}/?identitas=1").content.decode()
    assert "Maria Ndun" in national and "jangan teruskan identitas" in national
    assert identity_views(report) == 1


def test_attachments_are_served_only_through_the_report(world, login):
    report = bring_to(world, "disposed")
    other = bring_to(world, "disposed")
    from lapor.reports.services.attachments import attachment_add

    attachment = attachment_add(report=report, actor=world.actor("dinkes_admin"), data=PNG, filename="a.png")
    client = login("dinkes_admin")
    response = client.get(f"/konsol/laporan/{report.tracking_id}/lampiran/{attachment.pk}/")
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/konsol/laporan/{other.tracking_id}/lampiran/{attachment.pk}/").status_code == 404


def test_unknown_action_is_404(world, login):
    report = bring_to(world, "disposed")
    assert act(login("dinkes_admin"), report, "hapus", {}).status_code == 404
