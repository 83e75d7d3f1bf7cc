"""Django settings for Dagsorden.

Everything comes from the environment with safe defaults: an embedded SQLite database in
the data directory, DEBUG off unless asked for, and a secret key generated once per
installation (stored in the data directory) when DJANGO_SECRET_KEY is not set.
"""

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DAGSORDEN_DATA_DIR", BASE_DIR.parent / "var")).resolve()
# Everything the installation writes (database, bilag, PDF cache, secret key) is for its
# own user only: the PDF cache holds the members' confidential variant.
os.umask(0o077)
DATA_DIR.mkdir(parents=True, exist_ok=True)
with contextlib.suppress(PermissionError):  # a directory another user owns stays as it is
    DATA_DIR.chmod(0o700)


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
# A refused form gets the portal's Danish page that says what to do, not Django's.
CSRF_FAILURE_VIEW = "dagsorden.core.errors.csrf_failure"
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
    "csp",
]

MIDDLEWARE = [
    "dagsorden.core.security.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "dagsorden.core.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database: it decides primary or replica for the request.
    "dagsorden.core.replica.ReplicaRoutingMiddleware",
    "dagsorden.portal.middleware.CachedMeetingPageMiddleware",
    "dagsorden.portal.tenancy.MunicipalityMiddleware",
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
                "dagsorden.portal.context.portal",
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

# Read scaling (README: "A read replica"). DATABASE_REPLICA_URL names a PostgreSQL
# streaming replica of DATABASE_URL: anonymous public GET requests read from it, the
# rest from the primary (dagsorden/core/replica.py). Without it nothing changes.
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("DAGSORDEN_REPLICA_MAX_LAG_SECONDS", "5"))
REPLICA_LAG_CHECK_SECONDS = float(os.environ.get("DAGSORDEN_REPLICA_LAG_CHECK_SECONDS", "1"))
# A browser that wrote reads from the primary this long. At least the lag bound plus the
# check interval, so that afterwards the replica has replayed the write.
REPLICA_STICKY_SECONDS = max(
    int(os.environ.get("DAGSORDEN_REPLICA_STICKY_SECONDS", "10")),
    int(REPLICA_MAX_LAG_SECONDS + REPLICA_LAG_CHECK_SECONDS) + 1,
)
if replica_url := os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(replica_url, conn_max_age=60)
    # Tests run on the primary's test database; the replica alias mirrors it (the
    # streaming-replica harness in tests/replica_harness.py points it at the standby).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["dagsorden.core.replica.PrimaryReplicaRouter"]
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
# The municipality served at `/` (its slug), for an installation that belongs to one
# municipality and holds others' imported data. Unset: the only municipality, or, with
# several, a national front page at `/` and each portal under `/<slug>/` (or its own
# host name, Municipality.host). See portal/tenancy.py and the README.
PORTAL_MUNICIPALITY = os.environ.get("DAGSORDEN_MUNICIPALITY", "")
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

# --- Deployment behind HTTPS ---------------------------------------------------------
# DAGSORDEN_HTTPS=1 when the site is reached over HTTPS (directly or through a proxy
# that sets X-Forwarded-Proto): redirects to HTTPS, HSTS, cookies only over HTTPS.
HTTPS = env_bool("DAGSORDEN_HTTPS")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DAGSORDEN_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DAGSORDEN_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DAGSORDEN_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # Only safe behind a proxy that overwrites the header; without one, leave HTTPS off.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY_OFF = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
]

# Content-Security-Policy (django-csp): scripts only from the site's own static files,
# never inline. Styles allow inline: the printable documents carry their style sheet
# in the page (also inside the staff print preview).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'self'"],
    }
}

# --- Request and upload sizes ------------------------------------------------------
# The largest file a user may upload (a bilag or a Word draft); a request declaring a
# larger body is refused before it is read (RequestSizeLimitMiddleware), with room for
# the form's other fields.
MAX_UPLOAD_BYTES = int(os.environ.get("DAGSORDEN_MAX_UPLOAD_MB", "50")) * 2**20
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 2**20
# Form fields other than files (Django's limit, checked while parsing).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded files larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DAGSORDEN_LOG_LEVEL", "WARNING")},
}

