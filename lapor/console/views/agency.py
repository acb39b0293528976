"""Agency admin: units, staff and their roles, SMS keyword, closures (extra non-working days), answer templates.

Pages are for the admins of the agency (or of an agency above it) and the national admin. Other staff of the
subtree get 403; anyone else 404, as for an agency that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lapor.accounts.models import User
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.console import forms as f
from lapor.console import selectors as sel
from lapor.console import services as cs
from lapor.console.access import console_view
from lapor.console.models import AnswerTemplate, TotpDevice
from lapor.console.otp import may_manage_account, totp_reset
from lapor.console.views.common import picker
from lapor.core import clock
from lapor.core.errors import ApplicationError, NotFound, PermissionDenied
from lapor.sla.services import closure_add

NEW_PASSWORD = "console_new_password"  # noqa: S105 - a session key, not a password


def _agency(request: HttpRequest, code: str) -> Agency:
    """The agency if the actor administers it; 403 for other staff of its subtree; otherwise 404."""
    actor = request.actor
    agency = sel.agency_in_staff_scope(actor, code)
    if not cs.may_administer(actor, agency):
        raise PermissionDenied(_("Halaman ini hanya untuk admin %(agency)s.") % {"agency": agency.name})
    return agency


def _base(request: HttpRequest, agency: Agency, section: str, **extra) -> dict:
    trail = [a for a in sel.agency_trail(agency) if cs.may_administer(request.actor, a)]
    return {"agency": agency, "trail": trail, "section": section, **extra}


@console_view
@require_GET
def agency_index(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    agencies = sel.administered_agencies(actor)
    if not agencies:
        raise PermissionDenied(_("Halaman instansi hanya untuk admin."))
    q = (request.GET.get("q") or "").strip()[:100]
    if len(agencies) == 1 and not q:
        return redirect("console:agency", code=agencies[0].code)
    found = []
    if q:
        for top in agencies:
            found += sel.agency_children(top, q=q, limit=50)
    return render(request, "console/agency_index.html", {"agencies": agencies, "q": q, "found": found[:50]})


@console_view
@require_http_methods(["GET", "POST"])
def agency_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The agency and its units; the SMS keyword form posts here."""
    agency = _agency(request, code)
    form = f.SmsKeywordForm(request.POST or None, initial={"sms_keyword": agency.sms_keyword or ""})
    if request.method == "POST" and form.is_valid():
        try:
            cs.agency_sms_keyword_set(actor=request.actor, agency=agency, keyword=form.cleaned_data["sms_keyword"])
        except ApplicationError as exc:
            f.add_service_error(form, exc, f.SmsKeywordForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Kata kunci SMS disimpan."))
            return redirect("console:agency", code=agency.code)
    q = (request.GET.get("q") or "").strip()[:100]
    children = sel.agency_children(agency, q=q)
    return render(
        request,
        "console/agency_detail.html",
        _base(request, agency, "unit", keyword_form=form, children=children, q=q),
    )


@console_view
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest, code: str) -> HttpResponse:
    parent = _agency(request, code)
    form = f.UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            unit = cs.agency_unit_create(
                actor=request.actor,
                parent=parent,
                code=d["code"],
                name=d["name"],
                kind=d["kind"],
                region_id=d["region_obj"].code if d.get("region_obj") else None,
                sms_keyword=d.get("sms_keyword"),
            )
        except ApplicationError as exc:
            f.add_service_error(form, exc, f.UnitForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Unit %(name)s ditambahkan.") % {"name": unit.name})
            return redirect("console:agency", code=parent.code)
    region_picker = picker(form, "region", kind="region")
    return render(
        request, "console/agency_unit_form.html", _base(request, parent, "unit", form=form, region_picker=region_picker)
    )


def _staff_page(request: HttpRequest, agency: Agency, *, grant=None, create=None) -> HttpResponse:
    roles = cs.grantable_roles(request.actor, agency)
    memberships = sel.agency_memberships(agency)
    for m in memberships:
        m.may_manage = m.user_id != request.user.pk and may_manage_account(request.actor, m.user)
        try:
            m.has_totp = m.user.console_totp.is_confirmed
        except TotpDevice.DoesNotExist:
            m.has_totp = False
    context = _base(
        request,
        agency,
        "petugas",
        memberships=memberships,
        grant_form=grant or f.StaffGrantForm(roles=roles, prefix="grant"),
        create_form=create or f.StaffCreateForm(roles=roles, prefix="baru"),
        new_password=request.session.pop(NEW_PASSWORD, None),
        Role=Role,
    )
    return render(request, "console/agency_staff.html", context)


@console_view
@require_http_methods(["GET", "POST"])
def staff(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(request, code)
    actor = request.actor
    roles = cs.grantable_roles(actor, agency)
    if request.method == "GET":
        return _staff_page(request, agency)
    op = request.POST.get("op")
    if op == "grant":
        form = f.StaffGrantForm(request.POST, roles=roles, prefix="grant")
        if form.is_valid():
            user = cs.staff_find(form.cleaned_data["user"])
            if user is None:
                form.add_error(
                    "user", _("Akun tidak ditemukan. Periksa nama pengguna atau e-mail, atau buat akun baru.")
                )
            else:
                try:
                    cs.staff_role_grant(actor=actor, agency=agency, user=user, role=form.cleaned_data["role"])
                except ApplicationError as exc:
                    f.add_service_error(form, exc, form.SERVICE_FIELDS)
                else:
                    messages.success(request, _("Peran diberikan kepada %(u)s.") % {"u": user.get_username()})
                    return redirect("console:staff", code=agency.code)
        return _staff_page(request, agency, grant=form)
    if op == "create":
        form = f.StaffCreateForm(request.POST, roles=roles, prefix="baru")
        if form.is_valid():
            try:
                account = cs.staff_account_create(actor=actor, agency=agency, **form.cleaned_data)
            except ApplicationError as exc:
                f.add_service_error(form, exc, form.SERVICE_FIELDS)
            else:
                request.session[NEW_PASSWORD] = {"username": account.user.get_username(), "password": account.password}
                return redirect("console:staff", code=agency.code)
        return _staff_page(request, agency, create=form)
    return _staff_member_op(request, agency, op)


def _staff_member_op(request: HttpRequest, agency: Agency, op: str | None) -> HttpResponse:
    """Revoke a role, reset an authenticator or a password of one listed member."""
    actor = request.actor
    user = (
        User.objects.filter(pk=request.POST.get("user") or 0).first()
        if (request.POST.get("user") or "").isdigit()
        else None
    )
    if user is None or op not in ("revoke", "reset_totp", "reset_password"):
        raise NotFound(_("Petugas tidak ditemukan."))
    try:
        if op == "revoke":
            cs.staff_role_revoke(actor=actor, agency=agency, user=user, role=request.POST.get("role", ""))
            messages.success(request, _("Peran %(u)s dicabut.") % {"u": user.get_username()})
        elif op == "reset_totp":
            totp_reset(actor=actor, user=user)
            messages.success(
                request,
                _("Autentikator %(u)s diatur ulang; ia menyiapkan yang baru saat masuk.") % {"u": user.get_username()},
            )
        else:
            account = cs.staff_password_reset(actor=actor, user=user)
            request.session[NEW_PASSWORD] = {"username": user.get_username(), "password": account.password}
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("console:staff", code=agency.code)


@console_view
@require_http_methods(["GET", "POST"])
def closures(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(request, code)
    form = f.ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closure_add(
                agency=agency, date=form.cleaned_data["date"], reason=form.cleaned_data["reason"], actor=request.actor
            )
        except ApplicationError as exc:
            f.add_service_error(form, exc, f.ClosureForm.SERVICE_FIELDS)
        except ValueError:
            form.add_error("date", _("Tanggal di luar kalender kerja (2015–2040)."))
        else:
            messages.success(
                request,
                _("Hari libur %(date)s ditambahkan; tenggat yang melewatinya bergeser satu hari kerja.")
                % {"date": form.cleaned_data["date"].strftime("%d-%m-%Y")},
            )
            return redirect("console:closures", code=agency.code)
    since = clock.now().date().replace(month=1, day=1)
    return render(
        request,
        "console/agency_closures.html",
        _base(request, agency, "libur", form=form, closures=sel.agency_closures(agency, since=since)),
    )


@console_view
@require_http_methods(["GET", "POST"])
def templates(request: HttpRequest, code: str) -> HttpResponse:
    agency = _agency(request, code)
    form = f.TemplateForm(request.POST or None, initial={"active": True})
    if request.method == "POST" and form.is_valid():
        try:
            cs.answer_template_create(
                actor=request.actor, agency=agency, title=form.cleaned_data["title"], body=form.cleaned_data["body"]
            )
        except ApplicationError as exc:
            f.add_service_error(form, exc, f.TemplateForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Templat disimpan."))
            return redirect("console:templates", code=agency.code)
    return render(
        request,
        "console/agency_templates.html",
        _base(request, agency, "templat", form=form, templates=sel.agency_templates(agency)),
    )


@console_view
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    agency = _agency(request, code)
    template = AnswerTemplate.objects.filter(pk=pk, agency=agency).first()
    if template is None:
        raise NotFound(_("Templat tidak ditemukan."))
    form = f.TemplateForm(
        request.POST or None, initial={"title": template.title, "body": template.body, "active": template.active}
    )
    if request.method == "POST" and form.is_valid():
        try:
            cs.answer_template_update(actor=request.actor, template=template, **form.cleaned_data)
        except ApplicationError as exc:
            f.add_service_error(form, exc, f.TemplateForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Templat diperbarui."))
            return redirect("console:templates", code=agency.code)
    return render(
        request, "console/agency_template_edit.html", _base(request, agency, "templat", form=form, template=template)
    )
