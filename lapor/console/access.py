"""Who may open a console page, decided once per request.

* not logged in → the console login page (302), with ``next``;
* logged in without a staff role → 403;
* an admin whose second factor is set up but not yet given in this session → the code page;
* an account with a temporary password → the password page;
* otherwise the view runs with ``request.actor``. Objects outside the actor's scope are 404 (the views).

The session is renewed at most once a minute on activity, so it ends ``LAPOR_CONSOLE_SESSION_MINUTES`` after
the last page or keep-alive, not in the middle of someone's work.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from lapor.agencies.actors import Actor
from lapor.console.conf import session_seconds, setting
from lapor.console.models import TemporaryPassword
from lapor.console.otp import needs_second_factor, totp_has_confirmed
from lapor.core.errors import NotFound
from lapor.core.errors import PermissionDenied as Refused

SESSION_STATE = "console_state"
NAV = {"inbox": "inbox", "report": "inbox", "walkin": "walkin", "agency": "agency"}
SESSION_SEEN = "console_seen"
TOUCH_EVERY = 60


def session_state(request: HttpRequest, actor: Actor) -> dict:
    """What the console remembers about this login: second factor passed / not set up / not needed, and
    whether a temporary password must be replaced. Computed once per login (two queries), then read.
    """
    state = request.session.get(SESSION_STATE)
    if not state or state.get("user") != request.user.pk:
        # Anyone who set up an authenticator gives its code; admins without one are reminded to set one up.
        second = "n/a"
        if totp_has_confirmed(request.user):
            second = "pending"
        elif needs_second_factor(actor):
            second = "none"
        state = {
            "user": request.user.pk,
            "2fa": second,
            "pw": TemporaryPassword.objects.filter(user=request.user).exists(),
        }
        request.session[SESSION_STATE] = state
        request.session.set_expiry(session_seconds())
    return state


def mark_state(request: HttpRequest, **changes: object) -> None:
    state = dict(request.session.get(SESSION_STATE) or {})
    state.update(changes)
    request.session[SESSION_STATE] = state


def touch_session(request: HttpRequest, *, force: bool = False) -> int:
    """Renew the session (rolling expiry); returns the seconds left."""
    now = int(time.time())
    seen = request.session.get(SESSION_SEEN, 0)
    if force or now - seen >= TOUCH_EVERY:
        request.session[SESSION_SEEN] = now
        request.session.set_expiry(session_seconds())
        seen = now
    return max(0, session_seconds() - (now - seen))


def console_view(
    view: Callable | None = None, *, allow_pending: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]] | Callable[..., HttpResponse]:
    """Decorate a console view (see the module docstring). ``allow_pending`` is for the pages that finish a
    login (second factor, password change, set-up of the authenticator).
    """

    def decorate(func: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(func)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url=reverse("console:login"))
            actor = Actor.for_user(request.user)
            if not actor.is_staff_actor:
                return render(request, "console/forbidden.html", status=403)
            state = session_state(request, actor)
            if not allow_pending:
                if state["2fa"] == "pending":
                    return redirect_to_login(request.get_full_path(), login_url=reverse("console:otp"))
                if state["pw"]:
                    return redirect_to_login(request.get_full_path(), login_url=reverse("console:password"))
                if state["2fa"] == "none" and setting("LAPOR_CONSOLE_REQUIRE_2FA"):
                    return redirect_to_login(request.get_full_path(), login_url=reverse("console:totp_setup"))
            request.actor = actor
            request.console_nav = NAV.get(func.__module__.rsplit(".", 1)[-1], "")
            request.console_state = state
            request.session_left = touch_session(request)
            request.session_total = session_seconds()
            try:
                return func(request, *args, **kwargs)
            except (NotFound, Http404):
                return render(request, "console/not_found.html", status=404)
            except Refused as exc:
                return render(request, "console/forbidden.html", {"message": exc.message}, status=403)

        return wrapper

    if view is not None:
        return decorate(view)
    return decorate


def safe_next(request: HttpRequest, default: str = "") -> str:
    """The ``next`` target if it is a path on this site, else the inbox."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return default or reverse("console:inbox")


def go(name: str, *args, **kwargs) -> HttpResponse:
    return redirect(reverse(name, args=args, kwargs=kwargs or None))
