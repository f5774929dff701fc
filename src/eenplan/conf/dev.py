"""Development settings: `make run`, `make demo`, `make bench` and the tests choose these.

They import the production-safe settings and relax only what a laptop needs: debug pages, the
built-in development secret, plain HTTP (no SSL redirect, HSTS or Secure cookies) and, unless
EENPLAN_2FA_VERPLICHT is set, no required second factor so the demo accounts log in with a
password alone. Choose them with ``DJANGO_SETTINGS_MODULE=eenplan.conf.dev``; never in a real
deployment.
"""

from __future__ import annotations

import os

from eenplan.common.env import as_bool
from eenplan.conf.settings import *  # noqa: F403

EENPLAN_DEVELOPMENT = True
DEBUG = as_bool(os.environ.get("DEBUG", "true"))
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EENPLAN_2FA_VERPLICHT = as_bool(os.environ.get("EENPLAN_2FA_VERPLICHT", "false"))
# The e-mail notice of a sent letter goes to the console on a laptop (unless configured).
EMAIL_BACKEND = os.environ.get(
    "EENPLAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# The inwonersportaal's development login: pick a demo resident, no DigiD (never in production).
EENPLAN_PORTAAL_ONTWIKKELLOGIN = True
