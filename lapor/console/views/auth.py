"""Logging in to the console: password, then the authenticator code for admins; throttled; the session
kept alive while someone is typing.
"""

from __future__ import annotations

import time

from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.console import throttle
from lapor.console.access import SESSION_STATE, console_view, mark_state, safe_next, session_state, touch_session
from lapor.console.conf import setting
from lapor.console.forms import CodeForm, LoginForm, add_service_error
from lapor.console.otp import (
    needs_second_factor,
    provisioning_uri,
    totp_device_of,
    totp_enrol_confirm,
    totp_enrol_start,
    totp_has_confirmed,
    totp_verify,
)
from lapor.console.services import temporary_password_clear
from lapor.core.errors import ValidationFailed

PENDING = "console_pending_login"
PENDING_SECONDS = 300


def _locked_message(lock: throttle.Lock) -> str:
    return _(
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam %(m)d menit "
        "atau hubungi admin instansi Anda."
    ) % {"m": lock.minutes_left}


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """Step 1: username and password (throttled per username and address)."""
    next_url = safe_next(request)
    if request.user.is_authenticated and request.method == "GET" and Actor.for_user(request.user).is_staff_actor:
        return redirect(next_url)
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        address = throttle.client_address(request)
        lock = throttle.login_locked(username, address)
        if lock is None:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                lock = throttle.login_failed(username, address)
                if lock is None:
                    form.add_error(None, _("Nama pengguna atau kata sandi salah."))
            elif not Actor.for_user(user).is_staff_actor:
                form.add_error(None, _("Akun ini bukan akun petugas. Warga dapat memantau laporan di halaman utama."))
            else:
                return _password_accepted(request, user, username, address, next_url)
        if lock is not None:
            form.add_error(None, _locked_message(lock))
            status = 429
    return render(request, "console/login.html", {"form": form, "next": next_url}, status=status)


def _password_accepted(request: HttpRequest, user: User, username: str, address: str, next_url: str) -> HttpResponse:
    actor = Actor.for_user(user)
    if totp_has_confirmed(user):
        request.session.cycle_key()
        request.session[PENDING] = {
            "user": user.pk,
            "username": username,
            "at": _now_ts(),
            "backend": getattr(user, "backend", None),
        }
        return redirect(f"{reverse('console:otp')}?next={next_url}")
    throttle.login_succeeded(username, address)
    login(request, user)
    state = session_state(request, actor)
    touch_session(request, force=True)
    if state["pw"]:
        return redirect(f"{reverse('console:password')}?next={next_url}")
    if state["2fa"] == "none":
        return redirect(f"{reverse('console:totp_setup')}?next={next_url}")
    return redirect(next_url)


def _now_ts() -> int:
    return int(time.time())


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def otp_view(request: HttpRequest) -> HttpResponse:
    """Step 2 for admins: the 6-digit code. Also reached by an admin who logged in elsewhere (Django admin)."""
    next_url = safe_next(request)
    pending = request.session.get(PENDING)
    if pending and _now_ts() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        pending = None
    user: User | None = None
    username = ""
    backend = None
    if pending:
        backend = pending.get("backend")
        user = User.objects.filter(pk=pending["user"], is_active=True).first()
        username = pending["username"]
    elif request.user.is_authenticated:
        user, username = request.user, request.user.get_username()
    if user is None:
        return redirect(f"{reverse('console:login')}?next={next_url}")
    form = CodeForm(request.POST or None)
    status = 200
    address = throttle.client_address(request)
    if request.method == "POST" and form.is_valid():
        lock = throttle.login_locked(username, address)
        if lock is None:
            try:
                totp_verify(user=user, code=form.cleaned_data["code"])
            except ValidationFailed as exc:
                lock = throttle.login_failed(username, address)
                if lock is None:
                    add_service_error(form, exc)
            else:
                throttle.login_succeeded(username, address)
                request.session.pop(PENDING, None)
                if not request.user.is_authenticated:
                    login(request, user, backend=backend)
                session_state(request, Actor.for_user(user))
                mark_state(request, **{"2fa": "ok"})
                touch_session(request, force=True)
                if request.session[SESSION_STATE].get("pw"):
                    return redirect(f"{reverse('console:password')}?next={next_url}")
                return redirect(next_url)
        if lock is not None:
            form.add_error(None, _locked_message(lock))
            status = 429
    return render(request, "console/otp.html", {"form": form, "next": next_url}, status=status)


@require_POST
@csrf_protect
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect(reverse("console:login"))
    return response


@console_view(allow_pending=True)
@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator: the secret as text and as an otpauth:// URI, a QR code drawn here (no network),
    then the first code to confirm it.
    """
    user = request.user
    next_url = safe_next(request)
    device = totp_device_of(user)
    if device is not None and device.is_confirmed:
        return render(request, "console/totp_setup.html", {"done": True, "next": next_url, "device": device})
    if device is None or request.GET.get("baru") == "1" and request.method == "GET":
        device = totp_enrol_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            totp_enrol_confirm(user=user, code=form.cleaned_data["code"])
        except ValidationFailed as exc:
            add_service_error(form, exc)
        else:
            mark_state(request, **{"2fa": "ok"})
            return redirect(next_url)
    uri = provisioning_uri(device)
    secret_groups = " ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4))
    return render(
        request,
        "console/totp_setup.html",
        {
            "form": form,
            "secret": secret_groups,
            "uri": uri,
            "qr": _qr_svg(uri),
            "next": next_url,
            "admin": needs_second_factor(request.actor),
            "skippable": not setting("LAPOR_CONSOLE_REQUIRE_2FA"),
        },
    )


def _qr_svg(uri: str) -> str:
    """The URI as an inline SVG QR code, drawn here (no network); empty when ``segno`` is not installed (the
    page then offers the key as text and the URI only).
    """
    try:
        import segno
    except ImportError:
        return ""
    svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return mark_safe(svg)  # noqa: S308 - SVG generated here from our own data, no user HTML


@console_view(allow_pending=True)
@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Choose a password (required after an admin set a temporary one)."""
    next_url = safe_next(request)
    if request.console_state.get("2fa") == "pending":
        return redirect(f"{reverse('console:otp')}?next={next_url}")
    form = PasswordChangeForm(request.user, request.POST or None)
    for name, field in form.fields.items():
        field.widget.attrs["autocomplete"] = "current-password" if name == "old_password" else "new-password"
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        temporary_password_clear(user=user)
        mark_state(request, pw=False)
        if request.console_state.get("2fa") == "none":
            return redirect(f"{reverse('console:totp_setup')}?next={next_url}")
        return redirect(next_url)
    return render(
        request,
        "console/password.html",
        {"form": form, "next": next_url, "temporary": request.console_state.get("pw")},
    )


@require_POST
def keepalive(request: HttpRequest) -> HttpResponse:
    """Renew the session while a form has unsent changes. 401 once it has ended (the page keeps the draft)."""
    if not request.user.is_authenticated or not request.session.get(SESSION_STATE):
        return JsonResponse({"ok": False, "login": reverse("console:login")}, status=401)
    left = touch_session(request, force=True)
    return JsonResponse({"ok": True, "expires_in": left})
