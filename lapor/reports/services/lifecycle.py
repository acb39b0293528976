"""Every transition of an existing report, one function each.

Each function: lock the report, check the state machine and the actor's right (before writing anything),
validate its input, apply the change, then write one timeline event, one audit event and its notifications
in the same transaction. Any refusal raises an :class:`~lapor.core.errors.ApplicationError` and changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType as AT
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.privacy.redaction import redact
from lapor.reference.models import Category
from lapor.reports.choices import ArchiveReason, Classification, EventKind, Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.reports.permissions import can_dispose_to, permission_assert
from lapor.reports.services._base import (
    AUTOCLOSE_HK,
    FIRST_RESPONSE_HK,
    VERIFY_HK,
    actor_agency_id,
    completion_hk,
    deadline,
    notify_agency_staff,
    notify_reporter,
    record_event,
    report_lock,
    root_agency,
)
from lapor.reports.states import Action, Status, transition_assert
from lapor.sla.clocks import (
    COMPLETION,
    RESPONSE,
    VERIFY,
    clock_meet,
    clock_rearm,
    clock_reopen,
    clock_start,
    clock_stop,
    clock_suspend,
    verification_pause,
    verification_resume,
)
from lapor.sla.selectors import calendar_for

A = Action
TEXT_MAX = 10_000


def _begin(report: Report | int, action: str, actor: Actor) -> tuple[Report, str, str]:
    """Lock, check the state, then the right. Returns (fresh report, from-state, to-state)."""
    locked = report_lock(report)
    target = transition_assert(action, locked.status)
    permission_assert(actor, action, locked)
    return locked, locked.status, target


def _text(value: str, field: str, *, required: bool = True, minimum: int = 5) -> str:
    value = (value or "").strip()
    if required and len(value) < minimum:
        raise ValidationFailed(
            _("Mohon isi %(field)s (minimal %(n)d karakter).") % {"field": _(field), "n": minimum},
            extra={"field": field},
        )
    if len(value) > TEXT_MAX:
        raise ValidationFailed(
            _("%(field)s terlalu panjang (maksimal %(n)d karakter).") % {"field": _(field), "n": TEXT_MAX},
            extra={"field": field},
        )
    return value


def _save(report: Report, *fields: str) -> None:
    report.updated_at = clock.now()
    report.save(update_fields=[*fields, "updated_at"])


def _agency(agency: Agency | int | str, field: str) -> Agency:
    if isinstance(agency, Agency):
        return agency
    lookup = {"pk": agency} if isinstance(agency, int) else {"code": agency}
    found = Agency.objects.filter(active=True, **lookup).first()
    if found is None:
        raise ValidationFailed(_("Instansi tidak ditemukan."), extra={"field": field})
    return found


# --- verification ------------------------------------------------------------------------------------


@transaction.atomic
def report_verify(
    *,
    report: Report | int,
    actor: Actor,
    title: str | None = None,
    body_public: str | None = None,
    classification: str | None = None,
    category_id: int | None = None,
    is_anonymous: bool | None = None,
    is_secret: bool | None = None,
) -> Report:
    """Verify: edit the public title/text (the original stays), set classification, category and flags."""
    report, before, target = _begin(report, A.VERIFY, actor)
    changes: dict[str, object] = {}
    if title is not None:
        title = _text(title, gettext_noop("judul"))[:200]
        changes["title"] = title
    if body_public is not None:
        changes["body_public"] = redact(
            _text(body_public, gettext_noop("isi laporan akhir"), minimum=10), names=[report.reporter_name]
        ).text
    if classification is not None:
        if classification not in Classification.values:
            raise ValidationFailed(
                _("Klasifikasi tidak dikenal: %(value)s") % {"value": classification}, extra={"field": "classification"}
            )
        changes["classification"] = classification
    if category_id is not None:
        if not Category.objects.filter(pk=category_id, active=True).exists():
            raise ValidationFailed(_("Kategori tidak dikenal atau sudah tidak aktif."), extra={"field": "category"})
        changes["category_id"] = category_id
    if is_anonymous is not None:
        changes["is_anonymous"] = bool(is_anonymous)
    if is_secret is not None:
        changes["is_secret"] = bool(is_secret)
    changed = {k: v for k, v in changes.items() if getattr(report, k) != v}
    for key, value in changed.items():
        setattr(report, key, value)
    report.status = target
    if report.verified_at is None:
        report.verified_at = clock.now()
    _save(report, "status", "verified_at", *changed)
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.VERIFIED,
        audit_type=AT.REPORT_VERIFIED,
        from_status=before,
        visibility=Visibility.PARTIES,
        data={"changed": sorted(changed)},
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    if before != target:
        notify_reporter(
            report,
            kind="report.verified",
            message=_("Laporan %(tid)s telah diverifikasi dan akan diteruskan ke instansi berwenang.")
            % {"tid": report.tracking_id},
        )
    if "category_id" in changed:  # the router's category-aware suggestion, queued after commit (never here)
        from lapor.routing.tasks import resuggest_on_commit  # routing imports reports: imported when needed

        resuggest_on_commit(report.pk)
    return report


@transaction.atomic
def report_request_info(*, report: Report | int, actor: Actor, question: str) -> Report:
    """Tunda: ask the reporter for missing information. The verification clock pauses."""
    report, before, target = _begin(report, A.REQUEST_INFO, actor)
    question = _text(question, gettext_noop("pertanyaan untuk pelapor"), minimum=10)
    owner = report.owner_agency
    paused = verification_pause(report, now=clock.now(), agency=owner, calendar=calendar_for(owner))
    report.status = target
    report.status_note = question
    _save(report, "status", "status_note", *paused)
    notify_reporter(
        report,
        kind="report.info_requested",
        message=_("Laporan %(tid)s ditunda: petugas memerlukan informasi tambahan. %(q)s")
        % {"tid": report.tracking_id, "q": question},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.INFO_REQUESTED,
        audit_type=AT.REPORT_INFO_REQUESTED,
        from_status=before,
        body=question,
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    return report


@transaction.atomic
def report_provide_info(*, report: Report | int, actor: Actor, message: str) -> Report:
    """The reporter answers a tunda request: back to verification, the clock resumes where it stopped."""
    report, before, target = _begin(report, A.PROVIDE_INFO, actor)
    message = _text(message, gettext_noop("jawaban"), minimum=2)
    owner = report.owner_agency
    resumed = verification_resume(
        report, now=clock.now(), default_hk=VERIFY_HK, agency=owner, calendar=calendar_for(owner)
    )
    report.status = target
    _save(report, "status", *resumed)
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.INFO_PROVIDED,
        audit_type=AT.REPORT_INFO_PROVIDED,
        from_status=before,
        body=message,
    )
    return report


@transaction.atomic
def report_archive(*, report: Report | int, actor: Actor, reason: str, explanation: str) -> Report:
    """Arsip: spam, unclear, duplicate, not government… A reason is required and the reporter is told why."""
    report, before, target = _begin(report, A.ARCHIVE, actor)
    if reason not in ArchiveReason.values:
        raise ValidationFailed(
            _("Alasan arsip tidak dikenal: %(value)s") % {"value": reason}, extra={"field": "reason"}
        )
    explanation = _text(explanation, gettext_noop("penjelasan untuk pelapor"), minimum=10)
    report.status = target
    report.archive_reason = reason
    report.status_note = explanation
    report.closed_at = clock.now()
    met = clock_meet(report, VERIFY, at=report.closed_at)
    _save(report, "status", "archive_reason", "status_note", "closed_at", *met)
    notify_reporter(
        report,
        kind="report.archived",
        message=_("Laporan %(tid)s diarsipkan (%(reason)s): %(why)s")
        % {"tid": report.tracking_id, "reason": ArchiveReason(reason).label, "why": explanation},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.ARCHIVED,
        audit_type=AT.REPORT_ARCHIVED,
        from_status=before,
        body=explanation,
        data={"reason": reason},
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    return report


# --- disposition -------------------------------------------------------------------------------------


def _start_agency_clocks(report: Report, agency: Agency) -> list[str]:
    """Verification ends; the new owner's first-response and completion clocks start now (docs/subsystems/sla.md)."""
    now = clock.now()
    report.disposed_at = now
    calendar = calendar_for(agency)
    hk = completion_hk(report, agency)
    return [
        "disposed_at",
        *clock_meet(report, VERIFY, at=now),
        *clock_start(report, RESPONSE, start=now, hk=FIRST_RESPONSE_HK, agency=agency, calendar=calendar),
        *clock_start(report, COMPLETION, start=now, hk=hk, agency=agency, calendar=calendar, case_file_hk=hk),
    ]


