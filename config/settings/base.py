"""Settings shared by every environment. Values an operator may change come from the environment."""

from __future__ import annotations

import secrets

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, data_dir, env_bool, env_int, env_list, env_str

DATA_DIR = data_dir()


def _secret_key() -> str:
    """Use LAPOR_SECRET_KEY, else a random key generated once and kept in the data directory."""
    configured = env_str("LAPOR_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("LAPOR_DEBUG", False)
ALLOWED_HOSTS = env_list("LAPOR_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("LAPOR_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "treebeard",
    "ninja",
    "huey.contrib.djhuey",
    "lapor.core",
    "lapor.privacy",
    "lapor.accounts",
    "lapor.reference",
    "lapor.agencies",
    "lapor.audit",
    "lapor.notifications",
    "lapor.integrations",
    "lapor.reports",
    "lapor.sla",
    "lapor.routing",
    "lapor.channels",
    "lapor.publicweb",
    "lapor.console",
    "lapor.oversight",
    "lapor.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lapor.core.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lapor" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'lapor.sqlite3'}"),
        conn_max_age=env_int("LAPOR_DB_CONN_MAX_AGE", 60),
        # A "SELECT 1" before each request's first query survives a database restart without a failed request;
        # it costs a round trip per request (~18 % of a worker's time on a REST read): LAPOR_DB_HEALTH_CHECKS=0.
        conn_health_checks=env_bool("LAPOR_DB_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE transactions: readers never block the writer, and two writers queue on the lock
    # instead of failing with "database is locked" half-way through a transition.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "lapor" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

LOGIN_URL = "console:login"
LOGIN_REDIRECT_URL = "console:inbox"

SESSION_COOKIE_HTTPONLY = True
# Sliding sessions: a citizen or officer in the middle of a long form is not logged out under them.
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_AGE = env_int("LAPOR_SESSION_SECONDS", 8 * 3600)
SECURE_REFERRER_POLICY = "same-origin"  # private follow links never leak in a Referer header
CSRF_FAILURE_VIEW = "lapor.publicweb.views.csrf_failure"
SESSION_COOKIE_SECURE = env_bool("LAPOR_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LAPOR_LOG_LEVEL", "INFO")},
}

# --- LAPOR domain settings -------------------------------------------------------------------------
# Secret used to key the tracking-ID scrambler and the private follow links. Derived from SECRET_KEY
# unless set, so an installation never ships a shared default.
LAPOR_TRACKING_SALT = env_str("LAPOR_TRACKING_SALT", "")
# Bounces (bukan wewenang) after which a report goes to the national admin as arbiter.
LAPOR_ARBITER_AFTER_BOUNCES = env_int("LAPOR_ARBITER_AFTER_BOUNCES", 2)
# Code of the national root agency.
LAPOR_ROOT_AGENCY_CODE = env_str("LAPOR_ROOT_AGENCY_CODE", "lapor")

# --- Background work (huey) -------------------------------------------------------------------------------
# Embedded default: huey's SQLite storage in the data directory (no extra server). Production scales out with
# Redis: set LAPOR_REDIS_URL (e.g. redis://127.0.0.1:6379/0) and run several `lapor worker` processes.
LAPOR_REDIS_URL = env_str("LAPOR_REDIS_URL", "")
LAPOR_SWEEP_MINUTES = env_int("LAPOR_SWEEP_MINUTES", 15)
HUEY = {
    "name": "lapor",
    "immediate": env_bool("LAPOR_TASKS_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": env_int("LAPOR_WORKER_THREADS", 2), "worker_type": "thread", "periodic": True},
}
if LAPOR_REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": LAPOR_REDIS_URL})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "tasks.sqlite3")})

