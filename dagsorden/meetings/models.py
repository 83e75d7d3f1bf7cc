"""Meetings and everything on them: agenda items with their sections, recommendation and
decision, votes, attendance, the approval of the minutes and members' notes."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dagsorden.cases.models import Case, Consultation
from dagsorden.core.models import BaseModel
from dagsorden.organisations.models import (
    LegislativeTerm,
    Location,
    Organization,
    Party,
    Person,
)


class Meeting(BaseModel):
    """A møde of one body. Its state moves planned → agenda published → held → minutes
    approved, or to cancelled."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        AGENDA_PUBLISHED = "agenda", _("Dagsorden udsendt")
        HELD = "held", _("Afholdt")
        MINUTES_APPROVED = "minutes", _("Referat godkendt")
        CANCELLED = "cancelled", _("Aflyst")

    organization = models.ForeignKey(
        Organization, verbose_name=_("udvalg"), on_delete=models.PROTECT, related_name="meetings"
    )
    term = models.ForeignKey(
        LegislativeTerm,
        verbose_name=_("valgperiode"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("slut"), null=True, blank=True)
    location = models.ForeignKey(
        Location, verbose_name=_("mødested"), null=True, blank=True, on_delete=models.SET_NULL
    )
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.PLANNED, db_index=True
    )
    agenda_published_at = models.DateTimeField(_("dagsorden udsendt"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("referat offentliggjort"), null=True, blank=True)
    late_reason = models.TextField(
        _("begrundelse for sen udsendelse"),
        blank=True,
        help_text=_("Udfyldes, når dagsordenen udsendes efter fristen"),
    )
    cancelled_at = models.DateTimeField(_("aflyst den"), null=True, blank=True)
    cancel_reason = models.TextField(
        _("begrundelse for aflysning"),
        blank=True,
        help_text=_("Vises sammen med »Aflyst« på mødet, også for offentligheden"),
    )

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["-start"]
        indexes = [models.Index(fields=["organization", "start"])]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.organization} {local:%d.%m.%Y}"

    @property
    def day(self):
        """The meeting's calendar day in Danish time."""
        return timezone.localdate(self.start)

    def is_before_its_day(self) -> bool:
        return timezone.localdate() < self.day

    def is_after_its_day(self) -> bool:
        return timezone.localdate() > self.day

    @property
    def minutes_locked(self) -> bool:
        """Approved minutes are the legal record and can no longer be changed."""
        return self.state == self.State.MINUTES_APPROVED

    @property
    def is_public(self) -> bool:
        """Whether anything of the meeting may be shown to the public."""
        return (
            self.state
            in {
                self.State.AGENDA_PUBLISHED,
                self.State.HELD,
                self.State.MINUTES_APPROVED,
                self.State.CANCELLED,
            }
            and not self.deleted
        )

    @property
    def has_minutes(self) -> bool:
        return self.state == self.State.MINUTES_APPROVED


