from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "dagsorden.search"
    verbose_name = _("Søgning")

    def ready(self):
        # The index follows saves and deletes of the indexed models: see search/signals.py.
        from . import signals

        signals.connect()
