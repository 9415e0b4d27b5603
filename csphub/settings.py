"""CSP Hub settings. Everything that differs between machines comes from the environment.

See `.env.example` for the variables. With DEBUG off the production hardening below applies and
`manage.py check --deploy` is clean.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("CSPHUB_TESTING", False)
# Demo users (known passwords) may only be created in development or tests.
DEMO_USERS_ALLOWED = DEBUG or TESTING or env_bool("CSPHUB_ALLOW_DEMO_USERS", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("CSPHUB_ALLOW_DEV_SECRET", False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set SECRET_KEY (see .env.example) or DEBUG=true for development.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "core",
    "accounts",
    "partnership",
    "planning",
    "publishing",
    "crimedata",
    "assessment",
    "projects",
    "governance",
    "casework",
    "casereviews",
    "demo",  # the top floor: imports the apps above, none imports it (ADR 0010)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.input_middleware.InputCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.AuditContextMiddleware",
    "core.middleware.PrivateCacheMiddleware",
    "core.middleware.DocumentTooSlowMiddleware",
    "axes.middleware.AxesMiddleware",
    "partnership.sessions.SensitiveSessionMiddleware",
]

ROOT_URLCONF = "csphub.urls"
WSGI_APPLICATION = "csphub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "partnership.context_processors.navigation",
            ],
            "builtins": ["core.templatetags.govuk"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite with the audit table's flush rule (core/db/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "core.db.sqlite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# People holding a sensitive role (partnership.models.SENSITIVE_GRANTS: the data protection lead)
# are signed out after this long without a request, and this long after signing in.
SENSITIVE_SESSION_IDLE_MINUTES = int(os.environ.get("SENSITIVE_SESSION_IDLE_MINUTES", "30"))
# Public ASB Case Review applications accepted per connection (hashed IP address) an hour.
CASE_REVIEW_APPLICATIONS_PER_HOUR = int(os.environ.get("CASE_REVIEW_APPLICATIONS_PER_HOUR", "5"))
SENSITIVE_SESSION_MAX_HOURS = int(os.environ.get("SENSITIVE_SESSION_MAX_HOURS", "12"))
# Further roles (partnership.models.Grant values) whose holders must sign in with two factors,
# comma-separated, e.g. "data_protection_lead". Empty for now; case-work roles will be added.
TWO_FACTOR_REQUIRED_GRANTS = [
    g for g in os.environ.get("TWO_FACTOR_REQUIRED_GRANTS", "").split(",") if g.strip()
]

# django-axes: lock an account and address pair after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "CSP Hub")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded photographs: outside every served folder, sent only by views that check access
# (publishing.storage). PRIVATE_MEDIA_SENDFILE "x-accel-redirect" (nginx) or "x-sendfile" (Apache)
# lets the web server send the bytes from PRIVATE_MEDIA_INTERNAL_URL (an internal-only location).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
PRIVATE_MEDIA_SENDFILE = os.environ.get("PRIVATE_MEDIA_SENDFILE", "")
PRIVATE_MEDIA_INTERNAL_URL = os.environ.get("PRIVATE_MEDIA_INTERNAL_URL", "/protected-media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and not TESTING
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Folder of police.uk Parquet files (only the importer writes; see docs/adr).
CRIME_DATA_DIR = Path(os.environ.get("CRIME_DATA_DIR", BASE_DIR / "crimedata_store"))
# Optional tile server of the interactive crime map, e.g. https://tiles.example/{z}/{x}/{y}.png: its
# host alone joins the CSP's img-src (core.map_tiles). Empty: the SVG map stands alone.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
POLICE_UK_ARCHIVE_URL = os.environ.get(
    "POLICE_UK_ARCHIVE_URL", "https://data.police.uk/data/archive/{month}.zip"
)
DUCKDB_MEMORY_LIMIT = os.environ.get("DUCKDB_MEMORY_LIMIT", "1GB")
DUCKDB_THREADS = int(os.environ.get("DUCKDB_THREADS", "2"))

# Limits on uploads and imports (README "Limits on uploads and imports"; defaults in core/input.py).
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", 5 * 1024 * 1024))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "5000"))
IMPORT_MAX_COLUMNS = int(os.environ.get("IMPORT_MAX_COLUMNS", "50"))
IMPORT_MAX_CELL_CHARS = int(os.environ.get("IMPORT_MAX_CELL_CHARS", "10000"))
XLSX_MAX_UNCOMPRESSED_BYTES = int(os.environ.get("XLSX_MAX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024))
ZIP_MAX_RATIO = int(os.environ.get("ZIP_MAX_RATIO", "100"))
POLICE_UK_MAX_MEMBER_BYTES = int(os.environ.get("POLICE_UK_MAX_MEMBER_BYTES", 2 * 1024**3))
CRIME_IMPORT_HEARTBEAT_SECONDS = int(os.environ.get("CRIME_IMPORT_HEARTBEAT_SECONDS", "120"))

# Page parts cached until their partnership's records change (core.pagecache, ADR 0019). Per
# process by default; the key holds the partnership's data version, so no process serves a part
# cached before a committed change.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "1000"))},
    },
}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BUMP_ON_COMMIT = True

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CSP Hub <no-reply@localhost>")
# Round notices, reminders, chasers and digests go through GOV.UK Notify when both are set (one
# template with ((subject)) and ((body))), else through the e-mail settings above (README "E-mail").
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
# The site's address, for links in e-mails sent by commands (they have no request to take it from).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

SITE_NAME = os.environ.get("SITE_NAME", "CSP Hub")
# Whom the plan is sent to (today the Police and Crime Commissioner; configurable, see domain notes).
# Limits on uploads and user text (README: "Limits on uploads and text").
MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", "25000000"))
MAX_IMAGE_BYTES = int(os.environ.get("MAX_IMAGE_BYTES", str(10 * 1024 * 1024)))
MAX_NARRATIVE_CHARS = int(os.environ.get("MAX_NARRATIVE_CHARS", "50000"))

PLAN_RECIPIENT = os.environ.get("PLAN_RECIPIENT", "Police and Crime Commissioner")

# Building one document (PDF) may take at most this long (0 turns the limit off).
DOCUMENT_TIME_LIMIT_SECONDS = float(os.environ.get("DOCUMENT_TIME_LIMIT_SECONDS", "60"))

# Audit events are kept this many years; only `audit_prune`, run as the database owner, removes them.
AUDIT_RETENTION_YEARS = int(os.environ.get("AUDIT_RETENTION_YEARS", "6"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("USE_X_FORWARDED_PROTO", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
