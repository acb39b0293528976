"""Console settings, each with a default. Operators set them in ``config/settings`` (from ``LAPOR_*`` variables)."""

from __future__ import annotations

from django.conf import settings

from lapor.audit.models import AuditEventType

DEFAULTS = {
    # Minutes of inactivity after which a console session ends (the page warns two minutes before, and keeps
    # the session alive while a form has unsent changes).
    "LAPOR_CONSOLE_SESSION_MINUTES": 60,
    # Failed logins allowed per username and address within the window, then the pair is locked until it ends.
    "LAPOR_CONSOLE_LOGIN_ATTEMPTS": 5,
    "LAPOR_CONSOLE_LOGIN_WINDOW_MINUTES": 15,
    # Failed logins allowed from one address (any username) within the window: slows password spraying.
    "LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP": 30,
    # When true, admins without an authenticator must set one up before using the console; otherwise they are
    # reminded on every page until they do.
    "LAPOR_CONSOLE_REQUIRE_2FA": False,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def session_seconds() -> int:
    return max(int(setting("LAPOR_CONSOLE_SESSION_MINUTES")), 5) * 60


# Account changes (a second factor set up or reset, an account created) are audited under their own type once
# ``AuditEventType.ACCOUNT_CHANGED`` exists; until then under the closest existing one.
ACCOUNT_CHANGED = getattr(AuditEventType, "ACCOUNT_CHANGED", AuditEventType.MEMBERSHIP_CHANGED)
