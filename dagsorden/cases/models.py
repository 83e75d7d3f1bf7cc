"""Cases (OParl Paper), their route through the bodies (Consultation) and bilag (File)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dagsorden.core.models import BaseModel
from dagsorden.organisations.models import Municipality, Organization

from .journal import kle_parse


class Case(BaseModel):
    """A sag, identified by its journal number as printed."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="cases"
    )
    journal_number = models.CharField(_("journalnummer"), max_length=60, blank=True, db_index=True)
    kle_subject = models.CharField(_("KLE-emne"), max_length=8, blank=True, editable=False)
    kle_facet = models.CharField(_("KLE-facet"), max_length=3, blank=True, editable=False)
    kle_serial = models.PositiveIntegerField(_("løbenummer"), null=True, blank=True, editable=False)
    kle_year = models.PositiveSmallIntegerField(_("årstal"), null=True, blank=True, editable=False)
    title = models.CharField(_("titel"), max_length=400)
    responsible_unit = models.CharField(_("ansvarlig enhed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "journal_number"],
                condition=~models.Q(journal_number=""),
                name="case_unique_journal_number",
            ),
        ]

    def __str__(self):
        return f"{self.journal_number} {self.title}".strip()

    def set_journal_number(self, journal_number: str) -> None:
        """Keep the number as printed and fill the KLE parts when it is a KLE number."""
        self.journal_number = journal_number.strip()
        kle = kle_parse(self.journal_number)
        self.kle_subject = kle.subject if kle else ""
        self.kle_facet = kle.facet if kle else ""
        self.kle_serial = kle.serial if kle else None
        self.kle_year = kle.year if kle else None

    def current_consultation(self):
        """The first consultation on the route that has not been dealt with yet."""
        return (
            self.consultations.alive()
            .exclude(status__in=[Consultation.Status.DONE, Consultation.Status.CANCELLED])
            .order_by("order")
            .first()
        )


class Consultation(BaseModel):
    """One body's treatment of a case ("behandling"), in route order.

    A consultation is linked to the agenda items that treated it (more than one when the
    item was postponed). A treatment known only from an imported document ("Sagens forløb"
    of a body whose meeting is not in the system) keeps its date, result and absences in
    the `recorded_*` fields instead.
    """

    class Role(models.TextChoices):
        DECIDES = "afgoer", _("Afgør")
        RECOMMENDS = "indstiller", _("Indstiller")
        INFORMED = "orienteres", _("Orienteres")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Afventer tidligere behandling")
        READY = "ready", _("Klar til dagsorden")
        SCHEDULED = "scheduled", _("Sat på dagsorden")
        DONE = "done", _("Behandlet")
        CANCELLED = "cancelled", _("Bortfaldet")

    case = models.ForeignKey(
        Case, verbose_name=_("sag"), on_delete=models.CASCADE, related_name="consultations"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("udvalg"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    planned_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("planlagt møde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_consultations",
        help_text=_("Det møde, sagen forventes at komme på"),
    )
    recorded_date = models.DateField(_("behandlet den"), null=True, blank=True)
    recorded_result = models.TextField(_("resultat"), blank=True)
    recorded_absent = models.JSONField(_("fraværende"), default=list, blank=True)

    class Meta:
        verbose_name = _("behandling")
        verbose_name_plural = _("behandlinger")
        ordering = ["case", "order"]
        constraints = [
            models.UniqueConstraint(fields=["case", "order"], name="consultation_unique_order"),
        ]

    def __str__(self):
        return f"{self.case} → {self.organization} ({self.get_role_display()})"


def file_upload_path(instance: "File", filename: str) -> str:
    return f"bilag/{instance.sha512[:2]}/{instance.sha512[:16]}/{filename}"


class File(BaseModel):
    """A bilag: an attachment to a case or an agenda item."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="files"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("sag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("punkt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
    )
    name = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=file_upload_path, blank=True)
    file_name = models.CharField(_("filnavn"), max_length=255, blank=True)
    mime_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("størrelse (bytes)"), default=0)
    sha512 = models.CharField(_("SHA-512"), max_length=128, blank=True, editable=False)
    text = models.TextField(_("udtrukket tekst"), blank=True)
    public = models.BooleanField(_("offentlig"), default=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["agenda_item", "order", "id"]

    def __str__(self):
        return self.name