class AgendaItem(BaseModel):
    """A punkt on a meeting's agenda."""

    class Type(models.TextChoices):
        DECISION = "beslutning", _("Beslutning")
        ORIENTATION = "orientering", _("Orientering")
        DISCUSSION = "drøftelse", _("Drøftelse")

    class DraftState(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        READY = "ready", _("Klar")
        APPROVED = "approved", _("Godkendt")

    class Placement(models.TextChoices):
        START = "start", _("Fast punkt først")
        MAIN = "main", _("Sag")
        END = "end", _("Fast punkt sidst")

    CLOSED_TITLE = _("Lukket punkt")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="items"
    )
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("behandling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    number = models.PositiveIntegerField(_("nummer"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("titel"), max_length=400)
    public = models.BooleanField(_("åbent punkt"), default=True)
    public_title = models.CharField(
        _("offentlig titel"),
        max_length=400,
        blank=True,
        help_text=_("Neutral titel, som offentligheden ser for et lukket punkt"),
    )
    item_type = models.CharField(_("sagstype"), max_length=12, choices=Type.choices, blank=True)
    draft_state = models.CharField(
        _("udarbejdelse"), max_length=10, choices=DraftState.choices, default=DraftState.DRAFT
    )
    draft_state_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("status sat af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_state_at = models.DateTimeField(_("status sat"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Tælles op ved hver redigering, så to samtidige rettelser opdages"),
    )
    placement = models.CharField(
        _("placering"),
        max_length=5,
        choices=Placement.choices,
        default=Placement.MAIN,
        help_text=_("Faste punkter står først (fx godkendelse af dagsorden) eller sidst"),
    )
    presenters = models.CharField(_("fremlæggere"), max_length=300, blank=True)
    postponed_from = models.ForeignKey(
        "self",
        verbose_name=_("udsat fra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="postponed_to",
    )

    class Meta:
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")
        ordering = ["meeting", "order", "number"]
        indexes = [models.Index(fields=["meeting", "order"])]

    def __str__(self):
        return f"{self.number or ''} {self.title}".strip()

    @property
    def is_standard(self) -> bool:
        return self.placement != self.Placement.MAIN

    @property
    def agenda_rank(self) -> int:
        """Where the item belongs: standard items first, open cases, standard items last,
        then closed items."""
        if self.placement == self.Placement.START:
            return 0
        if self.placement == self.Placement.END:
            return 2
        return 1 if self.public else 3

    @property
    def case(self) -> Case | None:
        return self.consultation.case if self.consultation_id else None

    def title_for(self, *, can_see_closed: bool) -> str:
        """The title a reader may see: closed items show only their neutral title."""
        if self.public or can_see_closed:
            return self.title
        return self.public_title or str(self.CLOSED_TITLE)


class Section(BaseModel):
    """A heading and its Markdown text, in the order of the municipality's template."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    heading = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"), blank=True)

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        ordering = ["item", "order"]

    def __str__(self):
        return self.heading


class Recommendation(BaseModel):
    """The indstilling: who recommends, and the numbered "at"-clauses."""

    item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("punkt"),
        on_delete=models.CASCADE,
        related_name="recommendation",
    )
    by = models.CharField(_("indstillet af"), max_length=200, help_text=_("Fx Direktionen"))
    to = models.CharField(
        _("indstilles til"),
        max_length=300,
        blank=True,
        help_text=_("Hvem indstillingen gives til, fx Økonomiudvalget og Kommunalbestyrelsen"),
    )
    clauses = models.JSONField(
        _("at-punkter"), default=list, blank=True, help_text=_("Én tekst pr. at-punkt")
    )

    class Meta:
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")

    def __str__(self):
        return f"{self.by} indstiller ({len(self.clauses)})"


class Decision(BaseModel):
    """This meeting's beslutning on an item."""

    class Outcome(models.TextChoices):
        APPROVED = "godkendt", _("Godkendt")
        RECOMMENDED = "anbefales", _("Anbefales")
        NOTED = "efterretning", _("Taget til efterretning")
        DISCUSSED = "droeftet", _("Drøftet")
        INFORMED = "orientering", _("Orientering foretaget")
        POSTPONED = "udsat", _("Udsat")
        REJECTED = "ikke_godkendt", _("Ikke godkendt")
        REFERRED = "oversendt", _("Oversendt")
        OTHER = "andet", _("Andet")

    item = models.OneToOneField(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("resultat"), max_length=14, choices=Outcome.choices)
    text = models.TextField(_("beslutningstekst"), blank=True)

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")

    def __str__(self):
        return self.text or self.get_outcome_display()

    @property
    def concludes_treatment(self) -> bool:
        """Whether the body is done with the case (a postponed item is not)."""
        return self.outcome != self.Outcome.POSTPONED


class DecisionRemark(BaseModel):
    """A protokolbemærkning, mindretalsudtalelse or a correction to approved minutes."""

    class Kind(models.TextChoices):
        PROTOCOL = "protokol", _("Protokolbemærkning")
        MINORITY = "mindretal", _("Mindretalsudtalelse")
        CORRECTION = "rettelse", _("Rettelse")

    decision = models.ForeignKey(
        Decision, verbose_name=_("beslutning"), on_delete=models.CASCADE, related_name="remarks"
    )
    kind = models.CharField(_("art"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("tekst"))
    persons = models.ManyToManyField(Person, verbose_name=_("afgivet af"), blank=True)

    class Meta:
        verbose_name = _("bemærkning")
        verbose_name_plural = _("bemærkninger")
        ordering = ["decision", "created"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Vote(BaseModel):
    """How one member voted on an item, with the party they sat for."""

    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "imod", _("Imod")
        ABSTAIN = "undlod", _("Undlod")

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="votes"
    )
    person = models.ForeignKey(Person, verbose_name=_("medlem"), on_delete=models.PROTECT)
    party = models.ForeignKey(
        Party, verbose_name=_("parti"), null=True, blank=True, on_delete=models.SET_NULL
    )
    choice = models.CharField(_("stemme"), max_length=6, choices=Choice.choices)

    class Meta:
        verbose_name = _("stemme")
        verbose_name_plural = _("afstemninger")
        ordering = ["item", "choice", "person__family_name"]
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="vote_one_per_member"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_choice_display()}"


class Attendance(BaseModel):
    """A person's presence at a meeting: present, afbud or fravær. A stedfortræder is
    present with `substitute_for` pointing at the member they replace."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Til stede")
        APOLOGY = "afbud", _("Afbud")
        ABSENT = "fravaer", _("Fravær")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    reason = models.CharField(_("årsag"), max_length=300, blank=True)
    substitute_for = models.ForeignKey(
        Person,
        verbose_name=_("stedfortræder for"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substitutions",
    )

    class Meta:
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        ordering = ["meeting", "status", "person__family_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_one_per_person"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class ItemAttendance(BaseModel):
    """An exception for one item: a member left during it or was inhabil."""

    class Kind(models.TextChoices):
        LEFT = "left", _("Forlod mødet under punktet")
        CONFLICT = "inhabil", _("Inhabil")
        ABSENT = "absent", _("Ikke til stede under punktet")

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("punkt"),
        on_delete=models.CASCADE,
        related_name="attendance_exceptions",
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT)
    kind = models.CharField(_("art"), max_length=8, choices=Kind.choices)
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("fravær under punkt")
        verbose_name_plural = _("fravær under punkter")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="item_attendance_unique"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class Approval(BaseModel):
    """A member's digital signature on the minutes (underskriftsark)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="approvals"
    )
    person = models.ForeignKey(Person, verbose_name=_("medlem"), on_delete=models.PROTECT)
    approved_at = models.DateTimeField(_("godkendt"), default=timezone.now)

    class Meta:
        verbose_name = _("godkendelse af referat")
        verbose_name_plural = _("underskriftsark")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="approval_one_per_member"),
        ]

    def __str__(self):
        return f"{self.person} {self.approved_at:%d.%m.%Y %H:%M}"


class Note(BaseModel):
    """A member's own note on an item: private, or shared with their party group."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(Person, verbose_name=_("forfatter"), on_delete=models.CASCADE)
    text = models.TextField(_("note"))
    shared_with_party = models.BooleanField(_("delt med partigruppen"), default=False)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("noter")
        ordering = ["item", "created"]

    def __str__(self):
        return self.text[:60]
