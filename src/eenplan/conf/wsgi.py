"""WSGI entry point: `gunicorn eenplan.conf.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.settings")
application = get_wsgi_application()
