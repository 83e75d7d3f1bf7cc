from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dagsorden.accounts"
    verbose_name = _("Logins")

    def ready(self):
        # Django announces logins, logouts and failed logins only by its signals.
        from . import login_events  # noqa: F401
