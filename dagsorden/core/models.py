"""Shared model building blocks: timestamps, soft deletion, history and the audit log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AliveQuerySet(models.QuerySet):
    def alive(self):
        """Rows that are not soft-deleted (OParl keeps deleted objects with deleted: true)."""
        return self.filter(deleted=False)


class BaseModel(models.Model):
    """Every row has created/modified, a soft-delete flag and a full change history."""

    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    modified = models.DateTimeField(_("ændret"), auto_now=True)
    deleted = models.BooleanField(_("slettet"), default=False)

    history = HistoricalRecords(inherit=True)
    objects = AliveQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One row per service operation: who did what to which object, with details.

    simple-history records *row* changes; the audit log records the *operation*
    ("published the agenda", "recorded afbud") that caused them.
    """

    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    action = models.CharField(_("handling"), max_length=80, db_index=True)
    object_type = models.CharField(_("objekttype"), max_length=80)
    object_id = models.CharField(_("objekt-id"), max_length=40)
    summary = models.CharField(_("resumé"), max_length=300, blank=True)
    data = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("revisionslog")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


class ReplicaHeartbeat(models.Model):
    """One row, stamped on the primary by the read-replica check
    (dagsorden/core/replica.py) and read back on the replica: the age of the replica's
    copy of the stamp is an upper bound of how far the replica is behind. Never shown."""

    at = models.DateTimeField(_("tidspunkt"))

    class Meta:
        verbose_name = _("replika-hjerteslag")
        verbose_name_plural = _("replika-hjerteslag")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S.%f}"


class BackgroundJob(models.Model):
    """One piece of background work (a Celery task run) and how it went.

    The row is written in the same transaction as the change that asked for the work,
    and the task is sent only after that commit; the task gets the row's id, so a
    message delivered twice (a worker killed mid-task) finds the row and carries on
    from what it records instead of doing the work twice.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("i kø")
        RUNNING = "running", _("i gang")
        DONE = "done", _("færdig")
        FAILED = "failed", _("fejlet")

    task = models.CharField(_("opgave"), max_length=120, db_index=True)
    state = models.CharField(
        _("tilstand"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    object_type = models.CharField(_("objekttype"), max_length=80, blank=True)
    object_id = models.CharField(_("objekt-id"), max_length=40, blank=True)
    subject = models.CharField(_("emne"), max_length=300, blank=True)
    # Whose staff may see the job: the body the work belongs to (None: administrators).
    organization = models.ForeignKey(
        "organisations.Organization",
        verbose_name=_("organ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    arguments = models.JSONField(_("argumenter"), default=dict, blank=True)
    # What is already done, for a task that resumes after a lost worker.
    progress = models.JSONField(_("fremdrift"), default=dict, blank=True)
    percent = models.PositiveSmallIntegerField(_("procent færdig"), default=0)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    last_error = models.TextField(_("seneste fejl"), blank=True)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("startet"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestilt af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("baggrundsjob")
        verbose_name_plural = _("baggrundsjob")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.task} #{self.pk} ({self.state})"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
