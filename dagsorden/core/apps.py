from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "dagsorden.core"
    verbose_name = _("Fælles")

    def ready(self):
        from . import converters

        # Before any URL module is read: they use <id:pk>, <year:…> and <month:…>.
        converters.register()