@transaction.atomic
def report_dispose(*, report: Report | int, actor: Actor, agency: Agency | int | str, note: str = "") -> Report:
    """Send a verified (or returned) report to the agency with the authority to act.

    The response and completion clocks (re)start for the new owner: it learns of the report only now.
    """
    report, before, target = _begin(report, A.DISPOSE, actor)
    to = _agency(agency, "agency")
    if to.is_root():
        raise ValidationFailed(_("Pilih instansi tujuan, bukan pengelola nasional."), extra={"field": "agency"})
    if not can_dispose_to(actor, to.path):
        raise PermissionDenied(
            _("Anda hanya dapat mendisposisikan ke instansi di bawah kewenangan Anda."), extra={"field": "agency"}
        )
    from_agency_id = actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN)
    report.disposed_by_agency_id = from_agency_id
    report.owner_agency = to
    report.suggested_agency = None
    report.status = target
    clocks = _start_agency_clocks(report, to)
    _save(report, "status", "owner_agency", "disposed_by_agency", "suggested_agency", *clocks)
    note = (note or "").strip()[:2000]
    notify_agency_staff(
        report,
        to.pk,
        kind="report.disposed",
        message=_("Laporan %(tid)s didisposisikan kepada %(agency)s: %(title)s")
        % {"tid": report.tracking_id, "agency": to.name, "title": report.title},
    )
    notify_reporter(
        report,
        kind="report.disposed",
        message=_("Laporan %(tid)s diteruskan kepada %(agency)s untuk ditindaklanjuti.")
        % {"tid": report.tracking_id, "agency": to.name},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.DISPOSED,
        audit_type=AT.REPORT_DISPOSED,
        from_status=before,
        body=note,
        visibility=Visibility.PUBLIC,
        data={"from_agency_id": from_agency_id, "to_agency_id": to.pk, "to_agency": to.name},
        actor_agency_id=from_agency_id,
    )
    return report


