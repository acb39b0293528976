"""Following a report: the page everybody may open (as much as they may see), the reporter's actions on it
(POST forms carrying the private token, or the session set when the private link was opened), and
attachments served only through the privacy layer.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lapor.core.errors import ApplicationError, NotFound
from lapor.privacy.policy import report_clock_views, report_present, timeline_for
from lapor.privacy.redaction import redact
from lapor.publicweb import selectors as sel
from lapor.publicweb.forms import DisputeForm, MessageForm, RatingForm, check_uploads
from lapor.publicweb.views._common import (
    Viewer,
    forget_token,
    load_report,
    private_headers,
    remember_token,
    remembered_token,
    request_actor,
)
from lapor.reports import services as rs
from lapor.reports.choices import EventKind
from lapor.reports.models import Attachment
from lapor.reports.services.attachments import attachment_add
from lapor.reports.states import Action, Status, transition_target
from lapor.reports.tracking import tracking_id_is_valid

REPORTER_ACTIONS = (Action.REPLY, Action.PROVIDE_INFO, Action.RATE, Action.DISPUTE)


def _forms_for(viewer: Viewer, bound: dict | None = None) -> dict:
    """The reporter's forms that the report's state allows (the state machine decides, not the template)."""
    if not viewer.is_reporter:
        return {}
    status = viewer.report.status
    bound = bound or {}
    forms = {}
    if transition_target(Action.PROVIDE_INFO, status):
        forms["provide_info"] = bound.get("provide_info") or MessageForm(prefix="info")
    if transition_target(Action.REPLY, status):
        forms["reply"] = bound.get("reply") or MessageForm(prefix="reply")
    if transition_target(Action.RATE, status):
        initial = {"rating": viewer.report.rating} if viewer.report.rating else None
        forms["rate"] = bound.get("rate") or RatingForm(prefix="rate", initial=initial)
    if transition_target(Action.DISPUTE, status):
        forms["dispute"] = bound.get("dispute") or DisputeForm(prefix="dispute")
    return forms


def _render(request: HttpRequest, viewer: Viewer, *, bound: dict | None = None, errors=(), status=200):
    report, actor = viewer.report, viewer.actor
    data = report_present(actor, report)
    events = list(timeline_for(actor, report))
    if data["reporter"] is None:
        names = [report.reporter_name] if report.reporter_name else []
        for event in events:
            event.body = redact(event.body, names=names).text
    response = render(
        request,
        "publicweb/report_detail.html",
        {
            "report": report,
            "data": data,
            "events": events,
            "clocks": report_clock_views(report),
            "attachments": sel.attachments_for(actor, report),
            "is_reporter": viewer.is_reporter,
            "token": viewer.token,
            "forms": _forms_for(viewer, bound),
            "form_errors": list(errors),
            "waiting_question": report.status_note if report.status == Status.PENDING_INFO else "",
            "statuses": Status,
        },
        status=status,
    )
    return private_headers(response, private=viewer.is_reporter)


@require_GET
def report_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    token = (request.GET.get("t") or "")[:100] or None
    try:
        viewer = load_report(request, tracking_id, token=token)
    except Http404:
        # The same page for a report that does not exist and one this visitor may not see (secret, unverified).
        response = render(request, "publicweb/not_found.html", {"tracking_id": (tracking_id or "")[:20]}, status=404)
        return private_headers(response, private=True)
    if viewer.token and token:
        remember_token(request, viewer.report.tracking_id, viewer.token)
    return _render(request, viewer)


def _reporter_post(
    request: HttpRequest,
    tracking_id: str,
    *,
    key: str,
    form: object,
    act: Callable,
    done: str,
    draft: str = "",
) -> HttpResponse:
    """parse → permission (privacy layer: only the reporter) → service → redirect; errors keep what was typed."""
    viewer = load_report(request, tracking_id, token=(request.POST.get("t") or "")[:100] or None)
    if not viewer.is_reporter:
        raise Http404
    errors: list[str] = []
    if form.is_valid():
        try:
            act(viewer, form.cleaned_data)
        except ApplicationError as exc:
            errors.append(exc.message)  # shown above the forms: the form itself may no longer apply
        else:
            messages.success(request, done, extra_tags=f"{draft}-{viewer.report.tracking_id}" if draft else "")
            return redirect("publicweb:report_detail", tracking_id=viewer.report.tracking_id)
    viewer.report.refresh_from_db()
    return _render(request, viewer, bound={key: form}, errors=errors, status=400)


@require_POST
def report_reply(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def act(viewer: Viewer, data: dict) -> None:
        files, problems = check_uploads(request.FILES.getlist("reply-attachments"))
        if problems:
            raise ApplicationError(" ".join(problems))
        with transaction.atomic():
            report = rs.report_reply(report=viewer.report, actor=viewer.actor, message=data["message"])
            event = report.events.filter(kind=EventKind.REPLIED).order_by("-created_at", "-id").first()
            for name, blob in files:
                attachment_add(report=report, actor=viewer.actor, data=blob, filename=name, event=event)

    return _reporter_post(
        request,
        tracking_id,
        key="reply",
        form=MessageForm(request.POST, prefix="reply"),
        act=act,
        done=_("Tanggapan Anda terkirim."),
        draft="reply",
    )


@require_POST
def report_provide_info(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def act(viewer: Viewer, data: dict) -> None:
        rs.report_provide_info(report=viewer.report, actor=viewer.actor, message=data["message"])

    return _reporter_post(
        request,
        tracking_id,
        key="provide_info",
        form=MessageForm(request.POST, prefix="info"),
        act=act,
        done=_("Terima kasih. Informasi Anda terkirim dan verifikasi dilanjutkan."),
        draft="info",
    )


@require_POST
def report_rate(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def act(viewer: Viewer, data: dict) -> None:
        rs.report_rate(report=viewer.report, actor=viewer.actor, rating=data["rating"], comment=data["comment"])

    return _reporter_post(
        request,
        tracking_id,
        key="rate",
        form=RatingForm(request.POST, prefix="rate"),
        act=act,
        done=_("Terima kasih atas penilaian Anda."),
    )


@require_POST
def report_dispute(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def act(viewer: Viewer, data: dict) -> None:
        rs.report_dispute(report=viewer.report, actor=viewer.actor, reason=data["reason"])

    return _reporter_post(
        request,
        tracking_id,
        key="dispute",
        form=DisputeForm(request.POST, prefix="dispute"),
        act=act,
        done=_("Ketidakpuasan Anda tercatat. Laporan dikembalikan kepada instansi untuk ditangani lagi."),
    )


@require_POST
def report_forget(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Remove the private access from this browser (a shared phone or an internet café)."""
    forget_token(request, (tracking_id or "")[:20])
    messages.info(request, _("Akses pribadi ke laporan ini sudah dihapus dari perangkat ini."))
    return redirect("publicweb:home")


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """An attachment, only for whoever may see the report and the attachment (else 404, like a missing one)."""
    token = (request.GET.get("t") or "")[:100] or None
    actor = request_actor(request)
    attachment = None
    candidates = [token]
    tid = Attachment.objects.filter(pk=pk).values_list("report__tracking_id", flat=True).first()
    if tid and tracking_id_is_valid(tid):
        candidates.append(remembered_token(request, tid))
    for candidate in candidates:
        try:
            attachment, _viewer = sel.attachment_for(actor, pk, token=candidate)
            break
        except NotFound:
            continue
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    inline = attachment.content_type.startswith("image/")
    response = FileResponse(
        handle, content_type=attachment.content_type, as_attachment=not inline, filename=attachment.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
