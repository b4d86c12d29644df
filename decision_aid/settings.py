"""Settings, read from the environment only (see .env.example).

Zero set-up default: SQLite in the project folder, DEBUG on, a development secret. Production
sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and the HTTPS flags.
"""

import base64
import hashlib
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
_DEV_SECRET = "dev-only-insecure-secret-key-change-me"  # noqa: S105
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG=0.")
# Fernet keys for answers and uploads at rest (first encrypts, all decrypt). Development derives
# one from the secret key; production must set DJANGO_ENCRYPTION_KEYS.
ENCRYPTION_KEYS = env.list("DJANGO_ENCRYPTION_KEYS", default=[])
if not ENCRYPTION_KEYS:
    if not DEBUG:
        raise environ.ImproperlyConfigured(
            "Set DJANGO_ENCRYPTION_KEYS when DJANGO_DEBUG=0 (python -c 'from cryptography.fernet "
            "import Fernet; print(Fernet.generate_key().decode())')."
        )
    ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()
    ]
# Key of the blind index for member names (advisors/blind_index.py): keyed hashes that let the
# case list search names in SQL. Its own key, not the encryption or secret key, so neither can be
# recovered from the other. Development derives one from the secret key; production must set it.
# Changing it: run `manage.py rebuild_name_index` (until then names are not found).
SEARCH_INDEX_KEY = env.str("DJANGO_SEARCH_INDEX_KEY", default="")
if not SEARCH_INDEX_KEY:
    if not DEBUG:
        raise environ.ImproperlyConfigured(
            "Set DJANGO_SEARCH_INDEX_KEY when DJANGO_DEBUG=0 (python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))')."
        )
    SEARCH_INDEX_KEY = hashlib.sha256(b"search-index:" + SECRET_KEY.encode()).hexdigest()
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Key-encryption keys (cases.crypto, docs/security.md "How erasure works"): one file per
# version in this folder, OUTSIDE the database and its backups (a volume of its own in
# docker-compose); every web, PDF and purge container mounts the same folder. Development:
# var/keys; production must set it (a folder inside the container would be lost with it, and
# every case with it, as losing DJANGO_ENCRYPTION_KEYS loses them). A new version every
# KEK_ROTATE_HOURS; a retired one is destroyed KEK_GRACE_MINUTES after it was retired, at the
# next hourly purge_expired: a copy of the database taken more than
# KEK_ROTATE_HOURS + KEK_GRACE_MINUTES + 2 hours (27 hours by default) after a deletion cannot
# be decrypted.
KEK_DIR = env.str("DJANGO_KEK_DIR", default="")
if not KEK_DIR:
    if not DEBUG:
        raise environ.ImproperlyConfigured(
            "Set DJANGO_KEK_DIR when DJANGO_DEBUG=0: a folder outside the database, on a volume "
            "every web, PDF and purge container shares (docs/security.md, 'How erasure works')."
        )
    KEK_DIR = str(BASE_DIR / "var" / "keys")
KEK_ROTATE_HOURS = env.float("KEK_ROTATE_HOURS", default=24)
KEK_GRACE_MINUTES = env.float("KEK_GRACE_MINUTES", default=60)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "formtools",
    "csp",
    "decision_aid.cases",
    "decision_aid.wizard",
    "decision_aid.documents",
    "decision_aid.pages",
    "decision_aid.advisors",
    "decision_aid.insight",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "decision_aid.pages.middleware.request_size_cap",
    "csp.middleware.CSPMiddleware",
    "decision_aid.pages.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "decision_aid.pages.middleware.no_store",
    "decision_aid.pages.resilience.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "decision_aid.pages.middleware.session_refresh",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "decision_aid.pages.middleware.text_clean",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    # last: after the view, writes the request's anonymous counts in one statement
    "decision_aid.insight.counters.InsightMiddleware",
]

