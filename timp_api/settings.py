"""Settings, all from environment variables (listed with their defaults in README.md)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from timp_api.env import env_bool, env_int, env_list, env_network_list, env_port_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
TIMP_SANDBOX = env_bool("TIMP_SANDBOX", False)
# Outside DEBUG the key must come from the environment; the development key only works with DEBUG.
SECRET_KEY = env_str("SECRET_KEY", "development-only-key-never-used-in-production" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Proxies (addresses or networks) whose X-Forwarded-For names the client; nobody else's is believed.
TRUSTED_PROXIES = env_network_list("TRUSTED_PROXIES", "")

INSTALLED_APPS = [
    # Before the admin: its templates (admin/…) are the console's.
    "core",
    "core.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "organizations",
    "files",
    "connections",
    "events",
    "feeds",
    "sandbox",
    "procrastinate.contrib.django",
]

MIDDLEWARE = [
    "core.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files: runserver serves them in DEBUG, WhiteNoise everywhere else.
    *([] if DEBUG else ["whitenoise.middleware.WhiteNoiseMiddleware"]),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "timp_api.urls"
WSGI_APPLICATION = "timp_api.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Merged into what DATABASE_URL says (`?sslmode=require` stays), never in place of it.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
    "connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5, minimum=1)
)
# Read shapes run as server-side prepared statements, which live in the database session: a
# pooler that hands out connections per transaction (PgBouncer's transaction mode) needs off.
DB_PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organizations.User"
AUTHENTICATION_BACKENDS = ["core.backends.ModelBackend"]
SESSION_ENGINE = "core.sessions"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Uploaded files: a local folder that no URL serves, or S3-compatible object storage.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "uploads")))
FILE_STORAGE = env_str("FILE_STORAGE", "local")
if FILE_STORAGE == "local":
    default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": None},
    }
elif FILE_STORAGE == "s3":
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    raise ValueError(f"FILE_STORAGE={FILE_STORAGE!r} must be 'local' or 's3'.")
STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 25 * 1024 * 1024, minimum=1)
UPLOAD_RETENTION_DAYS = env_int("UPLOAD_RETENTION_DAYS", 30, minimum=1)
# What one organization's files may take in all (413 beyond): 1 GiB.
ORGANIZATION_STORAGE_QUOTA_BYTES = env_int("ORGANIZATION_STORAGE_QUOTA_BYTES", 1024**3, minimum=1)
# JSON bodies (everything but the file upload) are capped here; larger ones get 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("REQUEST_BODY_MAX_BYTES", 1024 * 1024, minimum=1024)
FILE_UPLOAD_HANDLERS = ["files.uploads.LimitedTemporaryFileUploadHandler"]
MAX_INTEGRATIONS_PER_REQUEST = env_int("MAX_INTEGRATIONS_PER_REQUEST", 50, minimum=1)
MAX_FILES_PER_REQUEST = env_int("MAX_FILES_PER_REQUEST", 50, minimum=1)
# A file of connection requests has at most this many rows (413 beyond).
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 10_000, minimum=1)
# An import runs at most this many rows a second, so that it leaves the API its machine: at
# 700, a worker and PostgreSQL take about a quarter of two cores (bench/README.md, "request_import").
IMPORT_ROWS_PER_SECOND = env_int("IMPORT_ROWS_PER_SECOND", 700, minimum=1)
# The console's dashboard is read from the database at most once in this many seconds by each
# process (at once for an account manager who has just changed something through the console).
DASHBOARD_SECONDS = env_int("DASHBOARD_SECONDS", 5, minimum=1)
# Idempotency keys are kept at least this long (prune_expired removes older ones).
IDEMPOTENCY_KEY_RETENTION_HOURS = env_int("IDEMPOTENCY_KEY_RETENTION_HOURS", 48, minimum=24)

# HTTPS: on by default outside DEBUG. Behind a TLS-terminating proxy, set
# TRUST_X_FORWARDED_PROTO=true so the proxy's X-Forwarded-Proto is believed.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "core.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "login": env_str("LOGIN_THROTTLE_RATE", "10/minute"),
        "token": env_str("API_THROTTLE_RATE", "6000/minute"),
        "upload": env_str("UPLOAD_THROTTLE_RATE", "30/minute"),
        "signup": env_str("SANDBOX_SIGNUP_THROTTLE_RATE", "10/hour"),
        "ping": env_str("PING_THROTTLE_RATE", "60/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Every timestamp the same way: UTC, microseconds, Z (as the published examples show them).
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 (a model name)
REST_KNOX = {
    "TOKEN_TTL": timedelta(seconds=env_int("TOKEN_TTL_SECONDS", 2 * 60 * 60, minimum=60)),
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "TIMP API" + (" (sandbox)" if TIMP_SANDBOX else ""),
    "DESCRIPTION": (
        "Connects retailers with suppliers: connection requests, connections and sample files."
        + (" This is the sandbox deployment: its data is for integration testing only." if TIMP_SANDBOX else "")
    ),
    "VERSION": "1.0.0",
    # 3.1: a nullable field is `type: [T, "null"]`, which generated clients read as optional data.
    "OAS_VERSION": "3.1.0",
    # Browsers use the session cookie; API clients are told of the token only.
    "AUTHENTICATION_WHITELIST": ["core.authentication.TokenAuthentication"],
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["core.schema.only_documented_paths"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.schema.document_error_responses",
        "core.schema.name_descending_orderings",
        "core.schema.one_schema_for_blank_text",
        "core.schema.empty_query_values_are_absent",
    ],
    "ENUM_NAME_OVERRIDES": {
        "OrganizationTypeEnum": "organizations.models.Organization.Type",
        "OrganizationStatusEnum": "organizations.models.Organization.Status",
        "ConnectionStatusEnum": "connections.models.Connection.Status",
        "ConnectionRequestStatusEnum": "connections.models.ConnectionRequest.Status",
        "IntegrationTypeEnum": "connections.models.Integration.Type",
        "UserStatusEnum": "organizations.models.User.Status",
        "FeedStageEnum": "feeds.models.Feed.Stage",
        "FeedHealthEnum": "feeds.models.Feed.Health",
        "RunStatusEnum": "feeds.models.Run.Status",
        "RunEndStatusEnum": "feeds.api.serializers.RUN_ENDS",
    },
}

# Where the platform is reached: the links in emails start with it.
PUBLIC_URL = env_str("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Generated clients take their base URL from the schema's servers.
SPECTACULAR_SETTINGS["SERVERS"] = [{"url": PUBLIC_URL}]

# People: invitation and password-reset links last two hours, as documented.
INVITATION_TTL_SECONDS = env_int("INVITATION_TTL_SECONDS", 2 * 60 * 60, minimum=60)
PASSWORD_RESET_TTL_SECONDS = env_int("PASSWORD_RESET_TTL_SECONDS", 2 * 60 * 60, minimum=60)

# Email: `console` (the default with DEBUG), `file` (into EMAIL_FILE_PATH) or `smtp`.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
EMAIL_BACKEND_NAME = env_str("EMAIL_BACKEND", "console" if DEBUG else "smtp")
if EMAIL_BACKEND_NAME not in EMAIL_BACKENDS:
    raise ImproperlyConfigured(f"EMAIL_BACKEND={EMAIL_BACKEND_NAME!r} must be one of {', '.join(EMAIL_BACKENDS)}.")
EMAIL_BACKEND = EMAIL_BACKENDS[EMAIL_BACKEND_NAME]
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "email"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "TIMP <no-reply@timp.invalid>")
# Where a sandbox tenant's invitations go (`console` or `file`): never to a mail server, so a
# public sandbox cannot be made to email anybody.
SANDBOX_EMAIL_BACKEND_NAME = env_str("SANDBOX_EMAIL_BACKEND", "console")
if SANDBOX_EMAIL_BACKEND_NAME not in ("console", "file"):
    raise ImproperlyConfigured(f"SANDBOX_EMAIL_BACKEND={SANDBOX_EMAIL_BACKEND_NAME!r} must be console or file.")
SANDBOX_EMAIL_BACKEND = EMAIL_BACKENDS[SANDBOX_EMAIL_BACKEND_NAME]

# The partner sandbox: tenants unused this long are removed.
SANDBOX_TENANT_TTL_DAYS = env_int("SANDBOX_TENANT_TTL_DAYS", 30, minimum=1)

# Events, notifications and webhooks. EVENTS_ENABLED=false writes no events at all (what the
# benchmark compares writes against); a platform that serves partners keeps it on.
EVENTS_ENABLED = env_bool("EVENTS_ENABLED", True)
EVENT_RETENTION_DAYS = env_int("EVENT_RETENTION_DAYS", 30, minimum=1)
REQUEST_EXPIRY_DAYS = env_int("REQUEST_EXPIRY_DAYS", 30, minimum=1)
# Tests and local sandboxes deliver to http:// and private addresses; production never does.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = env_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", False)
# The ports a webhook URL may name (unless private networks are allowed): a public address's
# SSH, database or cache port is no webhook receiver.
WEBHOOK_ALLOWED_PORTS = env_port_list("WEBHOOK_ALLOWED_PORTS", "443,8443")
WEBHOOK_TIMEOUT_SECONDS = 10
# The dispatcher (in each worker) holds the deliveries it sends this long, renewed while it
# sends them; those of a dispatcher that died are sent again once it has passed.
DELIVERY_LEASE_SECONDS = env_int("DELIVERY_LEASE_SECONDS", 30, minimum=2)
# Deliveries in flight at once per dispatcher, and to any one endpoint.
DISPATCHER_CONCURRENCY = env_int("DISPATCHER_CONCURRENCY", 256, minimum=1)
DISPATCHER_PER_ENDPOINT = env_int("DISPATCHER_PER_ENDPOINT", 16, minimum=1)
# /readyz answers 503 when the oldest job waiting in the queue is older than this.
QUEUE_MAX_LAG_SECONDS = env_int("QUEUE_MAX_LAG_SECONDS", 300, minimum=1)
# The worker (`manage.py worker`): jobs run at once per process.
PROCRASTINATE_WORKER_DEFAULTS = {"concurrency": env_int("WORKER_CONCURRENCY", 10, minimum=1)}

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.logging.RequestIDFilter"},
        "mask_secrets": {"()": "core.logging.SecretMaskingFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "mask_secrets"],
            "formatter": "plain",
        },
        "nowhere": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Requests are logged once, by the request middleware, with their request ID (a logger
        # without a handler would still print its warnings, through Python's last resort).
        "django.server": {"handlers": ["nowhere"], "propagate": False},
        # Django's records reach the project's handler only, not Django's own console as well.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Every process imports the worker's tasks; registering them is not news.
        "procrastinate.blueprints": {"level": "WARNING"},
        "procrastinate.periodic": {"level": "WARNING"},
    },
}
