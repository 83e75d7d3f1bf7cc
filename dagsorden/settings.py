"""Django settings for Dagsorden.

Everything comes from the environment with safe defaults: an embedded SQLite database in
the data directory, DEBUG off unless asked for, and a secret key generated once per
installation (stored in the data directory) when DJANGO_SECRET_KEY is not set.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DAGSORDEN_DATA_DIR", BASE_DIR.parent / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def installation_secret_key() -> str:
    """Use DJANGO_SECRET_KEY, else a random key created once and kept in the data dir."""
    if key := os.environ.get("DJANGO_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = installation_secret_key()
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = [
    h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "dagsorden.core",
    "dagsorden.organisations",
    "dagsorden.cases",
    "dagsorden.meetings",
    "dagsorden.documents",
    "dagsorden.importer",
    "dagsorden.search",
    "dagsorden.portal",
    "dagsorden.staff",
    "dagsorden.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dagsorden.portal.middleware.CachedMeetingPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "dagsorden.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "dagsorden.urls"
WSGI_APPLICATION = "dagsorden.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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


def database_config() -> dict:
    """SQLite (WAL) in the data dir by default; DATABASE_URL selects anything else."""
    if url := os.environ.get("DATABASE_URL"):
        return dj_database_url.parse(url, conn_max_age=60)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "dagsorden.sqlite3",
        # Keep the connection between requests: opening SQLite and running the PRAGMAs
        # costs more than a cached page.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# In-process memory per worker. The rendered meeting pages ("pages") are keyed by a
# content fingerprint, so workers never need to agree on invalidation; memory keeps a
# hit at a dictionary look-up (no disk, no server to run) and a restart after a deploy
# starts empty, so no page rendered by old templates survives it.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# How long a worker may trust a meeting page's content fingerprint before reading it
# again: the longest a public meeting page can lag behind a change.
PORTAL_FINGERPRINT_SECONDS = float(os.environ.get("DAGSORDEN_PAGE_FRESHNESS_SECONDS", "1"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Danish by default, English available.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it before the first collectstatic
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DAGSORDEN_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:start"
LOGOUT_REDIRECT_URL = "portal:meeting_list"
# The address the site is reached at, for links in e-mail notices (no request there).
SITE_URL = os.environ.get("DAGSORDEN_SITE_URL", "http://127.0.0.1:8000")
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# Where the file backend (django.core.mail.backends.filebased.EmailBackend) writes.
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", str(DATA_DIR / "mail"))

# Background work (Celery). With a broker URL (Redis: redis://127.0.0.1:6379/0) tasks go
# to `dagsorden worker`; without one they run in-process right after the request's
# transaction commits ("eager"), through the same code, so the embedded default needs
# no broker. Results live in the job rows (core.BackgroundJob); the result backend only
# keeps Celery's own state for a day.
CELERY_BROKER_URL = os.environ.get("DAGSORDEN_CELERY_BROKER_URL") or os.environ.get(
    "CELERY_BROKER_URL", ""
)
CELERY_RESULT_BACKEND = os.environ.get("DAGSORDEN_CELERY_RESULT_BACKEND", CELERY_BROKER_URL) or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# False, so that an eager task's retries run as the worker's would (Celery re-raises the
# retry instead when this is on); every failure is recorded on the job row anyway.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_EXPIRES = 24 * 3600
# A task is acknowledged only when it has finished: a worker killed mid-task leaves the
# message with the broker, which hands it to another worker once the visibility timeout
# has passed (Redis). Tasks are idempotent, so running one again is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("DAGSORDEN_CELERY_VISIBILITY_TIMEOUT", "3600")),
    # How often a worker looks for messages a lost worker left unacknowledged (Redis).
    "unacked_restore_interval": int(os.environ.get("DAGSORDEN_CELERY_RESTORE_INTERVAL", "10")),
    "unacked_restore_throttle": int(os.environ.get("DAGSORDEN_CELERY_RESTORE_THROTTLE", "10")),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("DAGSORDEN_CELERY_QUEUE", "dagsorden")
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Render a meeting's PDFs into the cache when it is published. With a worker this is
# free for the publishing request; in-process it would make the secretary wait for
# WeasyPrint (seconds) instead of the first reader, so it is off without a broker.
DAGSORDEN_PRERENDER_PDFS = env_bool("DAGSORDEN_PRERENDER_PDFS", bool(CELERY_BROKER_URL))
# Retries of a failing job: this many after the first try, waiting base × 2^n seconds.
DAGSORDEN_JOB_MAX_RETRIES = int(os.environ.get("DAGSORDEN_JOB_MAX_RETRIES", "3"))
DAGSORDEN_JOB_RETRY_BACKOFF = float(os.environ.get("DAGSORDEN_JOB_RETRY_BACKOFF", "10"))
# A running job whose worker has not reported for this long is taken to be lost, and
# the job's next delivery takes it over (its handler skips what was recorded as done).
DAGSORDEN_JOB_LEASE_SECONDS = float(os.environ.get("DAGSORDEN_JOB_LEASE_SECONDS", "300"))

if not DEBUG:
    SESSION_COOKIE_HTTPONLY = True
    CSRF_COOKIE_HTTPONLY = False
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DAGSORDEN_LOG_LEVEL", "WARNING")},
}
