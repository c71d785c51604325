"""Settings for the council decisions service.

One module; every difference between a laptop, CI and production comes from the environment.
See the configuration table in README.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production refuses to start without one; "
            "for local development set DJANGO_DEBUG=true (make run does)."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "django_tasks_db",
    "council",
    "records",
    "decisions",
    "scrutiny",
    "forwardplan",
    "notices",
    "urgent_reports",
    "callin",
    "api",
]
# Benchmark tooling (bench/: `manage.py generate_records`), never part of the shipped app: only
# `make bench` and the test suite set this.
if env_bool("DJANGO_BENCH_TOOLS", False):
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "council.middleware.RequestIdMiddleware",
    "council.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Below CommonMiddleware, so the Content-Length it sets counts the page as sent.
    "council.middleware.NoNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "council.middleware.ImpossibleIdMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the locked-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "django.template.context_processors.csp",
                "council.context_processors.council",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Serialise writers instead of failing with "database is locked" under the live server.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "council.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "home"

# Sign-in throttling (django-axes): after DJANGO_SIGNIN_FAILURE_LIMIT wrong passwords for one
# username, or from one address, sign-in is refused for DJANGO_SIGNIN_COOLOFF_MINUTES, even with
# the right password. A successful sign-in clears the count. Axes' backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_SIGNIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one alone locks: per account, per address
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "council.views.sign_in_locked_out"
AXES_CLIENT_IP_CALLABLE = "council.middleware.client_ip"
AXES_VERBOSE = False

# Staff sign-in through the council's identity provider (OpenID Connect: Microsoft Entra ID, Google,
# Okta, Keycloak...), beside the username and password form. On when an issuer and a client are set;
# the provider's endpoints and keys come from its discovery document (council/oidc.py). The redirect
# URI to register with the provider is <site>/sign-in/council-account/return/.
OIDC_ISSUER = os.environ.get("DJANGO_OIDC_ISSUER", "").strip().rstrip("/")
OIDC_CLIENT_ID = os.environ.get("DJANGO_OIDC_CLIENT_ID", "").strip()
OIDC_CLIENT_SECRET = os.environ.get("DJANGO_OIDC_CLIENT_SECRET", "")
# The claim holding the address an account is matched on the first time (Entra ID: "email" as an
# optional claim, or "preferred_username" for the sign-in name).
OIDC_EMAIL_CLAIM = os.environ.get("DJANGO_OIDC_EMAIL_CLAIM", "email").strip() or "email"
OIDC_PROVIDER_NAME = os.environ.get("DJANGO_OIDC_PROVIDER_NAME", "").strip()  # "Sign in with <name>"
if bool(OIDC_ISSUER) != bool(OIDC_CLIENT_ID):
    raise ImproperlyConfigured("Set both DJANGO_OIDC_ISSUER and DJANGO_OIDC_CLIENT_ID for staff sign-in, or neither.")
# Who may still sign in with a username and password once staff use the identity provider: "everyone"
# (the default), "administrators" (a break-glass door for the administrator accounts, for when the
# provider is down), or "nobody". The admin site's sign-in is the same page, so this holds there too.
PASSWORD_SIGN_IN = os.environ.get("DJANGO_PASSWORD_SIGN_IN", "").strip().lower() or "everyone"
if PASSWORD_SIGN_IN not in {"everyone", "administrators", "nobody"}:
    raise ImproperlyConfigured("DJANGO_PASSWORD_SIGN_IN is one of: everyone, administrators, nobody.")
if PASSWORD_SIGN_IN != "everyone" and not OIDC_ISSUER:
    raise ImproperlyConfigured(
        f"DJANGO_PASSWORD_SIGN_IN={PASSWORD_SIGN_IN} needs DJANGO_OIDC_ISSUER: without the identity provider, "
        "staff could not sign in."
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Private files (appendices, stored PDFs): no URL route serves MEDIA_ROOT; views check
# permissions and stream them. MEDIA_URL exists only because Django's test server reads it.
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # or S3, below
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("DJANGO_PLAIN_STATIC")
            else "config.storage.StaticFilesStorage"
        )
    },
}

# Private files on S3-compatible object storage (django-storages) when DJANGO_S3_BUCKET is set,
# so app servers share them. Objects are private (no public ACL, no public URLs handed out): the
# app's permission-checked views read and stream them, as with local files.
if os.environ.get("DJANGO_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            # Unset: boto3's own chain (instance role, AWS_* variables, ~/.aws).
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }

# Background work (PDF rendering, email): production queues it in the database for
# `manage.py db_worker`; development (`make run`, DEBUG on) and the tests run it at once, in the
# request. A failed task runs again after TASK_RETRY_SECONDS x its attempt, up to TASK_ATTEMPTS.
IMMEDIATE_TASKS = "django.tasks.backends.immediate.ImmediateBackend"
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND")
        or (IMMEDIATE_TASKS if DEBUG else "django_tasks_db.DatabaseBackend")
    }
}
TASKS_IN_WORKER = TASKS["default"]["BACKEND"] != IMMEDIATE_TASKS
TASK_ATTEMPTS = int(os.environ.get("DJANGO_TASK_ATTEMPTS", "3"))
TASK_RETRY_SECONDS = int(os.environ.get("DJANGO_TASK_RETRY_SECONDS", "60"))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: printed to the console in development, SMTP in production (Django 6.1 MAILERS).
_email_backend = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
_mailer = {"BACKEND": _email_backend}
if _email_backend.endswith("smtp.EmailBackend"):
    _mailer["OPTIONS"] = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
        "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
    }
# With a task worker, sending only queues the message; the worker delivers it (council.mail).
MAILERS = (
    {"default": {"BACKEND": "council.mail.QueuedEmailBackend"}, "delivery": _mailer}
    if TASKS_IN_WORKER
    else {"default": _mailer}
)
# Absolute links in emails.
# Public pages are cached per publication (council.pagecache). One process's memory by default;
# a shared cache (Redis, Memcached, the database) lets every process share the rendered pages.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("DJANGO_CACHE_LOCATION", "public-pages"),
    }
}
# Redis (e.g. LOCATION redis://redis:6379/0): Django's backend, made to degrade to a miss when
# Redis is down (council.cache), with short timeouts so a dead Redis cannot hold up a page.
if CACHES["default"]["BACKEND"] in {"django.core.cache.backends.redis.RedisCache", "council.cache.RedisCache"}:
    CACHES["default"]["BACKEND"] = "council.cache.RedisCache"
    CACHES["default"]["OPTIONS"] = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PUBLIC_PAGE_CACHE_SECONDS", "86400"))

# Absolute links (emails, PDFs, feeds, the API, robots.txt). Without DJANGO_SITE_URL, the local
# server's address: on PORT when one is given (`make run PORT=8101`), else 8000.
_PORT = os.environ.get("PORT", "").strip()
SITE_URL = os.environ.get("DJANGO_SITE_URL") or f"http://127.0.0.1:{_PORT if _PORT.isdigit() else '8000'}"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "decisions@council.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content Security Policy: our own files only; the few inline scripts carry the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
# A session lasts a working day (9 hours by default) from sign-in, and ends when the browser closes:
# the cookie has no expiry date, and the server forgets the session after DJANGO_SESSION_HOURS.
SESSION_COOKIE_AGE = int(float(os.environ.get("DJANGO_SESSION_HOURS", "9")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = not DEBUG and env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = not DEBUG and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe health over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
X_FRAME_OPTIONS = "DENY"

# Uploads: appendices up to this size; larger files get a clear error on the field.
APPENDIX_MAX_BYTES = int(os.environ.get("APPENDIX_MAX_MB", "20")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The demo password `make run` prints; the loader refuses to create demo users when DEBUG is off.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "council-demo-2021")

# Logs: one JSON object a line in production (DJANGO_LOG_FORMAT=json, the default without
# debug), readable text in development; every line carries the request's id (council.logging).
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "council.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "council.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Error reporting: Sentry's SDK, imported only when SENTRY_DSN is set. No personal data is sent
# (send_default_pii off): staff names and exempt text stay here.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
