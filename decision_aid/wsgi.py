"""WSGI entry point (gunicorn decision_aid.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from decision_aid.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decision_aid.settings")


application = get_wsgi_application()
settle()
