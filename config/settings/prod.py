"""Production (``lapor serve``): secure cookies and HSTS unless explicitly turned off."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = False
SESSION_COOKIE_SECURE = env_bool("LAPOR_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
