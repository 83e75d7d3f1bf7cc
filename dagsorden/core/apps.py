from importlib import import_module

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "dagsorden.core"
    verbose_name = _("Fælles")

    def ready(self):
        from . import converters

        # Before any URL module is read: they use <id:pk>, <year:…> and <month:…>.
        converters.register()

        # Every process (web, worker, commands) knows every task, so a job row can
        # always be run or retried by its task's name.
        import dagsorden.celery  # noqa: F401  (configures the Celery app)

        for config in apps.get_app_configs():
            if config.name.startswith("dagsorden.") and module_has_submodule(
                config.module, "tasks"
            ):
                import_module(f"{config.name}.tasks")