@transaction.atomic
def report_dispose_internal(
    *, report: Report | int, actor: Actor, agency: Agency | int | str, note: str = ""
) -> Report:
    """Internal disposisi down the owner's subtree (instansi → OPD → unit). The agency clocks keep running."""
    report, before, target = _begin(report, A.DISPOSE_INTERNAL, actor)
    to = _agency(agency, "agency")
    current = report.owner_agency
    if to.pk == current.pk or not to.is_in_subtree_of(current):
        raise ValidationFailed(
            _("Disposisi internal hanya ke unit di bawah %(agency)s.") % {"agency": current.name},
            extra={"field": "agency"},
        )
    report.disposed_by_agency = current
    report.owner_agency = to
    report.status = target
    _save(report, "status", "owner_agency", "disposed_by_agency")
    notify_agency_staff(
        report,
        to.pk,
        kind="report.disposed",
        message=_("Laporan %(tid)s didisposisikan kepada %(agency)s: %(title)s")
        % {"tid": report.tracking_id, "agency": to.name, "title": report.title},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.INTERNAL_DISPOSED,
        audit_type=AT.REPORT_DISPOSED_INTERNAL,
        from_status=before,
        body=(note or "").strip()[:2000],
        visibility=Visibility.PUBLIC,
        data={"from_agency_id": current.pk, "to_agency_id": to.pk, "to_agency": to.name},
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    return report


def _return_target(report: Report) -> Agency:
    """Who gets a bounced report: the agency that disposed it here, or the national arbiter when the
    report has bounced too often (or nobody else is above it).
    """
    if report.bounce_count + 1 >= settings.LAPOR_ARBITER_AFTER_BOUNCES:
        return root_agency()
    disposer = report.disposed_by_agency
    if disposer is None or disposer.pk == report.owner_agency_id:
        return root_agency()
    return disposer


def _disposer_of(agency: Agency, report: Report) -> int | None:
    """The agency that last disposed the report to ``agency`` (from the timeline)."""
    row = (
        ReportEvent.objects.filter(
            report=report, kind__in=[EventKind.DISPOSED, EventKind.INTERNAL_DISPOSED], data__to_agency_id=agency.pk
        )
        .order_by("-created_at", "-id")
        .values_list("data", flat=True)
        .first()
    )
    return row.get("from_agency_id") if row else None


@transaction.atomic
def report_return(*, report: Report | int, actor: Actor, reason: str, better_agency: Agency | int | str) -> Report:
    """Bukan wewenang: the owner says the report is not theirs, names who it belongs to and why.

    It goes back up to whoever disposed it; after repeated bounces it goes to the national admin as arbiter.
    """
    report, before, target = _begin(report, A.RETURN, actor)
    reason = _text(reason, gettext_noop("alasan bukan wewenang"), minimum=15)
    better = _agency(better_agency, "better_agency")
    owner = report.owner_agency
    acting_id = actor.acting_agency_id(owner, Role.AGENCY_ADMIN)
    if better.is_root() or better.is_in_subtree_of(owner):
        raise ValidationFailed(
            _("Sebutkan instansi lain yang berwenang (bukan %(agency)s atau unit di bawahnya).")
            % {"agency": owner.name},
            extra={"field": "better_agency"},
        )
    back_to = _return_target(report)
    report.bounce_count += 1
    report.owner_agency = back_to
    report.disposed_by_agency_id = None if back_to.is_root() else _disposer_of(back_to, report)
    report.suggested_agency = better
    report.status = target
    report.status_note = reason
    _save(report, "status", "status_note", "owner_agency", "disposed_by_agency", "suggested_agency", "bounce_count")
    notify_agency_staff(
        report,
        back_to.pk,
        kind="report.returned",
        roles=(Role.AGENCY_ADMIN, Role.NATIONAL_ADMIN),
        message=_(
            "Laporan %(tid)s dikembalikan oleh %(from)s (bukan wewenang): %(why)s. "
            "Instansi yang disarankan: %(better)s."
        )
        % {"tid": report.tracking_id, "from": owner.name, "why": reason, "better": better.name},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.RETURNED,
        audit_type=AT.REPORT_RETURNED,
        from_status=before,
        body=reason,
        visibility=Visibility.PUBLIC,
        data={
            "from_agency_id": owner.pk,
            "to_agency_id": back_to.pk,
            "better_agency_id": better.pk,
            "better_agency": better.name,
            "bounce": report.bounce_count,
        },
        actor_agency_id=acting_id,
    )
    return report


def _last_disposition(report: Report) -> ReportEvent | None:
    """The timeline entry of the disposition (or internal disposition) that made the current owner the owner."""
    return (
        ReportEvent.objects.filter(report=report, kind__in=[EventKind.DISPOSED, EventKind.INTERNAL_DISPOSED])
        .order_by("-created_at", "-id")
        .first()
    )


def recall_blocker(report: Report) -> str | None:
    """Why the disposition of ``report`` can no longer be recalled, or None when it can.

    Recall undoes a disposition only while the receiving unit has not acted on it: the last ownership change
    must be a disposition (not an internal one) to the current owner, and nobody acting for the owner or a unit
    below it has written anything on the report since (no internal disposition, note, reclassification,
    follow-up or return). The reporter writing, or the SLA sweep warning, does not count as the unit acting.
    """
    if report.status != Status.DISPOSED:
        return _("Laporan tidak sedang berstatus terdisposisi.")
    last = _last_disposition(report)
    if last is None or last.kind != EventKind.DISPOSED or last.data.get("to_agency_id") != report.owner_agency_id:
        return _("Laporan sudah diteruskan lebih lanjut oleh unit penerima.")
    owner_path = report.owner_agency.path
    acted = (
        ReportEvent.objects.filter(report=report, actor_kind="staff", actor_agency__path__startswith=owner_path)
        .filter(models.Q(created_at__gt=last.created_at) | models.Q(created_at=last.created_at, id__gt=last.id))
        .exists()
    )
    if acted:
        return _("Unit penerima sudah menangani laporan ini.")
    return None


@transaction.atomic
def report_recall(*, report: Report | int, actor: Actor, reason: str) -> Report:
    """Tarik kembali: the disposer takes a disposition back before the receiving unit has acted on it.

    The report returns to verification (``verified``) at the agency that disposed it — the national intake
    when that is unknown — to be disposed again. The receiving unit's response and completion clocks are
    forgotten (they start afresh at the next disposition); the verification clock runs again against its
    original due time, so a recall never buys time. The unit that lost the report is told why.
    """
    report, before, target = _begin(report, A.RECALL, actor)
    reason = _text(reason, gettext_noop("alasan penarikan"), minimum=10)
    blocker = recall_blocker(report)
    if blocker is not None:
        raise ValidationFailed(
            _("Disposisi tidak dapat ditarik kembali: %(why)s Minta unit penerima mengembalikannya (bukan wewenang).")
            % {"why": blocker},
            code="recall_too_late",
        )
    lost = report.owner_agency
    back_to = report.disposed_by_agency if report.disposed_by_agency_id else root_agency()
    acting_id = actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN)
    report.owner_agency = back_to
    report.disposed_by_agency_id = None if back_to.is_root() else _disposer_of(back_to, report)
    report.disposed_at = None
    report.status = target
    report.status_note = reason
    calendar = calendar_for(back_to)
    clocks = [
        *clock_stop(report, RESPONSE),
        *clock_stop(report, COMPLETION),
        *clock_reopen(report, VERIFY, agency=back_to, calendar=calendar),
    ]
    _save(report, "status", "status_note", "owner_agency", "disposed_by_agency", "disposed_at", *clocks)
    notify_agency_staff(
        report,
        lost.pk,
        kind="report.recalled",
        message=_("Disposisi laporan %(tid)s kepada %(agency)s ditarik kembali oleh %(by)s: %(why)s")
        % {"tid": report.tracking_id, "agency": lost.name, "by": back_to.name, "why": reason},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.RECALLED,
        audit_type=AT.REPORT_RECALLED,
        from_status=before,
        body=reason,
        visibility=Visibility.PUBLIC,
        data={"from_agency_id": lost.pk, "from_agency": lost.name, "to_agency_id": back_to.pk},
        actor_agency_id=acting_id,
    )
    return report


