"""Router and duplicate services against the database, state built through the report services."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from conftest import reporter_of, submit
from lapor.audit.models import AuditEvent
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.states import Status
from lapor.routing import services as routing
from lapor.routing.models import DuplicateLink, RouterVersion, RoutingSuggestion
from lapor.routing.services.router import _history
from lapor.routing.tasks import routing_sweep
from lapor.routing.tests.conftest import NEIGHBOURHOOD, handled

pytestmark = pytest.mark.django_db


def trained(history_world):
    version = routing.router_train_from_db(activate=True)
    assert version.is_active
    return version


def test_history_labels_are_the_final_owner_after_bukan_wewenang(rworld):
    w = rworld.world
    nas = w.actor("nasional")
    report = submit(w, body="Jalan berlubang di depan pasar, mohon diperbaiki", region_code="53.71.04.1001")
    report = rs.report_verify(report=report, actor=nas)
    report = rs.report_dispose(report=report, actor=nas, agency=w.dinkes)
    report = rs.report_return(
        report=report, actor=w.actor("dinkes_admin"), better_agency=w.pupr,
        reason="Perbaikan jalan adalah kewenangan Dinas PUPR, bukan kami.",
    )  # fmt: skip
    report = rs.report_dispose(report=report, actor=nas, agency=w.pupr)
    rs.report_follow_up(report=report, actor=w.actor("kupang_admin"), message="Lubang sudah kami tambal kemarin sore.")
    submit(w, body="Masih di verifikasi, belum punya pemilik akhir", region_code="53.71.04.1001")
    records, labels = _history()
    assert labels == [w.pupr.code]
    assert records[0].kelurahan == "Oebobo" and records[0].kecamatan_code == "53.71.04"


def test_not_enough_history_is_a_clear_refusal(rworld):
    with pytest.raises(ValidationFailed) as exc:
        routing.router_train_from_db()
    assert exc.value.code == "not_enough_history"
    assert not RouterVersion.objects.exists()


def test_train_registers_an_active_model_file_with_version_and_audit(history_world):
    version = trained(history_world)
    assert version.n_reports == 24 and version.path.endswith(".model")
    assert AuditEvent.objects.filter(event_type="routing.model_trained").exists()
    assert AuditEvent.objects.filter(event_type="routing.model_activated", extra_data__version=version.version).exists()
    second = routing.router_train_from_db(activate=True)
    assert list(RouterVersion.objects.filter(is_active=True)) == [second]


def test_suggestion_resolves_the_kelurahan_office_and_explains_itself(history_world):
    trained(history_world)
    w = history_world.world
    report = submit(w, body=NEIGHBOURHOOD[1] + " sejak bulan lalu", region_code="53.71.04.1002")
    suggestions = routing.routing_suggest(report=report, actor=w.actor("nasional"))
    top = suggestions.items[0]
    assert top.agency == history_world.kel_fatululi
    assert "kantor kelurahan" in top.reason and "Fatululi" in top.reason
    assert len(suggestions.items) == 3 and top.confidence > suggestions.items[1].confidence
    # stored once per model version; asking again reads the row
    assert routing.routing_suggest(report=report).row.pk == suggestions.row.pk
    assert RoutingSuggestion.objects.filter(report=report).count() == 1


def test_suggestions_are_limited_to_where_the_actor_may_dispose(history_world):
    trained(history_world)
    w = history_world.world
    report = submit(w, body="Jalan berlubang parah depan pasar, mohon ditambal", region_code="53.71.04.1001")
    assert routing.routing_suggest(report=report, actor=w.actor("surabaya_admin")).items == []
    assert routing.routing_suggest(report=report, actor=w.actor("kupang_admin")).items[0].agency == w.pupr


def test_one_click_dispose_verifies_disposes_and_records_the_rank(history_world):
    trained(history_world)
    w = history_world.world
    report = submit(w, body="Pelayanan puskesmas lambat sekali, antrian pasien panjang", region_code="53.71.01.1001")
    top = routing.routing_suggest(report=report).items[0]
    assert top.agency == w.dinkes
    report = routing.routing_dispose_suggested(report=report, actor=w.actor("nasional"), agency=top.agency)
    assert report.status == Status.DISPOSED and report.owner_agency == w.dinkes
    assert report.events.filter(kind="disposed", body__contains="saran router").exists()
    assert RoutingSuggestion.objects.get(report=report).accepted_rank == 1
    assert AuditEvent.objects.filter(event_type="routing.suggestion_accepted", report_id=report.pk).exists()


def test_auto_dispose_is_off_by_default_then_follows_the_admin_threshold(history_world):
    trained(history_world)
    w = history_world.world
    report = submit(w, body="Jalan berlubang besar dan aspal rusak, mohon ditambal PUPR", region_code="53.71.04.1001")
    routing.routing_process_report(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED

    with pytest.raises(PermissionDenied):
        routing.routing_policy_update(actor=w.actor("kupang_admin"), auto_dispose_threshold=0.6)
    with pytest.raises(ValidationFailed):
        routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=0.2)
    routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=0.5)
    confidence = routing.routing_suggest(report=report).items[0].confidence
    assert confidence >= 0.5
    routing.routing_process_report(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == Status.DISPOSED and report.owner_agency == w.pupr
    row = RoutingSuggestion.objects.get(report=report)
    assert row.auto_disposed_to == w.pupr and row.auto_disposed_at is not None
    audit = AuditEvent.objects.get(event_type="routing.auto_disposed", report_id=report.pk)
    assert audit.actor_label == "router otomatis" and audit.extra_data["confidence"] == confidence
    assert report.events.filter(kind="disposed", body__contains="Disposisi otomatis").exists()


def test_auto_dispose_below_threshold_leaves_the_report_for_a_person(history_world):
    trained(history_world)
    w = history_world.world
    routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=1)
    report = submit(w, body="Ada keluhan umum tentang kota ini yang kurang jelas", region_code="53.71.04.1001")
    routing.routing_process_report(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert RoutingSuggestion.objects.filter(report=report, auto_disposed_at__isnull=True).exists()


def test_revert_of_auto_disposition(history_world):
    trained(history_world)
    w = history_world.world
    routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=0.5)
    report = submit(w, body="Jalan berlubang besar dan aspal rusak, mohon ditambal PUPR", region_code="53.71.04.1001")
    routing.routing_process_report(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == Status.DISPOSED
    with pytest.raises(PermissionDenied):  # the receiving unit refuses with bukan wewenang instead
        routing.routing_auto_dispose_revert(
            report=report, actor=w.actor("kupang_admin"), reason="Bukan kewenangan kami, salah tujuan."
        )
    report = routing.routing_auto_dispose_revert(
        report=report, actor=w.actor("nasional"), reason="Salah tujuan, ini urusan Dinas Kesehatan."
    )
    assert report.status == Status.VERIFIED and report.owner_agency == w.root
    assert RoutingSuggestion.objects.get(report=report).reverted_at is not None
    assert report.events.filter(kind="recalled").exists()
    assert AuditEvent.objects.filter(event_type="routing.auto_dispose_reverted", report_id=report.pk).exists()
    with pytest.raises(ValidationFailed) as exc:  # once only
        routing.routing_auto_dispose_revert(report=report, actor=w.actor("nasional"), reason="Salah tujuan lagi.")
    assert exc.value.code == "not_auto_disposed"


def test_sweep_suggests_for_new_reports_once(history_world):
    trained(history_world)
    w = history_world.world
    submit(w, body="Lampu jalan padam di depan rumah sakit", region_code="53.71.04.1001")
    assert routing_sweep() == 1
    assert routing_sweep() == 0


# --- duplicates ----------------------------------------------------------------------------------------------


def test_same_reporter_refiling_is_found_with_reason(rworld):
    w = rworld.world
    first = submit(w, body="Lampu jalan di Gang Kenanga padam sejak minggu lalu", region_code="53.71.04.1001")
    again = submit(w, body="PJU gang kenanga masih padam belum diperbaiki juga", region_code="53.71.04.1001")
    found = routing.duplicate_find(report=again, actor=w.actor("nasional"))
    assert found[0].report == first and found[0].reason.startswith("pelapor sama")


def test_anonymous_reporter_is_never_matched_by_identity_for_agency_staff(rworld):
    w = rworld.world
    nas = w.actor("nasional")
    first = submit(w, body="Lampu jalan di Gang Kenanga padam sejak minggu lalu", region_code="53.71.04.1001")
    again = submit(w, body="PJU gang kenanga masih padam, tolong", region_code="53.71.04.1001", is_anonymous=True)
    for r in (first, again):
        r = rs.report_verify(report=r, actor=nas)
        rs.report_dispose(report=r, actor=nas, agency=w.pupr)
    again.refresh_from_db()
    staff = routing.duplicate_find(report=again, actor=w.actor("kupang_admin"))
    assert all("pelapor sama" not in d.reason for d in staff)
    assert routing.duplicate_find(report=again, actor=nas)[0].reason.startswith("pelapor sama")


def test_link_as_duplicate_archives_informs_and_relays_follow_ups(rworld):
    w = rworld.world
    nas = w.actor("nasional")
    primary = handled(w, w.pupr, "Jalan berlubang besar di depan SD Oebobo, mohon ditambal", "53.71.04.1001")
    dup = submit(
        w, body="Jalan berlubang besar di depan SD Oebobo mohon segera ditambal", region_code="53.71.04.1001",
        reporter_name="Yohanes", reporter_phone="081299990000", reporter_email="yohanes@example.com",
    )  # fmt: skip
    candidate = routing.duplicate_find(report=dup, actor=nas)[0]
    assert candidate.report == primary and candidate.kind == "duplicate"
    link = routing.duplicate_link(
        report=dup, primary=primary, actor=nas, score=candidate.score, reason=candidate.reason
    )
    dup.refresh_from_db()
    assert dup.status == Status.ARCHIVED and dup.archive_reason == "duplikat"
    assert primary.tracking_id in dup.status_note
    assert AuditEvent.objects.filter(event_type="routing.report_linked", report_id=dup.pk).exists()
    with pytest.raises(ValidationFailed):
        routing.duplicate_link(report=primary, primary=dup, actor=nas)

    before = OutboxMessage.objects.filter(recipient="yohanes@example.com").count()
    rs.report_follow_up(
        report=primary, actor=w.actor("kupang_admin"), message="Lubang sudah ditambal hari ini, terima kasih."
    )
    assert routing.duplicate_relay() == 1
    assert routing.duplicate_relay() == 0
    sent = OutboxMessage.objects.filter(recipient="yohanes@example.com").order_by("-id")
    assert sent.count() == before + 1 and "ditambal hari ini" in sent.first().body
    routing.duplicate_unlink(link=link, actor=nas, reason="keliru")
    assert DuplicateLink.objects.get(pk=link.pk).removed_at is not None


def test_related_link_changes_nothing_else_and_needs_the_right(rworld):
    w = rworld.world
    a = submit(w, body="Sampah menumpuk di pasar Oebobo belum diangkut", region_code="53.71.04.1001")
    b = submit(w, body="Bau sampah pasar Oebobo mengganggu warga sekitar", region_code="53.71.04.1001")
    with pytest.raises(PermissionDenied):
        routing.duplicate_link(report=a, primary=b, actor=w.actor("surabaya_admin"), kind="related")
    with pytest.raises(PermissionDenied):
        routing.duplicate_link(report=a, primary=b, actor=reporter_of(a), kind="related")
    routing.duplicate_link(report=a, primary=b, actor=w.actor("nasional"), kind="related")
    a.refresh_from_db()
    assert a.status == Status.SUBMITTED


def test_citizen_similar_reports_show_only_public_reports(rworld):
    w = rworld.world
    nas = w.actor("nasional")
    public = submit(w, body="Jalan berlubang besar di depan SD Inpres Oebobo, motor jatuh", region_code="53.71.04.1001")
    rs.report_verify(report=public, actor=nas)
    secret = submit(
        w, body="Jalan berlubang besar di depan SD Inpres Oebobo, motor jatuh lagi", region_code="53.71.04.1001",
        is_secret=True,
    )  # fmt: skip
    rs.report_verify(report=secret, actor=nas)
    found = routing.duplicate_similar_public(
        text="jalan berlubang besar depan SD Inpres Oebobo, sudah ada motor jatuh", region_code="53.71.04.1001"
    )
    assert found == [public]
    assert "pelapor" not in found[0].similar_reason and found[0].similar_score >= 0.5


def test_suggestions_fit_the_console_picker(history_world):
    trained(history_world)
    w = history_world.world
    report = submit(w, body="Jalan berlubang parah depan pasar, mohon ditambal", region_code="53.71.04.1001")
    top = routing.routing_suggest(report=report).items[0]
    assert (top.code, top.name, top.score) == (w.pupr.code, w.pupr.name, top.confidence)


def test_commands_train_from_db_status_and_policy(history_world):
    out = io.StringIO()
    call_command("router", "train", "--from-db", stdout=out)
    assert "active: True" in out.getvalue()
    out = io.StringIO()
    call_command("router", "status", stdout=out)
    assert out.getvalue().startswith("*")
    out = io.StringIO()
    call_command("router", "policy", "--auto-dispose", "0.9", stdout=out)
    assert "auto-dispose: 0.900" in out.getvalue()
    call_command("router", "policy", "--auto-dispose", "off", stdout=out)
    assert routing.routing_policy().auto_dispose_threshold is None
    out = io.StringIO()
    call_command("router", "evaluate", stdout=out)
    assert "active model" in out.getvalue()
