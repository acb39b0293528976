"""Citizen account pages: sign up (with a code sent to the phone or e-mail), sign in, forgotten password,
sign out, "my reports", and the session keep-alive the pages use to warn before a session ends."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts import services as acc
from lapor.accounts.forms import CodeForm, ForgotForm, LoginForm, ResetCodeForm, SignupForm
from lapor.core import clock
from lapor.core.errors import ApplicationError
from lapor.publicweb.selectors import STATUS_GROUPS, my_report_counts, my_reports

CHALLENGE = "lapor_account_challenge"
BACKEND = "django.contrib.auth.backends.ModelBackend"
TABS = ("semua", *STATUS_GROUPS)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("publicweb:accounts:my_reports")


def _ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _start_challenge(request: HttpRequest, contact: acc.Contact, purpose: str, **extra) -> None:
    digest = acc.verification_code_send(contact=contact, purpose=purpose)
    now = clock.now().timestamp()
    request.session[CHALLENGE] = {
        "purpose": purpose,
        "kind": contact.kind,
        "value": contact.value,
        "digest": digest,
        "expires": now + acc.CODE_TTL_SECONDS,
        "sent_at": now,
        "attempts": 0,
        "next": _next_url(request),
        **extra,
    }


def _challenge(request: HttpRequest) -> dict | None:
    challenge = request.session.get(CHALLENGE)
    if not isinstance(challenge, dict) or challenge.get("expires", 0) < clock.now().timestamp():
        return None
    return challenge


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        if acc.citizen_find(contact) is not None:
            form.add_error("contact", _("Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk."))
        else:
            _start_challenge(
                request,
                contact,
                "signup",
                name=form.cleaned_data["name"],
                password_hash=make_password(form.cleaned_data["password1"]),
            )
            return redirect("publicweb:accounts:verify")
    return render(request, "publicweb/akun/signup.html", {"form": form, "next": _next_url(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Enter the code: creates the account (sign-up) or sets a new password (forgotten password)."""
    challenge = _challenge(request)
    if challenge is None:
        messages.error(request, _("Kode sudah kedaluwarsa atau belum diminta. Silakan mulai lagi."))
        return redirect("publicweb:accounts:signup")
    reset = challenge["purpose"] == "reset"
    form_class = ResetCodeForm if reset else CodeForm
    form = form_class(request.POST or None)
    contact = acc.Contact(challenge["kind"], challenge["value"])
    if request.method == "POST" and form.is_valid():
        challenge["attempts"] += 1
        request.session[CHALLENGE] = challenge
        if challenge["attempts"] > acc.CODE_MAX_ATTEMPTS:
            del request.session[CHALLENGE]
            messages.error(request, _("Terlalu banyak kode salah. Silakan minta kode baru."))
            return redirect("publicweb:accounts:forgot" if reset else "publicweb:accounts:signup")
        if not acc.code_matches(form.cleaned_data["code"], contact, challenge["digest"]):
            form.add_error("code", _("Kode salah. Periksa lagi pesan yang kami kirim."))
        else:
            try:
                if reset:
                    user = acc.citizen_find(contact)
                    if user is None:
                        raise ApplicationError(_("Akun tidak ditemukan."))
                    acc.citizen_password_set(user=user, password=form.cleaned_data["password1"])
                else:
                    user = acc.citizen_register(
                        contact=contact, password_hash=challenge["password_hash"], name=challenge.get("name", "")
                    )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                target = challenge.get("next") or reverse("publicweb:accounts:my_reports")
                del request.session[CHALLENGE]
                login(request, user, backend=BACKEND)
                messages.success(
                    request, _("Kata sandi baru tersimpan.") if reset else _("Akun Anda sudah dibuat. Selamat datang!")
                )
                return redirect(target)
    return render(
        request,
        "publicweb/akun/verify.html",
        {"form": form, "masked": contact.masked, "kind": contact.kind, "reset": reset},
    )


@require_POST
def resend(request: HttpRequest) -> HttpResponse:
    challenge = _challenge(request)
    if challenge is None:
        return redirect("publicweb:accounts:signup")
    if clock.now().timestamp() - challenge["sent_at"] < acc.RESEND_AFTER_SECONDS:
        messages.error(request, _("Tunggu satu menit sebelum meminta kode baru."))
    else:
        contact = acc.Contact(challenge["kind"], challenge["value"])
        challenge["digest"] = acc.verification_code_send(contact=contact, purpose=challenge["purpose"])
        challenge["sent_at"] = clock.now().timestamp()
        challenge["expires"] = challenge["sent_at"] + acc.CODE_TTL_SECONDS
        challenge["attempts"] = 0
        request.session[CHALLENGE] = challenge
        messages.success(request, _("Kode baru sudah dikirim."))
    return redirect("publicweb:accounts:verify")


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = acc.citizen_authenticate(
                contact=form.cleaned_data["contact"], password=form.cleaned_data["password"], ip=_ip(request)
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            login(request, user, backend=BACKEND)
            return redirect(_next_url(request))
    return render(request, "publicweb/akun/login.html", {"form": form, "next": _next_url(request)}, status=200)


@never_cache
@require_http_methods(["GET", "POST"])
def forgot(request: HttpRequest) -> HttpResponse:
    form = ForgotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        if acc.citizen_find(contact) is not None:
            _start_challenge(request, contact, "reset")
        else:  # the same answer either way: the page does not tell who has an account
            request.session[CHALLENGE] = {
                "purpose": "reset",
                "kind": contact.kind,
                "value": contact.value,
                "digest": "-",
                "expires": clock.now().timestamp() + acc.CODE_TTL_SECONDS,
                "sent_at": clock.now().timestamp(),
                "attempts": 0,
            }
        return redirect("publicweb:accounts:verify")
    return render(request, "publicweb/akun/forgot.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Anda sudah keluar."))
    return redirect("publicweb:home")


@never_cache
@require_GET
def my_reports_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(reverse("publicweb:accounts:login") + "?next=" + reverse("publicweb:accounts:my_reports"))
    tab = request.GET.get("tab", "semua")
    if tab not in TABS:
        tab = "semua"
    try:
        page = min(max(1, int(request.GET.get("page", "1"))), 1000)
    except ValueError:
        page = 1
    rows = list(my_reports(request.user, tab=tab)[(page - 1) * 20 : page * 20 + 1])
    return render(
        request,
        "publicweb/akun/my_reports.html",
        {
            "reports": rows[:20],
            "has_next": len(rows) > 20,
            "page": page,
            "tab": tab,
            "tabs": [
                (t, label) for t, label in zip(TABS, (_("Semua"), _("Belum"), _("Proses"), _("Selesai")), strict=True)
            ],
            "counts": my_report_counts(request.user),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def session_ping(request: HttpRequest) -> JsonResponse:
    """How long the session has left; a POST (the "tetap masuk" button) extends it."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False, "remaining": 0})
    if request.method == "POST":
        request.session.modified = True  # saved again with a fresh expiry, and the cookie is renewed
    return JsonResponse({"authenticated": True, "remaining": int(request.session.get_expiry_age())})