# --- follow-up and the conversation ------------------------------------------------------------------


def _rearm_completion(report: Report) -> list[str]:
    owner = report.owner_agency
    hk = completion_hk(report, owner)
    return clock_rearm(report, COMPLETION, agency=owner, calendar=calendar_for(owner), case_file_hk=hk)


@transaction.atomic
def report_follow_up(*, report: Report | int, actor: Actor, message: str) -> Report:
    """Tindak lanjut: the agency's answer to the reporter. Starts the 10-HK auto-close window."""
    report, before, target = _begin(report, A.FOLLOW_UP, actor)
    message = _text(message, gettext_noop("tindak lanjut"), minimum=20)
    now = clock.now()
    met = clock_meet(report, RESPONSE, at=now) + clock_suspend(report, COMPLETION)
    report.last_follow_up_at = now
    report.autoclose_due_at = deadline(now, AUTOCLOSE_HK, report.owner_agency)
    report.is_unsatisfied = False
    report.status = target
    _save(report, "status", "last_follow_up_at", "autoclose_due_at", "is_unsatisfied", *met)
    notify_reporter(
        report,
        kind="report.followed_up",
        message=_("Tindak lanjut laporan %(tid)s dari %(agency)s: %(msg)s")
        % {"tid": report.tracking_id, "agency": report.owner_agency.name, "msg": message[:300]},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.FOLLOWED_UP,
        audit_type=AT.REPORT_FOLLOWED_UP,
        from_status=before,
        body=message,
        visibility=Visibility.PUBLIC,
        actor_agency_id=actor_agency_id(actor, report, Role.AGENCY_ADMIN, Role.LIAISON),
    )
    return report


