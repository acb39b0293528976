"""Bulk verify / dispose: each report in its own transaction, a summary of successes and refusals."""

from __future__ import annotations

import pytest

from conftest import bring_to, submit
from lapor.console.services import BULK_MAX, bulk_apply
from lapor.core.errors import ValidationFailed
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db


def status_of(*reports) -> list[str]:
    return [Report.objects.get(pk=r.pk).status for r in reports]


def test_bulk_verify_then_dispose_with_a_summary(world, login):
    a, b = submit(world), submit(world)
    done_elsewhere = bring_to(world, "disposed")  # not in a state to verify: refused, the others go on
    client = login("nasional")
    response = client.post(
        "/konsol/massal/?tab=perlu_tindakan",
        {
            "reports": [a.tracking_id, b.tracking_id, done_elsewhere.tracking_id],
            "action": "verify_dispose",
            "agency_q": "kotkupang",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/konsol/?tab=perlu_tindakan"
    assert status_of(a, b) == ["disposed", "disposed"]
    page = client.get(response["Location"]).content.decode()
    assert "2 laporan berhasil." in page and "1 laporan ditolak:" in page
    assert f"#{done_elsewhere.tracking_id}</a>: Tidak dapat verifikasi" in page
    assert "Hasil tindakan massal" not in client.get("/konsol/").content.decode()  # shown once


def test_bulk_verify_only(world, login):
    a, b = submit(world), submit(world)
    login("nasional").post("/konsol/massal/", {"reports": [a.tracking_id, b.tracking_id], "action": "verify"})
    assert status_of(a, b) == ["verified", "verified"]


def test_bulk_form_errors_re_render_the_inbox_with_the_selection(world, login):
    a = submit(world)
    response = login("nasional").post("/konsol/massal/", {"reports": [a.tracking_id], "action": "dispose"})
    html = response.content.decode()
    assert response.status_code == 200 and "Pilih instansi tujuan." in html
    assert f'value="{a.tracking_id}" id="sel-{a.tracking_id}" checked' in html
    assert status_of(a) == ["submitted"]
    nothing = login("nasional").post("/konsol/massal/", {"action": "verify"})
    assert "Pilih minimal satu laporan" in nothing.content.decode()


def test_bulk_reports_outside_scope_are_refused_as_not_found(world):
    mine = bring_to(world, "verified", intake_agency=world.kupang, channel="sms")
    theirs = bring_to(world, "verified", intake_agency=world.surabaya, channel="sms")
    outcomes = bulk_apply(
        actor=world.actor("kupang_admin"),
        tracking_ids=[mine.tracking_id, theirs.tracking_id],
        action="dispose",
        agency=world.dinkes,
    )
    assert [(o.tracking_id, o.ok) for o in outcomes] == [(mine.tracking_id, True), (theirs.tracking_id, False)]
    assert "tidak ditemukan" in outcomes[1].message
    assert status_of(theirs) == ["verified"]


def test_bulk_limits(world):
    with pytest.raises(ValidationFailed):
        bulk_apply(actor=world.actor("nasional"), tracking_ids=[], action="verify")
    with pytest.raises(ValidationFailed):
        bulk_apply(actor=world.actor("nasional"), tracking_ids=[str(i) for i in range(BULK_MAX + 1)], action="verify")
    with pytest.raises(ValidationFailed):
        bulk_apply(actor=world.actor("nasional"), tracking_ids=["1"], action="dispose")
