"""Provenance of imported documents: what was read, when, into which meeting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedDocument(models.Model):
    """One imported agenda or minutes document, identified by the SHA-256 of its bytes.

    Importing the same bytes again finds this row and changes nothing.
    """

    source = models.CharField(_("kilde"), max_length=500, help_text=_("Sti eller adresse"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    kind = models.CharField(_("art"), max_length=10, blank=True)
    layout = models.CharField(_("layout"), max_length=40, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("møde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_documents",
    )
    item_count = models.PositiveIntegerField(_("punkter"), default=0)
    warnings = models.JSONField(_("advarsler"), default=list, blank=True)
    imported_at = models.DateTimeField(_("importeret"), auto_now_add=True)

    class Meta:
        verbose_name = _("importeret dokument")
        verbose_name_plural = _("importerede dokumenter")
        ordering = ["-imported_at"]

    def __str__(self):
        return self.source


class ExportKey(models.Model):
    """An agenda system's own identifier of a meeting, from an imported export.

    A later export of the same meeting (its minutes after its agenda, or a corrected
    publication) fills the meeting it names even if the meeting's time was moved.
    """

    system = models.CharField(_("system"), max_length=20)  # firstagenda | sbsys | edoc
    export_id = models.CharField(_("eksportens id"), max_length=200)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("møde"),
        on_delete=models.CASCADE,
        related_name="export_keys",
    )

    class Meta:
        verbose_name = _("eksportnøgle")
        verbose_name_plural = _("eksportnøgler")
        constraints = [
            models.UniqueConstraint(fields=["system", "export_id"], name="unique_export_key")
        ]

    def __str__(self):
        return f"{self.system}:{self.export_id}"