@transaction.atomic
def report_reply(*, report: Report | int, actor: Actor, message: str) -> Report:
    """The reporter writes on the thread. After a follow-up, it sends the report back to the agency."""
    report, before, target = _begin(report, A.REPLY, actor)
    message = _text(message, gettext_noop("tanggapan"), minimum=2)
    report.status = target
    fields = ["status"]
    if before == Status.FOLLOWED_UP:  # back to the agency: its completion clock alerts again
        report.autoclose_due_at = None
        fields += ["autoclose_due_at", *_rearm_completion(report)]
    _save(report, *fields)
    if before == Status.FOLLOWED_UP:
        notify_agency_staff(
            report,
            report.owner_agency_id,
            kind="report.replied",
            message=_("Pelapor menanggapi tindak lanjut laporan %(tid)s: %(msg)s")
            % {"tid": report.tracking_id, "msg": message[:300]},
        )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.REPLIED,
        audit_type=AT.REPORT_REPLIED,
        from_status=before,
        body=message,
    )
    return report


@transaction.atomic
def report_dispute(*, report: Report | int, actor: Actor, reason: str) -> Report:
    """Tidak puas / sanggah: after a follow-up it blocks auto-close and sends the report back to the agency
    (its completion clock keeps running); on a closed report it reopens it; on an archived one it asks the
    national admin to look again.
    """
    report, before, target = _begin(report, A.DISPUTE, actor)
    reason = _text(reason, gettext_noop("alasan"), minimum=10)
    report.status = target
    report.is_unsatisfied = True
    report.autoclose_due_at = None
    fields = ["status", "is_unsatisfied", "autoclose_due_at"]
    if before in (Status.CLOSED, Status.ARCHIVED):
        report.reopen_count += 1
        report.closed_at = None
        fields += ["reopen_count", "closed_at"]
    if before == Status.FOLLOWED_UP:
        fields += _rearm_completion(report)
    if before == Status.CLOSED:  # the completion clock runs again against its original due time
        owner = report.owner_agency
        hk = completion_hk(report, owner)
        fields += clock_reopen(report, COMPLETION, agency=owner, calendar=calendar_for(owner), case_file_hk=hk)
    if before == Status.ARCHIVED:  # a fresh verification by the national intake
        root = root_agency()
        report.owner_agency = root
        fields += ["owner_agency"]
        fields += clock_start(report, VERIFY, start=clock.now(), hk=VERIFY_HK, agency=root, calendar=calendar_for(root))
    _save(report, *fields)
    notify_agency_staff(
        report,
        report.owner_agency_id,
        kind="report.disputed",
        roles=(Role.AGENCY_ADMIN, Role.LIAISON, Role.NATIONAL_ADMIN),
        message=_("Pelapor tidak puas dengan penanganan laporan %(tid)s: %(why)s")
        % {"tid": report.tracking_id, "why": reason[:300]},
    )
    kind = EventKind.REOPENED if before in (Status.CLOSED, Status.ARCHIVED) else EventKind.DISPUTED
    record_event(report=report, actor=actor, kind=kind, audit_type=AT.REPORT_DISPUTED, from_status=before, body=reason)
    return report


