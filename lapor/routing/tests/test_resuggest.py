"""The suggestion follows the category: when a verifier sets or changes a report's category, the router's
category-aware top 3 replaces the text-only one — queued after the verification commits (never inside it), and
recomputed when read if the stored one was made with another category. A re-suggestion never disposes.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from conftest import submit
from lapor.audit.models import AuditEvent
from lapor.console import services as cs
from lapor.reference.models import Category
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.states import Status
from lapor.routing import services as routing
from lapor.routing.choices import RoutingAudit
from lapor.routing.models import RoutingSuggestion
from lapor.routing.tests.conftest import NEIGHBOURHOOD, ROAD, handled

pytestmark = pytest.mark.django_db

HEALTH_TEXTS = [
    "Pelayanan puskesmas sangat lambat, antrian pasien berjam-jam",
    "Mohon fogging karena banyak warga kena demam berdarah",
    "Obat di puskesmas habis dan dokter jarang ada",
    "Petugas puskesmas menolak pasien BPJS tanpa alasan",
]
# Texts that say nothing about which office: only the category tells them apart.
VAGUE = [
    "Mohon segera ditindaklanjuti, masalah ini sudah lama dibiarkan tanpa kejelasan",
    "Sudah berkali-kali melapor tetapi belum ada tanggapan dari petugas",
    "Warga resah dan meminta perhatian pemerintah atas masalah ini",
    "Kondisinya semakin parah, mohon bantuan secepatnya",
]
VAGUE_REPORT = "Mohon segera ditindaklanjuti, warga sudah lama menunggu kejelasan dan tanggapan petugas"
REGION = "53.71.04.1001"


@pytest.fixture
def categorised(rworld):
    """A history in which the category decides: each unit's own texts and vague texts, all with its category;
    then a trained, active router. Returns (world, {agency pk: category})."""
    w = rworld.world
    root = Category.objects.create(name="PELAYANAN", full_name="PELAYANAN", level=1)
    units = {
        w.pupr.pk: ("JALAN RUSAK", ROAD),
        w.dinkes.pk: ("KESEHATAN", HEALTH_TEXTS),
        rworld.kel_oebobo.pk: ("SURAT PENGANTAR", NEIGHBOURHOOD),
    }
    agencies = {w.pupr.pk: w.pupr, w.dinkes.pk: w.dinkes, rworld.kel_oebobo.pk: rworld.kel_oebobo}
    categories = {}
    for pk, (name, texts) in units.items():
        category = Category.objects.create(name=name, full_name=f"PELAYANAN › {name}", parent=root, level=2)
        categories[pk] = category
        for i in range(8):
            for body in (texts[i % 4], VAGUE[i % 4]):
                handled(w, agencies[pk], f"{body} no {i}", REGION, category_id=category.pk)
    routing.router_train_from_db(activate=True)
    return w, categories


def _top(report: Report, actor=None):
    found = routing.routing_suggest(report=Report.objects.get(pk=report.pk), actor=actor)
    return found.items[0]


def _vague_report_and_other_category(w, categories):
    """A vague report with its text-only suggestion stored, and the category of a unit that is not its top."""
    report = submit(w, title="Mohon tindak lanjut", body=VAGUE_REPORT, region_code=REGION)
    routing.routing_process_report(report_id=report.pk)
    before = _top(report)
    target = next(pk for pk in categories if pk != before.agency.pk)
    return report, before, target


def test_verifier_setting_the_category_changes_the_suggestion_shown_in_the_console(client, categorised):
    w, categories = categorised
    report, before, target = _vague_report_and_other_category(w, categories)
    row = RoutingSuggestion.objects.get(report=report)
    assert row.category_id is None and "kategori" not in before.reason
    client.force_login(w.users["nasional"])
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'class="options suggestions"' in page and before.agency.name in page

    data = {
        "title": "Mohon tindak lanjut",
        "body_public": VAGUE_REPORT,
        "classification": "pengaduan",
        "category": str(categories[target].pk),
    }
    posted = client.post(
        f"/konsol/laporan/{report.tracking_id}/aksi/verifikasi/", {f"verifikasi-{k}": v for k, v in data.items()}
    )
    assert posted.status_code == 302 and Report.objects.get(pk=report.pk).status == Status.VERIFIED

    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    shown = page.split('class="options suggestions"', 1)[1].split("</div>\n</div>", 1)[0]
    top = _top(report)
    assert top.agency.pk == target
    assert f"kategori: {categories[target].name}" in top.reason
    first = shown.split('class="opt"')[1]  # the first suggestion on the page is the category-aware top
    assert f'value="{top.agency.code}"' in first and f"kategori: {categories[target].name}" in first
    row = RoutingSuggestion.objects.get(report=report)  # recomputed in place: one row per model version
    assert row.category_id == categories[target].pk


def test_recomputation_is_queued_after_commit_never_inside_the_verify_transaction(
    categorised, django_capture_on_commit_callbacks
):
    w, categories = categorised
    report, _before, target = _vague_report_and_other_category(w, categories)
    stored = RoutingSuggestion.objects.get(report=report).candidates
    with django_capture_on_commit_callbacks(execute=False) as callbacks, CaptureQueriesContext(connection) as sql:
        rs.report_verify(
            report=report, actor=w.actor("nasional"), classification="pengaduan", category_id=categories[target].pk
        )
    assert not [q for q in sql.captured_queries if "routing_" in q["sql"]]  # no routing work in the transaction
    row = RoutingSuggestion.objects.get(report=report)
    assert row.category_id is None and row.candidates == stored
    assert len(callbacks) == 1
    callbacks[0]()  # the commit happened: the queued task (immediate in tests) stores the new suggestion
    row = RoutingSuggestion.objects.get(report=report)
    assert row.category_id == categories[target].pk and row.candidates[0]["agency_id"] == target
    assert (
        "kategori" in row.candidates[0]["reason"]
        and ["category", {"category": categories[target].name}] in (row.candidates[0]["why"])
    )


def test_no_queue_work_when_the_category_does_not_change(categorised, django_capture_on_commit_callbacks):
    w, _categories = categorised
    report = submit(w, body=VAGUE_REPORT, region_code=REGION)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        rs.report_verify(report=report, actor=w.actor("nasional"), classification="pengaduan")
    assert callbacks == [] or all("resuggest" not in repr(c) for c in callbacks)


def test_a_re_suggestion_never_disposes_automatically(categorised, django_capture_on_commit_callbacks):
    w, categories = categorised
    routing.routing_policy_update(actor=w.actor("nasional"), auto_dispose_threshold=0.5)
    report, _before, target = _vague_report_and_other_category(w, categories)
    report = Report.objects.get(pk=report.pk)
    if report.status == Status.DISPOSED:  # the intake suggestion already met the threshold: recall it first
        routing.routing_auto_dispose_revert(report=report, actor=w.actor("nasional"), reason="Tarik untuk verifikasi.")
    auto_before = AuditEvent.objects.filter(event_type=RoutingAudit.AUTO_DISPOSED).count()

    # verified with a category, left for a person: the new suggestion is stored, nothing is disposed
    with django_capture_on_commit_callbacks(execute=True):
        rs.report_verify(
            report=report, actor=w.actor("nasional"), classification="pengaduan", category_id=categories[target].pk
        )
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.status == Status.VERIFIED
    assert RoutingSuggestion.objects.get(report=report).category_id == categories[target].pk

    # verified with another category and disposed in the same step: the after-commit task leaves it alone
    other = next(pk for pk in categories if pk != target)
    with django_capture_on_commit_callbacks(execute=True):
        cs.report_verify_and_dispose(
            report=fresh, actor=w.actor("nasional"), dispose_to=w.kupang, category_id=categories[other].pk
        )
    fresh = Report.objects.get(pk=report.pk)
    assert fresh.status == Status.DISPOSED and fresh.owner_agency_id == w.kupang.pk
    assert AuditEvent.objects.filter(event_type=RoutingAudit.AUTO_DISPOSED).count() == auto_before
    assert routing.routing_resuggest(report_id=report.pk) is None  # not at intake: nothing to suggest


def test_console_one_click_dispose_to_a_category_aware_suggestion(client, categorised):
    w, categories = categorised
    report, _before, target = _vague_report_and_other_category(w, categories)
    rs.report_verify(
        report=report, actor=w.actor("nasional"), classification="pengaduan", category_id=categories[target].pk
    )
    client.force_login(w.users["nasional"])
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    top = _top(report)
    assert f'name="disposisi-agency" value="{top.agency.code}"' in page
    response = client.post(
        f"/konsol/laporan/{report.tracking_id}/aksi/disposisi/", {"disposisi-agency": top.agency.code}
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).owner_agency_id == target


def test_routing_panel_one_click_dispose_after_the_category_changed(client, categorised):
    w, categories = categorised
    report, _before, target = _vague_report_and_other_category(w, categories)
    rs.report_verify(
        report=report, actor=w.actor("nasional"), classification="pengaduan", category_id=categories[target].pk
    )
    client.force_login(w.users["nasional"])
    panel = client.get(f"/routing/laporan/{report.tracking_id}/").content.decode()
    assert f"kategori: {categories[target].name}" in panel
    response = client.post(f"/routing/laporan/{report.tracking_id}/disposisi/", {"agency": target})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).owner_agency_id == target
    assert RoutingSuggestion.objects.get(report=report).accepted_rank == 1


def test_english_reader_sees_the_reasons_in_english(categorised):
    w, categories = categorised
    report, _before, target = _vague_report_and_other_category(w, categories)
    rs.report_verify(
        report=report, actor=w.actor("nasional"), classification="pengaduan", category_id=categories[target].pk
    )
    with translation.override("en"):
        reason = _top(report).reason
    assert f"category: {categories[target].name}" in reason and "kategori" not in reason


def test_stored_rows_from_before_the_parts_still_render_translated(history_world):
    w = history_world.world
    routing.router_train_from_db(activate=True)
    report = submit(w, body="Surat pengantar RT RW di kantor kelurahan lama sekali", region_code="53.71.04.1002")
    row = routing.routing_suggest(report=report).row
    legacy = [{k: v for k, v in c.items() if k != "why"} for c in row.candidates]
    legacy[0]["reason"] = "kantor kelurahan — lokasi Fatululi; kata: surat, pengantar"
    RoutingSuggestion.objects.filter(pk=row.pk).update(candidates=legacy)
    top = routing.routing_suggest(report=report).items[0]
    assert top.reason == "kantor kelurahan — lokasi Fatululi; kata: surat, pengantar"
    with translation.override("en"):
        assert top.reason == "kelurahan office — location Fatululi; words: surat, pengantar"
