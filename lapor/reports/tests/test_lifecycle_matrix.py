"""The role × transition matrix and the state × transition matrix, through the real services."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import bring_to, reporter_of, submit
from lapor.agencies.actors import Actor
from lapor.audit.models import AuditEvent
from lapor.core import clock
from lapor.core.errors import IllegalTransition, PermissionDenied
from lapor.reports import services as rs
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import TRANSITIONS, Action, Status

A = Action


def perform(world, action: str, report: Report, actor: Actor):
    """Call the service for ``action`` with valid arguments for the report's current owner."""
    owner = Report.objects.get(pk=report.pk).owner_agency
    if action == A.VERIFY:
        return rs.report_verify(report=report, actor=actor, classification="pengaduan")
    if action == A.REQUEST_INFO:
        return rs.report_request_info(report=report, actor=actor, question="Mohon lampirkan foto lokasinya.")
    if action == A.PROVIDE_INFO:
        return rs.report_provide_info(report=report, actor=actor, message="Lokasinya di depan pasar Oebobo.")
    if action == A.ARCHIVE:
        return rs.report_archive(
            report=report,
            actor=actor,
            reason="duplikat",
            explanation="Laporan yang sama sudah diproses dengan nomor lain.",
        )
    if action == A.DISPOSE:
        return rs.report_dispose(report=report, actor=actor, agency=world.kupang)
    if action == A.DISPOSE_INTERNAL:
        target = world.puskesmas if owner.pk == world.dinkes.pk else world.pupr
        return rs.report_dispose_internal(report=report, actor=actor, agency=target)
    if action == A.RETURN:
        return rs.report_return(
            report=report,
            actor=actor,
            better_agency=world.kemenkes,
            reason="Ini urusan kementerian, bukan kewenangan pemerintah kota.",
        )
    if action == A.FOLLOW_UP:
        return rs.report_follow_up(
            report=report, actor=actor, message="Petugas sudah turun ke lokasi dan perbaikan dijadwalkan minggu depan."
        )
    if action == A.REPLY:
        return rs.report_reply(report=report, actor=actor, message="Terima kasih atas tindak lanjutnya.")
    if action == A.DISPUTE:
        return rs.report_dispute(report=report, actor=actor, reason="Perbaikannya belum dikerjakan sama sekali.")
    if action == A.CLOSE:
        return rs.report_close(report=report, actor=actor)
    if action == A.AUTO_CLOSE:
        fresh = Report.objects.get(pk=report.pk)
        later = (fresh.autoclose_due_at or clock.now()) + dt.timedelta(seconds=1)
        with clock.frozen(later):
            return rs.report_auto_close(report=report, actor=actor)
    if action == A.RATE:
        return rs.report_rate(report=report, actor=actor, rating=4, comment="Cukup cepat.")
    if action == A.RECLASSIFY:
        return rs.report_reclassify(
            report=report,
            actor=actor,
            classification="pengaduan_pengawasan",
            reason="Perlu pemeriksaan lapangan oleh inspektorat.",
        )
    if action == A.NOTE:
        return rs.report_add_note(report=report, actor=actor, note="Sudah dikoordinasikan dengan lurah.")
    if action == A.RECALL:
        return rs.report_recall(report=report, actor=actor, reason="Salah tujuan: ini urusan Dinas PUPR.")
    raise AssertionError(action)


def disposed_directly(world, **submit_overrides) -> Report:
    """A report just disposed by its intake (national, or Kupang's own intake), the receiving unit not acted yet:
    the only kind of ``disposed`` report a recall applies to. ``bring_to`` reaches ``disposed`` through an internal
    disposition by the Pemkot, after which recalling is too late (see test_recall.py).
    """
    report = submit(world, **submit_overrides)
    if report.intake_agency_id == world.kupang.pk:
        admin = world.actor("kupang_admin")
        report = rs.report_verify(report=report, actor=admin, classification="pengaduan")
        return rs.report_dispose(report=report, actor=admin, agency=world.dinkes)
    nas = world.actor("nasional")
    report = rs.report_verify(report=report, actor=nas, classification="pengaduan")
    return rs.report_dispose(report=report, actor=nas, agency=world.kupang)


def bring(world, action: str, state: str, **submit_overrides) -> Report:
    """A fresh report in ``state`` on which ``action``'s own preconditions (beyond state and role) hold."""
    if action == A.RECALL and state == Status.DISPOSED:
        return disposed_directly(world, **submit_overrides)
    return bring_to(world, state, **submit_overrides)


def snapshot(report: Report) -> tuple:
    fresh = Report.objects.get(pk=report.pk)
    return (
        fresh.status,
        fresh.owner_agency_id,
        fresh.updated_at,
        ReportEvent.objects.filter(report=report).count(),
        AuditEvent.objects.count(),
    )