@transaction.atomic
def report_rate(*, report: Report | int, actor: Actor, rating: int, comment: str = "") -> Report:
    """The reporter rates the answer, 1 (very poor) to 5 (very good), with an optional comment."""
    report, before, target = _begin(report, A.RATE, actor)
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        raise ValidationFailed(_("Penilaian harus angka 1 sampai 5."), extra={"field": "rating"})
    comment = _text(comment, gettext_noop("komentar"), required=False)
    report.rating = rating
    report.rating_comment = comment
    report.status = target
    _save(report, "rating", "rating_comment", "status")
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.RATED,
        audit_type=AT.REPORT_RATED,
        from_status=before,
        body=comment,
        data={"rating": rating},
    )
    return report


@transaction.atomic
def report_close(*, report: Report | int, actor: Actor, note: str = "") -> Report:
    """Staff close a followed-up report as finished (selesai)."""
    report, before, target = _begin(report, A.CLOSE, actor)
    report.status = target
    report.closed_at = clock.now()
    report.autoclose_due_at = None
    met = clock_meet(report, COMPLETION, at=report.last_follow_up_at or report.closed_at)
    _save(report, "status", "closed_at", "autoclose_due_at", *met)
    notify_reporter(
        report,
        kind="report.closed",
        message=_("Laporan %(tid)s dinyatakan selesai. Anda dapat memberi penilaian atau menyanggah bila belum puas.")
        % {"tid": report.tracking_id},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.CLOSED,
        audit_type=AT.REPORT_CLOSED,
        from_status=before,
        body=(note or "").strip()[:2000],
        visibility=Visibility.PUBLIC,
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    return report


@transaction.atomic
def report_auto_close(*, report: Report | int, actor: Actor) -> Report:
    """The system closes a followed-up report whose reporter did not answer within 10 HK.

    Refused before the window has passed, and never for a report the reporter said they are unhappy with.
    """
    report, before, target = _begin(report, A.AUTO_CLOSE, actor)
    now = clock.now()
    if report.is_unsatisfied:
        raise ValidationFailed(_("Pelapor menyatakan tidak puas: laporan tidak ditutup otomatis."))
    if report.autoclose_due_at is None or now <= report.autoclose_due_at:
        raise ValidationFailed(_("Batas 10 hari kerja tanpa tanggapan belum terlewati."))
    report.status = target
    report.closed_at = now
    report.autoclose_due_at = None
    met = clock_meet(report, COMPLETION, at=report.last_follow_up_at or now)
    _save(report, "status", "closed_at", "autoclose_due_at", *met)
    notify_reporter(
        report,
        kind="report.auto_closed",
        message=_(
            "Laporan %(tid)s ditutup otomatis karena tidak ada tanggapan dalam 10 hari kerja. "
            "Anda masih dapat menyanggah bila belum puas."
        )
        % {"tid": report.tracking_id},
    )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.AUTO_CLOSED,
        audit_type=AT.REPORT_AUTO_CLOSED,
        from_status=before,
        visibility=Visibility.PUBLIC,
    )
    return report


