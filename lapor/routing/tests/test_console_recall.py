"""The console's "Tarik kembali disposisi" panel: offered to the disposer while the receiving unit has not acted,
and for an automatic disposition it undoes the router's choice (marking it reverted)."""

from __future__ import annotations

import pytest

from conftest import submit
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.states import Status
from lapor.routing import services as routing
from lapor.routing.models import RoutingSuggestion

pytestmark = pytest.mark.django_db
PANEL = 'id="aksi-tarik-kembali"'


def page(client, report) -> str:
    return client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()


def recall(client, report, reason):
    return client.post(f"/konsol/laporan/{report.tracking_id}/aksi/tarik-kembali/", {"tarik-kembali-reason": reason})


def test_recall_panel_for_a_manual_disposition(client, world):
    nas = world.actor("nasional")
    report = rs.report_verify(report=submit(world), actor=nas, classification="pengaduan")
    report = rs.report_dispose(report=report, actor=nas, agency=world.kupang)
    client.force_login(world.users["kupang_admin"])
    assert PANEL not in page(client, report)  # the receiver refuses with bukan wewenang instead
    client.force_login(world.users["nasional"])
    html = page(client, report)
    assert PANEL in html and "belum menangani" in html and "didisposisikan otomatis" not in html
    short = recall(client, report, "salah")
    assert "id_tarik-kembali-reason_error" in short.content.decode()
    assert Report.objects.get(pk=report.pk).status == Status.DISPOSED
    ok = recall(client, report, "Salah tujuan, ini urusan kementerian.")
    assert ok.status_code == 302
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.status == Status.VERIFIED and fresh.owner_agency_id == world.root.pk


def test_no_recall_panel_once_the_receiver_acted(client, world):
    nas = world.actor("nasional")
    report = rs.report_verify(report=submit(world), actor=nas, classification="pengaduan")
    report = rs.report_dispose(report=report, actor=nas, agency=world.kupang)
    rs.report_add_note(report=report, actor=world.actor("kupang_admin"), note="Kami teruskan ke PUPR.")
    client.force_login(world.users["nasional"])
    assert PANEL not in page(client, report)


def test_recall_panel_undoes_an_automatic_disposition(client, history_world):
    w = history_world.world
    routing.router_train_from_db(activate=True)
    routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=0.5)
    report = submit(w, body="Jalan berlubang besar dan aspal rusak, mohon ditambal PUPR", region_code="53.71.04.1001")
    routing.routing_process_report(report_id=report.pk)
    assert Report.objects.get(pk=report.pk).status == Status.DISPOSED
    client.force_login(w.users["nasional"])
    html = page(client, report)
    assert PANEL in html and "didisposisikan otomatis oleh router" in html and w.pupr.name in html
    assert recall(client, report, "Salah tujuan, ini urusan Dinas Kesehatan.").status_code == 302
    assert Report.objects.get(pk=report.pk).status == Status.VERIFIED
    assert RoutingSuggestion.objects.get(report=report).reverted_at is not None
