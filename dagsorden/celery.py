"""The Celery application: background work on a queue (or in-process without a broker).

Configured from the Django settings (the CELERY_* names); see the settings module for
the eager default. Tasks are declared in each app's `tasks.py` with `jobs.job_task`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")

app = Celery("dagsorden")
app.config_from_object("django.conf:settings", namespace="CELERY")
