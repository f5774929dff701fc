"""Django settings for eenplan: one module, every value from the environment (see env.py)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from eenplan.conf.env import DEFAULT_SECRET_KEY, as_bool, as_list, declare

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent  # the repository checkout
VAR_DIR = Path(
    declare(
        "EENPLAN_VAR_DIR",
        str(BASE_DIR / "var"),
        "Folder for the SQLite file, collected static files and other local state.",
    )
)

VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = as_bool(
    declare(
        "DEBUG",
        "true",
        "Django debug mode. Default on for local use; set to false in every real deployment.",
    )
)
SECRET_KEY = declare(
    "SECRET_KEY",
    DEFAULT_SECRET_KEY,
    "Django's secret key. Required (and checked) whenever DEBUG is off.",
)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured(
        "eenplan weigert te starten: DEBUG staat uit maar SECRET_KEY is de standaardwaarde. "
        "Zet SECRET_KEY op een lange, geheime waarde."
    )
ALLOWED_HOSTS = as_list(
    declare(
        "ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1],testserver",
        "Comma-separated host names this server answers to.",
    )
)
CSRF_TRUSTED_ORIGINS = as_list(
    declare(
        "CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://host) trusted for CSRF behind a proxy.",
    )
)

DATABASES = {
    "default": dj_database_url.parse(
        declare(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'eenplan.sqlite3'}",
            "Database URL. Default: embedded SQLite in EENPLAN_VAR_DIR. Production: "
            "postgres://user:password@host:5432/name (PostgreSQL 14+).",
        ),
        conn_max_age=int(
            declare(
                "DATABASE_CONN_MAX_AGE",
                "60",
                "Seconds a database connection is reused (0: close after each request).",
            )
        ),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "eenplan.common",
    "eenplan.gemeente",
    "eenplan.inwoners",
    "eenplan.events",
    "eenplan.privacy",
    "eenplan.meldingen",
    "eenplan.onderzoeken",
    "eenplan.plannen",
    "eenplan.beschikkingen",
    "eenplan.voorzieningen",
    "eenplan.web",
    "eenplan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "eenplan.privacy.access.AccessLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "eenplan.common.concurrency.VersieMiddleware",
]

ROOT_URLCONF = "eenplan.conf.urls"
WSGI_APPLICATION = "eenplan.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # A municipality's own letter templates (e.g. beschikkingen/brief.txt) win over ours.
        "DIRS": list(
            as_list(
                declare(
                    "EENPLAN_SJABLONEN_DIR",
                    "",
                    "Folder with the "
                    "municipality's own templates, e.g. beschikkingen/brief.txt "
                    "for the decision letter.",
                )
            )
        ),
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eenplan.web.context_processors.eenplan",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it, even before collectstatic
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("nlds/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    (
        "nlds/theme",
        NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist",
    ),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The NL Design System theme: a municipality swaps in its own theme package.
# Hardenberg: a generalist's decision may go out before the back office's lawfulness check
# (the check is afterwards). A municipality that wants the check first sets this to false.
EENPLAN_VERZENDEN_VOOR_TOETSING = as_bool(
    declare(
        "EENPLAN_VERZENDEN_VOOR_TOETSING",
        "true",
        "Whether a generalist's beschikking may be sent before the back office's lawfulness "
        "check (Hardenberg: true, the check is afterwards). false: sending waits for the check.",
    )
)
EENPLAN_THEME_CSS = declare(
    "EENPLAN_THEME_CSS",
    "nlds/theme/theme.css",
    "Static path of the NL Design System theme stylesheet (design tokens).",
)
EENPLAN_THEME_CLASS = declare(
    "EENPLAN_THEME_CLASS", "voorbeeld-theme", "CSS class on <html> that activates the theme."
)

# Four eyes on roles and teams: a change waits in /beheer/ for a second functioneel beheerder.
EENPLAN_ROLWIJZIGING_VIER_OGEN = as_bool(
    declare(
        "EENPLAN_ROLWIJZIGING_VIER_OGEN",
        "false",
        "Set to true so that a change to a medewerker's role, extra roles, teams, registration "
        "or account (also a new account) takes effect only when a second functioneel beheerder "
        "approves it in /beheer/. Off: the change applies at once. Always logged.",
    )
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "eenplan.common.api.Pagination",
    # JSON with a depth limit and Dutch errors (deep JSON is a 400, not a 500).
    "DEFAULT_PARSER_CLASSES": [
        "eenplan.common.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "eenplan.common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "eenplan API",
    "DESCRIPTION": "REST API van eenplan: inwoners, huishoudens en (later) meldingen, plannen en "
    "beschikkingen. Elke leesactie op een dossier wordt gelogd met wie, wanneer en waarom; geef "
    "het doel mee met de header X-Eenplan-Doel of de parameter ?doel=.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "eenplan.common.schema.versies_documenteren",
    ],
    "ENUM_NAME_OVERRIDES": {
        "TeamSoortEnum": "eenplan.gemeente.constants.TeamSoort",
        "NetwerkSoortEnum": "eenplan.inwoners.constants.NetwerkSoort",
        "MeldingKanaalEnum": "eenplan.meldingen.constants.Kanaal",
        "InzageKanaalEnum": "eenplan.privacy.constants.Kanaal",
    },
    # Swagger UI served from our own static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

if as_bool(
    declare(
        "EENPLAN_BEHIND_TLS_PROXY",
        "false",
        "Set to true when a TLS-terminating "
        "proxy sets X-Forwarded-Proto: https (links and secure cookies use https).",
    )
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": declare("LOG_LEVEL", "WARNING", "Root log level.")},
}