@transaction.atomic
def report_reclassify(*, report: Report | int, actor: Actor, classification: str, reason: str) -> Report:
    """Correct the classification after disposition (e.g. a complaint turns out to need a field inspection).

    The completion clock is recomputed from the disposition with the new class limit (docs/subsystems/sla.md).
    """
    report, before, target = _begin(report, A.RECLASSIFY, actor)
    if classification not in Classification.values:
        raise ValidationFailed(
            _("Klasifikasi tidak dikenal: %(value)s") % {"value": classification}, extra={"field": "classification"}
        )
    if classification == report.classification:
        raise ValidationFailed(
            _("Klasifikasi laporan sudah %(value)s.") % {"value": Classification(classification).label},
            extra={"field": "classification"},
        )
    reason = _text(reason, gettext_noop("alasan"), minimum=10)
    previous = report.classification
    report.classification = classification
    owner = report.owner_agency
    hk = completion_hk(report, owner)
    fields = ["classification"]
    if report.completion_met_at is None and report.disposed_at is not None:
        fields += clock_start(
            report,
            COMPLETION,
            start=report.disposed_at,
            hk=hk,
            agency=owner,
            calendar=calendar_for(owner),
            case_file_hk=hk,
        )
    report.status = target
    _save(report, "status", *fields)
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.RECLASSIFIED,
        audit_type=AT.REPORT_RECLASSIFIED,
        from_status=before,
        body=reason,
        data={"from": previous, "to": classification},
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN),
    )
    return report


@transaction.atomic
def report_add_note(*, report: Report | int, actor: Actor, note: str) -> ReportEvent:
    """An internal note between staff (never shown to the reporter or the public)."""
    report, before, _target = _begin(report, A.NOTE, actor)
    note = _text(note, gettext_noop("catatan"), minimum=2)
    return record_event(
        report=report,
        actor=actor,
        kind=EventKind.NOTE,
        audit_type=AT.REPORT_NOTE,
        from_status=before,
        body=note,
        visibility=Visibility.INTERNAL,
        actor_agency_id=actor_agency_id(actor, report, Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.LIAISON),
    )