# --- Outbound messages ------------------------------------------------------------------------------------
LAPOR_BASE_URL = env_str("LAPOR_BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("LAPOR_FROM_EMAIL", "LAPOR! <noreply@lapor.invalid>")
if env_str("LAPOR_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("LAPOR_SMTP_HOST")
    EMAIL_PORT = env_int("LAPOR_SMTP_PORT", 25)
    EMAIL_HOST_USER = env_str("LAPOR_SMTP_USER")
    EMAIL_HOST_PASSWORD = env_str("LAPOR_SMTP_PASSWORD")
    EMAIL_USE_TLS = env_bool("LAPOR_SMTP_TLS", False)
    EMAIL_TIMEOUT = 20
else:
    # Nothing leaves the machine until an SMTP server is configured: messages are written to files instead.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
LAPOR_KANNEL_SENDSMS_URL = env_str("LAPOR_KANNEL_SENDSMS_URL", "")  # e.g. http://127.0.0.1:13013/cgi-bin/sendsms
LAPOR_KANNEL_USER = env_str("LAPOR_KANNEL_USER", "")
LAPOR_KANNEL_PASSWORD = env_str("LAPOR_KANNEL_PASSWORD", "")
LAPOR_SMS_SENDER = env_str("LAPOR_SMS_SENDER", "1708")
LAPOR_WHATSAPP_API_URL = env_str("LAPOR_WHATSAPP_API_URL", "")  # Graph API .../<phone-number-id>/messages
LAPOR_WHATSAPP_TOKEN = env_str("LAPOR_WHATSAPP_TOKEN", "")
LAPOR_OUTBOX_MAX_ATTEMPTS = env_int("LAPOR_OUTBOX_MAX_ATTEMPTS", 8)

# --- REST API -----------------------------------------------------------------------------------------------
LAPOR_API_ANON_RATE = env_int("LAPOR_API_ANON_RATE", 120)  # requests per minute per IP without a key
if LAPOR_REDIS_URL:  # shared counters (rate limits) across workers and machines
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": LAPOR_REDIS_URL}}

# --- Text channels: SMS 1708 (Kannel), WhatsApp, e-mail intake (docs/subsystems/channels.md) ---------------
LAPOR_KANNEL_GETURL_TOKEN = env_str("LAPOR_KANNEL_GETURL_TOKEN", "")
LAPOR_CHANNELS_THROTTLE_MESSAGES = env_int("LAPOR_CHANNELS_THROTTLE_MESSAGES", 10)
LAPOR_CHANNELS_THROTTLE_SECONDS = env_int("LAPOR_CHANNELS_THROTTLE_SECONDS", 600)
LAPOR_CHANNELS_ATTACH_MINUTES = env_int("LAPOR_CHANNELS_ATTACH_MINUTES", 30)
LAPOR_WHATSAPP_VERIFY_TOKEN = env_str("LAPOR_WHATSAPP_VERIFY_TOKEN", "")
LAPOR_WHATSAPP_APP_SECRET = env_str("LAPOR_WHATSAPP_APP_SECRET", "")
LAPOR_WHATSAPP_GRAPH_URL = env_str("LAPOR_WHATSAPP_GRAPH_URL", "https://graph.facebook.com/v21.0")
# Approved template for notifications outside Meta's 24-hour window (body: {{1}} tracking ID, {{2}} status);
# LAPOR_WHATSAPP_TEMPLATES="report.closed=lapor_selesai,report.info_requested=lapor_tunda" per message kind.
LAPOR_WHATSAPP_TEMPLATE = env_str("LAPOR_WHATSAPP_TEMPLATE", "")
LAPOR_WHATSAPP_TEMPLATE_LANGUAGE = env_str("LAPOR_WHATSAPP_TEMPLATE_LANGUAGE", "id")
LAPOR_WHATSAPP_TEMPLATES = dict(i.split("=", 1) for i in env_list("LAPOR_WHATSAPP_TEMPLATES", []) if "=" in i)
LAPOR_MAILIN_DOMAINS = env_list("LAPOR_MAILIN_DOMAINS", [])
LAPOR_MAILIN_MAX_BYTES = env_int("LAPOR_MAILIN_MAX_BYTES", 25 * 1024 * 1024)

# --- Staff console -------------------------------------------------------------------------------------------
LAPOR_CONSOLE_SESSION_MINUTES = env_int("LAPOR_CONSOLE_SESSION_MINUTES", 60)
LAPOR_CONSOLE_LOGIN_ATTEMPTS = env_int("LAPOR_CONSOLE_LOGIN_ATTEMPTS", 5)
LAPOR_CONSOLE_LOGIN_WINDOW_MINUTES = env_int("LAPOR_CONSOLE_LOGIN_WINDOW_MINUTES", 15)
LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP = env_int("LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP", 30)
LAPOR_CONSOLE_REQUIRE_2FA = env_bool("LAPOR_CONSOLE_REQUIRE_2FA", False)

# --- Oversight: statistics refresh and the daily open-data dump (docs/subsystems/oversight.md) -------------
LAPOR_STATS_REFRESH_SECONDS = env_int("LAPOR_STATS_REFRESH_SECONDS", 300)
LAPOR_OPENDATA_DIR = env_str("LAPOR_OPENDATA_DIR", "")

# --- Audit log: number of independent hash chains (concurrent writers lock one chain head each) -------------
LAPOR_AUDIT_CHAINS = max(1, env_int("LAPOR_AUDIT_CHAINS", 32))