# --- who may act ----------------------------------------------------------------------------------------
# (action, starting state, submit overrides, actors allowed). Every other actor must be refused.
ACTORS = [
    "public",
    "reporter",
    "other_reporter",
    "nasional",
    "kupang_admin",
    "dinkes_admin",
    "dinkes_penghubung",
    "puskesmas_penghubung",
    "walikota",
    "surabaya_admin",
    "kemenkes_admin",
    "ombudsman",
    "system",
    "warga",
]
ROLE_CASES = [
    (A.VERIFY, "submitted", {}, {"nasional"}),
    (A.VERIFY, "submitted", {"intake": "kupang"}, {"nasional", "kupang_admin"}),
    (A.REQUEST_INFO, "submitted", {}, {"nasional"}),
    (A.REQUEST_INFO, "submitted", {"intake": "kupang"}, {"nasional", "kupang_admin"}),
    (A.ARCHIVE, "submitted", {}, {"nasional"}),
    (A.ARCHIVE, "submitted", {"intake": "kupang"}, {"nasional", "kupang_admin"}),
    (A.PROVIDE_INFO, "pending_info", {}, {"reporter"}),
    (A.DISPOSE, "verified", {}, {"nasional"}),
    (A.DISPOSE, "returned", {}, {"nasional", "kupang_admin"}),
    (A.DISPOSE_INTERNAL, "disposed", {}, {"nasional", "kupang_admin", "dinkes_admin"}),
    (A.RETURN, "disposed", {}, {"kupang_admin", "dinkes_admin"}),
    (A.FOLLOW_UP, "disposed", {}, {"kupang_admin", "dinkes_admin", "dinkes_penghubung"}),
    (A.CLOSE, "followed_up", {}, {"nasional", "kupang_admin", "dinkes_admin"}),
    (A.AUTO_CLOSE, "followed_up", {}, {"system"}),
    (A.REPLY, "followed_up", {}, {"reporter"}),
    (A.DISPUTE, "followed_up", {}, {"reporter"}),
    (A.RATE, "followed_up", {}, {"reporter"}),
    (A.NOTE, "disposed", {}, {"nasional", "kupang_admin", "dinkes_admin", "dinkes_penghubung"}),
    (A.RECLASSIFY, "disposed", {}, {"nasional", "kupang_admin", "dinkes_admin"}),
    # the disposer's undo: disposed by the national intake to the Pemkot, only a national admin (not the Pemkot);
    # disposed by Kupang's own intake to its Dinkes, Kupang's admin too (not the Dinkes: it returns instead)
    (A.RECALL, "disposed", {}, {"nasional"}),
    (A.RECALL, "disposed", {"intake": "kupang"}, {"nasional", "kupang_admin"}),
]


def actor_for(world, name: str, report: Report, other: Report) -> Actor:
    if name == "reporter":
        return reporter_of(report)
    if name == "other_reporter":
        return reporter_of(other)
    if name == "warga":  # a citizen with an account who did not file this report
        return Actor.for_user(world.users["warga"])
    return world.actor(name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "state", "overrides", "allowed"),
    ROLE_CASES,
    ids=[f"{c[0]}-{c[1]}-{'kupang' if c[2] else 'national'}" for c in ROLE_CASES],
)
def test_role_matrix(world, action, state, overrides, allowed):
    submit_kw = {"intake_agency": world.kupang, "channel": "sms"} if overrides.get("intake") else {}
    other = submit(world)
    for name in ACTORS:
        report = bring(world, action, state, **submit_kw)
        actor = actor_for(world, name, report, other)
        if name in allowed:
            perform(world, action, report, actor)
            assert Report.objects.get(pk=report.pk).status == TRANSITIONS[(action, state)], name
        else:
            before = snapshot(report)
            with pytest.raises(PermissionDenied):
                perform(world, action, report, actor)
            assert snapshot(report) == before, f"{name} changed the report although refused"


# --- from which state ------------------------------------------------------------------------------------
STATES = [s.value for s in Status]
ACTOR_FOR_ACTION = {
    A.VERIFY: "nasional",
    A.REQUEST_INFO: "nasional",
    A.ARCHIVE: "nasional",
    A.DISPOSE: "nasional",
    A.DISPOSE_INTERNAL: "nasional",
    A.RETURN: "kupang_admin",
    A.FOLLOW_UP: "kupang_admin",
    A.CLOSE: "nasional",
    A.AUTO_CLOSE: "system",
    A.NOTE: "nasional",
    A.RECLASSIFY: "nasional",
    A.RECALL: "nasional",
}


@pytest.mark.django_db
@pytest.mark.parametrize("action", [a.value for a in Action])
def test_state_matrix(world, action):
    """Every (action, state) pair: legal pairs lead where TRANSITIONS says, illegal ones are refused with an
    error naming the state and the rule, and change nothing.
    """
    for state in STATES:
        report = bring(world, action, state)
        name = ACTOR_FOR_ACTION.get(action, "reporter")
        actor = reporter_of(report) if name == "reporter" else world.actor(name)
        expected = TRANSITIONS.get((action, state))
        if expected is None:
            before = snapshot(report)
            with pytest.raises(IllegalTransition) as err:
                perform(world, action, report, actor)
            assert str(Status(state).label) in err.value.message
            assert err.value.extra["state"] == state
            assert snapshot(report) == before
        else:
            perform(world, action, report, actor)
            assert Report.objects.get(pk=report.pk).status == expected, (action, state)
