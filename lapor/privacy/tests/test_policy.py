"""The privacy layer for every audience: who sees which report, which text and whose identity."""

from __future__ import annotations

import pytest

from conftest import bring_to, reporter_of, submit
from lapor.agencies.actors import Actor
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.core.errors import NotFound
from lapor.privacy.policy import (
    report_for,
    report_present,
    reporter_identity,
    reports_in_scope_of,
    reports_visible_to,
    timeline_for,
)
from lapor.reports import services as rs

pytestmark = pytest.mark.django_db


def _disposed(world, **kw):
    return bring_to(world, "disposed", **kw)  # owner: Dinkes Kota Kupang


def test_secret_report_never_reaches_the_public(world):
    secret = _disposed(world, is_secret=True)
    open_report = _disposed(world)
    public = Actor.public()
    visible = set(reports_visible_to(public).values_list("pk", flat=True))
    assert open_report.pk in visible and secret.pk not in visible
    with pytest.raises(NotFound):
        report_for(public, secret.tracking_id)


def test_unverified_reports_are_not_public(world):
    report = submit(world)
    assert not reports_visible_to(Actor.public()).filter(pk=report.pk).exists()


def test_public_sees_redacted_text_and_no_identity(world):
    report = _disposed(world, body="Nama saya Maria Ndun, hp 081234567890. Obat di puskesmas kosong terus.")
    data = report_present(Actor.public(), report_for(Actor.public(), report.tracking_id))
    assert data["reporter"] is None
    assert "081234567890" not in str(data) and "Maria Ndun" not in str(data)
    assert "body_original" not in data


def test_agency_staff_never_see_an_anonymous_reporter(world):
    report = _disposed(world, is_anonymous=True, reporter_name="Yohanes Kase", reporter_phone="081311112222")
    for name in ("dinkes_admin", "kupang_admin", "dinkes_penghubung", "walikota"):
        actor = world.actor(name)
        found = report_for(actor, report.tracking_id)
        data = report_present(actor, found)
        assert data["reporter"] is None, name
        assert "Yohanes" not in str(data) and "081311112222" not in str(data.get("reporter"))
        assert reporter_identity(actor, found) is None


def test_staff_see_a_named_reporter_and_each_view_is_audited(world):
    report = _disposed(world)
    before = AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).count()
    data = report_present(world.actor("dinkes_admin"), report_for(world.actor("dinkes_admin"), report.tracking_id))
    assert data["reporter"]["name"] == "Maria Ndun"
    assert AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).count() == before + 1


def test_national_admin_sees_anonymous_identity_audited(world):
    report = _disposed(world, is_anonymous=True)
    identity = reporter_identity(world.actor("nasional"), report)
    assert identity is not None and identity.name == "Maria Ndun"
    assert AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED, report_id=report.pk).exists()


def test_pengawas_sees_every_report_but_never_an_identity(world):
    report = _disposed(world, is_secret=True)
    actor = world.actor("ombudsman")
    assert reports_visible_to(actor).filter(pk=report.pk).exists()
    assert report_present(actor, report_for(actor, report.tracking_id))["reporter"] is None


@pytest.mark.parametrize("name", ["surabaya_admin", "kemenkes_admin", "puskesmas_penghubung"])
def test_staff_outside_the_subtree_see_only_what_the_public_sees(world, name):
    secret = _disposed(world, is_secret=True, is_anonymous=False)
    open_report = _disposed(world)
    actor = world.actor(name)
    assert not reports_in_scope_of(actor).filter(pk__in=[secret.pk, open_report.pk]).exists()
    assert not reports_visible_to(actor).filter(pk=secret.pk).exists()
    with pytest.raises(NotFound):
        report_for(actor, secret.tracking_id)
    data = report_present(actor, report_for(actor, open_report.tracking_id))  # as the public would
    assert data["reporter"] is None and "body_original" not in data


def test_reporter_follows_with_the_private_token(world):
    report = _disposed(world, is_secret=True, is_anonymous=True)
    found = report_for(Actor.public(), report.tracking_id, token=report.access_token)
    data = report_present(reporter_of(found), found)
    assert data["reporter"]["name"] == "Maria Ndun"
    with pytest.raises(NotFound):
        report_for(Actor.public(), report.tracking_id, token="wrong-token")


def test_unknown_and_malformed_ids_answer_the_same(world):
    report = _disposed(world, is_secret=True)
    errors = []
    for candidate in (report.tracking_id, "12345", "abc", "", "9" * 40):
        with pytest.raises(NotFound) as err:
            report_for(Actor.public(), candidate)
        errors.append(type(err.value))
    assert len(set(errors)) == 1


def test_internal_notes_stay_internal(world):
    report = _disposed(world)
    rs.report_add_note(report=report, actor=world.actor("dinkes_admin"), note="Pelapor ini sering melapor.")
    kinds_public = set(timeline_for(Actor.public(), report).values_list("kind", flat=True))
    kinds_reporter = set(timeline_for(reporter_of(report), report).values_list("kind", flat=True))
    kinds_staff = set(timeline_for(world.actor("dinkes_admin"), report).values_list("kind", flat=True))
    assert "note" in kinds_staff and "note" not in kinds_reporter and "note" not in kinds_public
    assert "submitted" in kinds_reporter and "submitted" not in kinds_public  # the conversation is private


def test_account_holder_lists_only_their_own_reports(world):
    warga = world.users["warga"]
    mine = submit(world, actor=Actor.for_user(warga))
    other = submit(world)
    visible = set(reports_visible_to(Actor.for_user(warga)).values_list("pk", flat=True))
    assert mine.pk in visible and other.pk not in visible


def test_single_read_check_agrees_with_the_list_query(world):
    """``may_see`` (no query, used for single reads) and ``reports_visible_to`` (lists) never disagree."""
    from lapor.privacy.policy import may_see

    reports = []
    for state in ("submitted", "verified", "disposed", "returned", "closed", "archived"):
        for secret in (False, True):
            reports.append(bring_to(world, state, is_secret=secret))
    reports.append(submit(world, actor=Actor.for_user(world.users["warga"])))
    actors = [Actor.public(), Actor.system(), Actor.for_user(world.users["warga"])] + [
        world.actor(name) for name in world.users if name != "warga"
    ]
    for actor in actors:
        listed = set(reports_visible_to(actor).values_list("pk", flat=True))
        for report in reports:
            report = type(report).objects.select_related("owner_agency").get(pk=report.pk)
            assert may_see(actor, report) == (report.pk in listed), (actor.label, report.status, report.is_secret)
