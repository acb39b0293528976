"""One report for staff: thread, texts side by side, clocks, identity (audited, on request), and the actions
the person may take now, each a form posted to its own URL: parse → permission → service → render.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET, require_POST

from lapor.console import forms as f
from lapor.console import selectors as sel
from lapor.console import services as cs
from lapor.console.access import console_view
from lapor.console.views.common import picker
from lapor.core.errors import ApplicationError, NotFound
from lapor.privacy.policy import audience_of, identity_visible, report_clock_views, reporter_identity, timeline_for
from lapor.reports import services as rs
from lapor.reports.choices import ArchiveReason
from lapor.reports.models import Report
from lapor.reports.permissions import can
from lapor.reports.services.lifecycle import recall_blocker
from lapor.reports.states import STATUS_COLOURS, Action, transition_target
from lapor.routing.services import auto_disposed_suggestion, routing_auto_dispose_revert, routing_suggest

DRAFT_CLEAR = "console_clear_draft"


@dataclass(frozen=True)
class ActionSpec:
    slug: str
    action: str
    label: Any
    form: type[f.ConsoleForm]
    run: Callable[[Any, Report, f.ConsoleForm], Report]
    done: Any
    needs_report: bool = False  # the form's constructor takes actor and report

    def make(self, actor, report, data=None, files=None, initial=None) -> f.ConsoleForm:
        kwargs: dict[str, Any] = {"prefix": self.slug}
        if self.needs_report:
            kwargs.update(actor=actor, report=report)
        if initial:
            kwargs["initial"] = initial
        return self.form(data, files, **kwargs)


def _recall(actor, report, form) -> Report:
    """An automatic disposition is undone through the router (which marks it reverted), any other directly."""
    reason = form.cleaned_data["reason"]
    if auto_disposed_suggestion(report) is not None:
        return routing_auto_dispose_revert(report=report, actor=actor, reason=reason)
    return rs.report_recall(report=report, actor=actor, reason=reason)


def _verify(actor, report, form) -> Report:
    kwargs = form.service_kwargs()
    return cs.report_verify_and_dispose(report=report, actor=actor, **kwargs)


ACTIONS: list[ActionSpec] = [
    ActionSpec(
        "verifikasi",
        Action.VERIFY,
        _l("Verifikasi"),
        f.VerifyForm,
        _verify,
        _l("Laporan diverifikasi."),
        needs_report=True,
    ),
    ActionSpec(
        "disposisi",
        Action.DISPOSE,
        _l("Disposisi ke instansi"),
        f.DisposeForm,
        lambda a, r, fm: rs.report_dispose(
            report=r, actor=a, agency=fm.cleaned_data["agency_obj"], note=fm.cleaned_data["note"]
        ),
        _l("Laporan didisposisikan."),
        needs_report=True,
    ),
    ActionSpec(
        "disposisi-internal",
        Action.DISPOSE_INTERNAL,
        _l("Disposisi internal"),
        f.InternalDisposeForm,
        lambda a, r, fm: rs.report_dispose_internal(
            report=r, actor=a, agency=fm.cleaned_data["agency_obj"], note=fm.cleaned_data["note"]
        ),
        _l("Laporan didisposisikan ke unit."),
        needs_report=True,
    ),
    ActionSpec(
        "tarik-kembali",
        Action.RECALL,
        _l("Tarik kembali disposisi"),
        f.RecallForm,
        _recall,
        _l("Disposisi ditarik kembali; laporan kembali ke tahap verifikasi."),
    ),
    ActionSpec(
        "tindak-lanjut",
        Action.FOLLOW_UP,
        _l("Tindak lanjut"),
        f.FollowUpForm,
        lambda a, r, fm: cs.report_follow_up_with_attachments(
            report=r, actor=a, message=fm.cleaned_data["message"], uploads=fm.cleaned_data["attachments"]
        ),
        _l("Tindak lanjut terkirim kepada pelapor."),
    ),
    ActionSpec(
        "selesai",
        Action.CLOSE,
        _l("Selesaikan"),
        f.CloseForm,
        lambda a, r, fm: rs.report_close(report=r, actor=a, note=fm.cleaned_data["note"]),
        _l("Laporan dinyatakan selesai."),
    ),
    ActionSpec(
        "tunda",
        Action.REQUEST_INFO,
        _l("Tunda: minta informasi"),
        f.RequestInfoForm,
        lambda a, r, fm: rs.report_request_info(report=r, actor=a, question=fm.cleaned_data["question"]),
        _l("Laporan ditunda; pertanyaan terkirim kepada pelapor."),
    ),
    ActionSpec(
        "arsip",
        Action.ARCHIVE,
        _l("Arsipkan"),
        f.ArchiveForm,
        lambda a, r, fm: rs.report_archive(
            report=r, actor=a, reason=fm.cleaned_data["reason"], explanation=fm.cleaned_data["explanation"]
        ),
        _l("Laporan diarsipkan; pelapor diberi tahu alasannya."),
    ),
    ActionSpec(
        "bukan-wewenang",
        Action.RETURN,
        _l("Bukan wewenang"),
        f.ReturnForm,
        lambda a, r, fm: rs.report_return(
            report=r, actor=a, reason=fm.cleaned_data["reason"], better_agency=fm.cleaned_data["agency_obj"]
        ),
        _l("Laporan dikembalikan sebagai bukan wewenang."),
        needs_report=True,
    ),
    ActionSpec(
        "klasifikasi",
        Action.RECLASSIFY,
        _l("Ubah klasifikasi"),
        f.ReclassifyForm,
        lambda a, r, fm: rs.report_reclassify(
            report=r, actor=a, classification=fm.cleaned_data["classification"], reason=fm.cleaned_data["reason"]
        ),
        _l("Klasifikasi diubah; tenggat penyelesaian dihitung ulang."),
    ),
    ActionSpec(
        "catatan",
        Action.NOTE,
        _l("Catatan internal"),
        f.NoteForm,
        lambda a, r, fm: rs.report_add_note(report=r, actor=a, note=fm.cleaned_data["note"]),
        _l("Catatan internal disimpan."),
    ),
]
BY_SLUG = {spec.slug: spec for spec in ACTIONS}
PANEL_TEMPLATES = {
    "verifikasi": "console/panels/verify.html",
    "disposisi": "console/panels/dispose.html",
    "disposisi-internal": "console/panels/dispose.html",
    "bukan-wewenang": "console/panels/return.html",
    "tindak-lanjut": "console/panels/follow_up.html",
    "tarik-kembali": "console/panels/recall.html",
}


def available(actor, report: Report) -> list[ActionSpec]:
    """The actions this person may take on this report in its current state (role, tree position, state)."""
    specs = [s for s in ACTIONS if transition_target(s.action, report.status) and can(actor, s.action, report)]
    if any(s.action == Action.RECALL for s in specs) and recall_blocker(report) is not None:
        specs = [s for s in specs if s.action != Action.RECALL]  # the receiving unit has acted: too late
    return specs


def _picker_context(actor, report: Report, panels: list[dict]) -> None:
    tid = report.tracking_id
    suggested = report.suggested_agency if report.suggested_agency_id else None
    for panel in panels:
        slug, form = panel["spec"].slug, panel["form"]
        pickers = panel["pickers"] = {}
        if slug == "verifikasi":
            current = [report.category] if report.category_id else []
            pickers["category"] = picker(
                form, "category", kind="category", options=current, heading=_("Kategori saat ini:") if current else ""
            )
            if form.may_dispose:
                pickers["agency"] = picker(
                    form,
                    "dispose_to",
                    kind="agency",
                    purpose="dispose",
                    tracking_id=tid,
                    options=sel.agency_options_near(actor, report),
                    heading=_("Instansi di wilayah laporan:"),
                    suggested=suggested,
                    with_suggestions=True,
                )
        elif slug == "disposisi":
            pickers["agency"] = picker(
                form,
                "agency",
                kind="agency",
                purpose="dispose",
                tracking_id=tid,
                options=sel.agency_options_near(actor, report),
                heading=_("Instansi di wilayah laporan:"),
                required=True,
                suggested=suggested,
                with_suggestions=True,
            )
        elif slug == "disposisi-internal":
            pickers["agency"] = picker(
                form,
                "agency",
                kind="agency",
                purpose="internal",
                tracking_id=tid,
                options=sel.agency_options(actor, purpose="internal", report=report),
                heading=_("Unit di bawah %(agency)s:") % {"agency": report.owner_agency.name},
                required=True,
            )
        elif slug == "bukan-wewenang":
            pickers["agency"] = picker(
                form, "better_agency", kind="agency", purpose="return", tracking_id=tid, required=True
            )


def _routing_suggestions(actor, report: Report, panels: list[dict]) -> list:
    """The router's top 3 for the dispose pickers (verify-and-dispose, dispose), each with its reason in the
    reader's language; computed with the report's current category (a suggestion stored with another category is
    recomputed first, see ``routing_suggest``). Empty when no dispose picker is shown or no model is active.
    """
    if not any("agency" in p["pickers"] and p["spec"].slug in ("verifikasi", "disposisi") for p in panels):
        return []
    found = routing_suggest(report=report, actor=actor)
    return found.items if found is not None else []


def _report_page(
    request: HttpRequest, report: Report, *, bound: tuple[str, f.ConsoleForm] | None = None, show_identity=False
) -> HttpResponse:
    actor = request.actor
    specs = available(actor, report)
    templates = sel.templates_for(report.owner_agency) if any(s.action == Action.FOLLOW_UP for s in specs) else []
    panels = []
    for spec in specs:
        if bound and bound[0] == spec.slug:
            form = bound[1]
        else:
            initial = None
            if spec.action == Action.FOLLOW_UP:
                chosen = request.GET.get("templat", "")
                body = next((t.body for t in templates if str(t.pk) == chosen), "")
                initial = {"message": body} if body else None
            form = spec.make(actor, report, initial=initial)
        is_open = bool(bound and bound[0] == spec.slug) or request.GET.get("aksi") == spec.slug
        panels.append({"spec": spec, "form": form, "open": is_open, "template": PANEL_TEMPLATES.get(spec.slug)})
    _picker_context(actor, report, panels)
    suggestions = _routing_suggestions(actor, report, panels)
    auto = auto_disposed_suggestion(report) if any(p["spec"].action == Action.RECALL for p in panels) else None
    events = list(timeline_for(actor, report).select_related("actor_user"))
    attachments = list(report.attachments.order_by("created_at", "pk"))
    by_event: dict[int | None, list] = defaultdict(list)
    for attachment in attachments:
        by_event[attachment.event_id].append(attachment)
    for event in events:
        event.files = by_event.pop(event.pk, [])
    loose = [a for files in by_event.values() for a in files]
    identity = reporter_identity(actor, report) if show_identity else None
    context = {
        "report": report,
        "status_colour": STATUS_COLOURS.get(report.status, "gray"),
        "clocks": report_clock_views(report),
        "events": events,
        "loose_files": loose,
        "panels": panels,
        "templates": templates,
        "templates_json": {str(t.pk): t.body for t in templates},
        "identity_allowed": identity_visible(actor, report),
        "identity": identity,
        "audience": audience_of(actor, report),
        "suggestions": suggestions,  # the router's top 3, shown in the verify/dispose pickers
        "auto_disposed": auto,  # the router disposed it automatically: the recall panel says so
        "archive_reason": ArchiveReason(report.archive_reason).label if report.archive_reason else "",
        "draft_clear": request.session.pop(DRAFT_CLEAR, ""),
    }
    return render(request, "console/report.html", context)


@console_view
@require_GET
def report_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = sel.console_report_for(request.actor, tracking_id)
    return _report_page(request, report, show_identity=request.GET.get("identitas") == "1")


@console_view
@require_GET
def report_identity(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The reporter's identity, only where allowed; every view is an audit event (in ``reporter_identity``)."""
    actor = request.actor
    report = sel.console_report_for(actor, tracking_id)
    if not request.headers.get("HX-Request"):
        return redirect(reverse("console:report", args=[report.tracking_id]) + "?identitas=1#identitas")
    identity = reporter_identity(actor, report)
    return render(
        request,
        "console/_identity.html",
        {"report": report, "identity": identity, "identity_allowed": identity is not None},
    )


