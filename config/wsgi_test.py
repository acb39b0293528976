"""The WSGI application under the test settings (for in-process API checks such as schemathesis)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
application = get_wsgi_application()
