"""Who works in the secretariat: udvalgssekretærer per body and sagsbehandlere.

Administrators are Django superusers; members are Persons linked to a user account and
holding a Membership; everyone else is the public. What a member has read is kept here
too: it is the member's own state on these pages, not part of the meeting's record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dagsorden.core.models import BaseModel
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Organization, Person


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


class AgendaReading(models.Model):
    """When a member last marked a meeting's agenda as read, and what each item looked
    like then, so later changes (a tillægsdagsorden, a corrected item, a new bilag) can
    be marked. A member's own reading state: no history, no soft deletion."""

    person = models.ForeignKey(
        Person, verbose_name=_("medlem"), on_delete=models.CASCADE, related_name="readings"
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="readings"
    )
    read_at = models.DateTimeField(_("læst"))
    item_marks = models.JSONField(_("punkternes udgave ved læsning"), default=dict)

    class Meta:
        verbose_name = _("læst dagsorden")
        verbose_name_plural = _("læste dagsordener")
        constraints = [
            models.UniqueConstraint(fields=["person", "meeting"], name="one_reading_per_member")
        ]

    def __str__(self):
        return f"{self.person} · {self.meeting}"
