"""Who works in the secretariat: udvalgssekretærer per body and sagsbehandlere.

Administrators are Django superusers; members are Persons linked to a user account and
holding a Membership; everyone else is the public."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dagsorden.core.models import BaseModel
from dagsorden.organisations.models import Organization


class Assignment(BaseModel):
    class Role(models.TextChoices):
        SECRETARY = "secretary", _("Udvalgssekretær")
        CASE_OFFICER = "case_officer", _("Sagsbehandler")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    role = models.CharField(_("rolle"), max_length=14, choices=Role.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("udvalg"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )

    class Meta:
        verbose_name = _("opgave i sekretariatet")
        verbose_name_plural = _("opgaver i sekretariatet")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "organization"], name="assignment_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.organization}"