ROOT_URLCONF = "decision_aid.urls"
WSGI_APPLICATION = "decision_aid.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "decision_aid.pages.context_processors.session",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections (measured: connecting per request costs a quarter of the capacity);
# health checks so the first request after a database restart does not fail.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL through our thin subclass: the health check pings only a connection that has been
# idle for DB_HEALTH_CHECK_IDLE_SECONDS (decision_aid/db/postgresql/base.py says why).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "decision_aid.db.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Deleted rows are overwritten with zeros in the file (erasure, docs/security.md).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA secure_delete=ON;"
DB_HEALTH_CHECK_IDLE_SECONDS = env.float("DJANGO_DB_HEALTH_CHECK_IDLE_SECONDS", default=5.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (throttling counters): the database by default, so every web process shares it with zero
# set-up; CACHE_URL=redis://127.0.0.1:6379/1 for Redis. The table is made by a migration.
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://django_cache")}
# Limits count in the database with atomic upserts (cases.throttle), shared by every process.
# Wrong resume codes: per client, and for everyone together; once the overall rate is passed,
# each client gets the smaller "under attack" rate (cases.limits says why nobody is locked out).
RESUME_RATE_PER_CLIENT = env.str("RESUME_RATE_PER_CLIENT", default="5/15m")
RESUME_RATE_OVERALL = env.str("RESUME_RATE_OVERALL", default="200/h")
RESUME_RATE_PER_CLIENT_UNDER_ATTACK = env.str("RESUME_RATE_PER_CLIENT_UNDER_ATTACK", default="1/5m")
# Wrong share codes (advisors.sharing), counted the same way on their own counters.
SHARE_RATE_PER_CLIENT = env.str("SHARE_RATE_PER_CLIENT", default="5/15m")
SHARE_RATE_OVERALL = env.str("SHARE_RATE_OVERALL", default="200/h")
SHARE_RATE_PER_CLIENT_UNDER_ATTACK = env.str("SHARE_RATE_PER_CLIENT_UNDER_ATTACK", default="1/5m")
# Wrong share codes from one advisor account, whatever its addresses.
SHARE_RATE_PER_ACCOUNT = env.str("SHARE_RATE_PER_ACCOUNT", default="5/15m")
# A waiting share code stops working once this many wrong share codes (everyone's together)
# were tried during its life: the chance that any one member's code is guessed stays below
# this number in 22^6 (about 1 in 100,000), however many addresses guess.
SHARE_GUESSES_PER_CODE = env.int("SHARE_GUESSES_PER_CODE", default=1000)
# New cases one client (address; IPv6 per /64) may start, and upload requests per case.
CASES_PER_CLIENT_RATE = env.str("CASES_PER_CLIENT_RATE", default="30/h")
UPLOADS_PER_CASE_RATE = env.str("UPLOADS_PER_CASE_RATE", default="30/h")
# "Hielp dit advies?" (insight): feedback sent per client address, and written texts kept for
# everybody together per day; past either a text is not kept (insight.views.FeedbackView).
FEEDBACK_RATE_PER_CLIENT = env.str("FEEDBACK_RATE_PER_CLIENT", default="10/h")
FEEDBACK_TEXTS_PER_DAY = env.str("FEEDBACK_TEXTS_PER_DAY", default="500/d")
# The client address: behind DJANGO_BEHIND_PROXY=1, the address our proxy appended to
# X-Forwarded-For, counted from the right past this many trusted proxies (cases.clientip).
TRUSTED_PROXY_HOPS = env.int(
    "DJANGO_TRUSTED_PROXY_HOPS", default=1 if env.bool("DJANGO_BEHIND_PROXY", default=False) else 0
)

# Messages live in the session: no cookie beyond session, CSRF and language.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Sessions live in the database: the web tier keeps no state of its own.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=60 * 60 * 2)
# Sliding expiry without a write per request: pages.middleware.session_refresh saves the session
# at most once a minute (the timeout warning counts from that save).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = env.int("DJANGO_SESSION_REFRESH_SECONDS", default=60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Languages: Dutch first, English complete. Source strings are English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# In development (and tests) whitenoise serves straight from static/; production runs collectstatic.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    # Uploads go through Django's storage API: DJANGO_FILE_STORAGE can name an S3-compatible
    # backend (django-storages) with its OPTIONS as JSON; see docs/scaling.md.
    "default": {
        "BACKEND": env.str(
            "DJANGO_FILE_STORAGE", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json("DJANGO_FILE_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads (the first opinion) live outside any public URL; never served as /media/.
MEDIA_ROOT = Path(env.str("DJANGO_UPLOAD_ROOT", default=str(BASE_DIR / "var" / "uploads")))

# Upload limits (also stated to the user on the upload page; documents.attachments.Limits).
FIRST_OPINION_MAX_BYTES = env.int("FIRST_OPINION_MAX_BYTES", default=10 * 1024 * 1024)
FIRST_OPINION_MAX_DECODED_BYTES = env.int(
    "FIRST_OPINION_MAX_DECODED_BYTES", default=128 * 1024 * 1024
)
FIRST_OPINION_MAX_TOTAL_BYTES = env.int("FIRST_OPINION_MAX_TOTAL_BYTES", default=20 * 1024 * 1024)
FIRST_OPINION_MAX_FILES = env.int("FIRST_OPINION_MAX_FILES", default=10)
FIRST_OPINION_MAX_PAGES = env.int("FIRST_OPINION_MAX_PAGES", default=60)
FIRST_OPINION_MAX_PIXELS = env.int("FIRST_OPINION_MAX_PIXELS", default=50_000_000)
FIRST_OPINION_MAX_TEXT_CHARS = env.int("FIRST_OPINION_MAX_TEXT_CHARS", default=20_000)
# Request bodies: at most MAX_REQUEST_BYTES in all (pages.middleware.request_size_cap; the
# upload page takes several files of up to 10 MB, 20 MB together), form fields at most
# DATA_UPLOAD_MAX_MEMORY_SIZE, at most 10 files and 200 fields. Files above
# FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to a temporary file, not held in memory.
MAX_REQUEST_BYTES = env.int("DJANGO_MAX_REQUEST_BYTES", default=21 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 10
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# Every upload is checked in a child process with hard limits (documents/sandbox.py).
UPLOAD_WORKER_ISOLATED = env.bool("UPLOAD_WORKER_ISOLATED", default=True)
UPLOAD_WORKER_CPU_SECONDS = env.int("UPLOAD_WORKER_CPU_SECONDS", default=15)
UPLOAD_WORKER_MEMORY_MB = env.int("UPLOAD_WORKER_MEMORY_MB", default=1024)
UPLOAD_WORKER_CONCURRENCY = env.int("UPLOAD_WORKER_CONCURRENCY", default=2)
UPLOAD_WORKER_QUEUE = env.int("UPLOAD_WORKER_QUEUE", default=4)
UPLOAD_WORKER_WAIT_SECONDS = env.float("UPLOAD_WORKER_WAIT_SECONDS", default=5)
UPLOAD_WORKER_NICE = env.int("UPLOAD_WORKER_NICE", default=10)
# Uploads of one client address checked or waiting at once, across all web processes.
UPLOAD_WORKER_PER_CLIENT = env.int("UPLOAD_WORKER_PER_CLIENT", default=2)
# Fair shares of the check slots (documents.sandbox.FairGate): the client with the fewest
# checks running goes first, and a client whose files were refused UPLOAD_FAILURES_RATE times
# waits behind everybody else. 0: first come, first served (as before; for comparison only).
UPLOAD_FAIR_SHARES = env.bool("UPLOAD_FAIR_SHARES", default=True)
UPLOAD_FAILURES_RATE = env.str("UPLOAD_FAILURES_RATE", default="2/15m")
UPLOAD_FAIR_WINDOW_SECONDS = env.float("UPLOAD_FAIR_WINDOW_SECONDS", default=60)
UPLOAD_FAIR_HEAVY = env.int("UPLOAD_FAIR_HEAVY", default=10)
# Every PDF and .docx is made in such a child too, with its own limits and slots.
RENDER_WORKER_ISOLATED = env.bool("RENDER_WORKER_ISOLATED", default=True)
RENDER_WORKER_CPU_SECONDS = env.int("RENDER_WORKER_CPU_SECONDS", default=20)
RENDER_WORKER_MEMORY_MB = env.int("RENDER_WORKER_MEMORY_MB", default=1024)
RENDER_WORKER_CONCURRENCY = env.int("RENDER_WORKER_CONCURRENCY", default=2)
RENDER_WORKER_WAIT_SECONDS = env.float("RENDER_WORKER_WAIT_SECONDS", default=20)
RENDER_WORKER_NICE = env.int("RENDER_WORKER_NICE", default=0)

# Security headers and cookies. HTTPS flags are switched on in production by environment.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
# A failed form check gets a page in the person's language (Django's own is technical English).
CSRF_FAILURE_VIEW = "decision_aid.pages.views.csrf_failure"
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("DJANGO_BEHIND_PROXY", default=False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy: only our own origin, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}

# Union advisors: Django auth, login throttled by django-axes, TOTP second factor (django-otp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend that reads the user with their advisor and organisation in one query.
    "decision_aid.advisors.backends.AdvisorBackend",
    # Kept for sessions signed in before AdvisorBackend (they name the backend that signed
    # them in); new sign-ins go through AdvisorBackend.
    "django.contrib.auth.backends.ModelBackend",
]
# Every password (create_advisor, the admin, any password form): at least 12 characters, not
# like the user's name, not a common password, not only digits.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "advisors:login"
LOGIN_REDIRECT_URL = "advisors:cases"
# Two-factor sign-in is required for advisors; switch off only for local development.
ADVISOR_REQUIRE_2FA = env.bool("ADVISOR_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "Beslishulp re-integratie"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "advisors/locked_out.html"
# The real client address behind the proxy (django-ipware is not installed; see cases.clientip).
AXES_CLIENT_IP_CALLABLE = "decision_aid.cases.clientip.client_ip"
# User names as long as a user name can be (a longer one overflowed axes' column: a 500).
AXES_USERNAME_CALLABLE = "decision_aid.advisors.backends.axes_username"

# Retention (AVG): a saved case and its uploads are deleted after this many days.
CASE_RETENTION_DAYS = env.int("CASE_RETENTION_DAYS", default=30)
# The counts page (insight/) shows every count from 1 up to this number minus one as "< 5": a
# group that small could be one person someone knows (docs/privacy.md). Not an environment knob.
INSIGHT_MASK_BELOW = 5
# The anonymous counts are held in each process and written together at most this often (one
# statement per 10 s per process instead of one per counting request; insight.counters). 0:
# every request writes its own at once (the tests).
INSIGHT_FLUSH_SECONDS = env.float("INSIGHT_FLUSH_SECONDS", default=10)

# Privacy page (AVG art. 13): who is responsible for the data (the organisation that runs this
# aid) and how to reach them. Set both in production; the page says when they are missing.
PRIVACY_CONTROLLER = env.str("PRIVACY_CONTROLLER", default="")
PRIVACY_CONTACT = env.str("PRIVACY_CONTACT", default="")