@console_view
@require_POST
def report_action(request: HttpRequest, tracking_id: str, slug: str) -> HttpResponse:
    actor = request.actor
    report = sel.console_report_for(actor, tracking_id)
    spec = BY_SLUG.get(slug)
    if spec is None:
        raise NotFound(_("Tindakan tidak dikenal."))
    form = spec.make(actor, report, data=request.POST, files=request.FILES)
    if form.is_valid():
        try:
            spec.run(actor, report, form)
        except ApplicationError as exc:
            add = getattr(form, "SERVICE_FIELDS", {})
            f.add_service_error(form, exc, add)
        else:
            messages.success(request, str(spec.done))
            if spec.action == Action.FOLLOW_UP:
                request.session[DRAFT_CLEAR] = f"console-followup-{report.tracking_id}"
            fresh = Report.objects.select_related("owner_agency").get(pk=report.pk)
            if audience_of(actor, fresh) in sel.STAFF_AUDIENCES:
                return redirect("console:report", tracking_id=fresh.tracking_id)
            messages.info(
                request,
                _("Laporan #%(tid)s kini di luar lingkup Anda.") % {"tid": fresh.tracking_id},
            )
            return redirect("console:inbox")
    fresh = Report.objects.select_related("owner_agency", "category", "region").get(pk=report.pk)
    if not any(s.slug == slug for s in available(actor, fresh)):
        # The action is not (or no longer) possible: say why on the page, nothing changed.
        messages.error(
            request, _("Tindakan %(action)s tidak tersedia untuk laporan ini saat ini.") % {"action": spec.label}
        )
        for message in form.non_field_errors():
            messages.error(request, message)
        return redirect("console:report", tracking_id=fresh.tracking_id)
    return _report_page(request, fresh, bound=(slug, form))


@console_view
@require_GET
def attachment_download(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    """An attachment, to staff who may read the report (the privacy layer decides), never by a bare file URL."""
    report = sel.console_report_for(request.actor, tracking_id)
    attachment = report.attachments.filter(pk=pk).first()
    if attachment is None:
        raise NotFound(_("Lampiran tidak ditemukan."))
    inline = attachment.content_type.startswith("image/")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=not inline,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, no-store"
    return response