# --- Logins, sessions, single sign-on and file permissions (issue 11) -----------------
# Kept in one block so deployment settings elsewhere stay independent of it.

# Uploaded bilag: Django would chmod them to 0644 whatever the umask.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

INSTALLED_APPS += ["axes", "mozilla_django_oidc", "dagsorden.accounts"]
MIDDLEWARE += [
    "dagsorden.accounts.middleware.SessionTimeoutMiddleware",
    "dagsorden.accounts.middleware.PrivatePagesMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Throttling: after DAGSORDEN_LOGIN_FAILURE_LIMIT wrong passwords for one user name from
# one address, that pair is locked out for DAGSORDEN_LOGIN_COOLOFF_MINUTES, right
# password or not; other users and addresses are not affected.
AXES_FAILURE_LIMIT = int(os.environ.get("DAGSORDEN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=float(os.environ.get("DAGSORDEN_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "dagsorden.accounts.views.locked_out"
AXES_VERBOSE = False

# Sessions end after DAGSORDEN_SESSION_IDLE_MINUTES without a request and at the latest
# DAGSORDEN_SESSION_MAX_HOURS after logging in (instead of Django's 14 days).
SESSION_IDLE_SECONDS = int(float(os.environ.get("DAGSORDEN_SESSION_IDLE_MINUTES", "30")) * 60)
SESSION_COOKIE_AGE = int(float(os.environ.get("DAGSORDEN_SESSION_MAX_HOURS", "10")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Single sign-on with OpenID Connect (Entra ID, ADFS, a MitID Erhverv broker …): set the
# issuer (its discovery document gives the endpoints) or each endpoint, and the client.
OIDC_ISSUER = os.environ.get("DAGSORDEN_OIDC_ISSUER", "").rstrip("/")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("DAGSORDEN_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("DAGSORDEN_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("DAGSORDEN_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("DAGSORDEN_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_CLIENT_ID = os.environ.get("DAGSORDEN_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("DAGSORDEN_OIDC_CLIENT_SECRET", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID and (OIDC_ISSUER or OIDC_OP_AUTHORIZATION_ENDPOINT))
OIDC_PROVIDER_NAME = os.environ.get("DAGSORDEN_OIDC_PROVIDER_NAME", "kommunens login")
OIDC_RP_SIGN_ALGO = os.environ.get("DAGSORDEN_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("DAGSORDEN_OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_USERNAME_CLAIM = os.environ.get("DAGSORDEN_OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_GROUPS_CLAIM = os.environ.get("DAGSORDEN_OIDC_GROUPS_CLAIM", "groups")
# The IdP's groups → our roles, as JSON: {"GG-Dagsorden-Admin": "admin",
# "GG-Sekretariat": "secretary:*", "GG-TMU": "case_officer:tmu,som", "GG-Politikere": "member"}
OIDC_GROUP_ROLES = os.environ.get("DAGSORDEN_OIDC_GROUP_ROLES", "{}")
# The claim that names a member's Person, matched against the Person's e-mail address.
OIDC_PERSON_CLAIM = os.environ.get("DAGSORDEN_OIDC_PERSON_CLAIM", "email")
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
LOGIN_REDIRECT_URL_FAILURE = "staff:login"
# With single sign-on in place a municipality may turn local passwords off: the login
# page then only offers "Log ind med …" and passwords are refused.
LOCAL_PASSWORDS = env_bool("DAGSORDEN_LOCAL_PASSWORDS", default=True) or not OIDC_ENABLED

TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "dagsorden.accounts.context_processors.accounts"
)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *(["django.contrib.auth.backends.ModelBackend"] if LOCAL_PASSWORDS else []),
    *(["dagsorden.accounts.oidc.OIDCBackend"] if OIDC_ENABLED else []),
]
