"""The political and administrative structure of a municipality (OParl Body, Organization,
Person, Membership, LegislativeTerm, Location) and the parties members represent."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from dagsorden.core.models import AliveQuerySet, BaseModel

from .style import (
    DEFAULT_ACCENT,
    HEX_COLOUR,
    validate_accent_colour,
    validate_host,
    validate_portal_slug,
)


class Municipality(BaseModel):
    """A kommune: the OParl Body."""

    name = models.CharField(_("navn"), max_length=120)
    slug = models.SlugField(_("kortnavn"), unique=True, validators=[validate_portal_slug])
    code = models.CharField(
        _("kommunekode"), max_length=3, blank=True, help_text=_("Tre cifre, fx 101")
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    document_style = models.CharField(
        _("dokumentlayout"),
        max_length=40,
        default="standard",
        help_text=_("Navnet på det layout, dagsordener og referater trykkes i"),
    )
    item_template = models.JSONField(
        _("skabelon for punkter"),
        default=list,
        blank=True,
        help_text=_("Overskrifterne i et punkt, i rækkefølge (fx Sagens kerne, Sagsfremstilling)"),
    )
    agenda_deadline_workdays = models.PositiveSmallIntegerField(
        _("frist for dagsorden (hverdage)"),
        default=4,
        help_text=_("Hvor mange hverdage før mødet dagsordenen senest skal udsendes"),
    )
    host = models.CharField(
        _("værtsnavn"),
        max_length=253,
        blank=True,
        validators=[validate_host],
        help_text=_("Eget værtsnavn for kommunens portal, fx dagsorden.eksempel.dk (valgfrit)"),
    )
    accent_colour = models.CharField(
        _("accentfarve"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent_colour],
        help_text=_("Farven i portalens hoved og på links, fx #0b5cab"),
    )

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]
        constraints = [
            # One portal per host name; most municipalities have none of their own.
            models.UniqueConstraint(
                fields=["host"], condition=~models.Q(host=""), name="municipality_unique_host"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def portal_accent(self) -> str:
        """The accent colour for the page's style sheet: a row written past the form's
        validation (importer, shell) cannot put anything else into the CSS."""
        return self.accent_colour if HEX_COLOUR.match(self.accent_colour) else DEFAULT_ACCENT


class LegislativeTerm(BaseModel):
    """A valgperiode, e.g. 2026-2029."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="terms"
    )
    name = models.CharField(_("navn"), max_length=40)
    start_date = models.DateField(_("startdato"))
    end_date = models.DateField(_("slutdato"))

    class Meta:
        verbose_name = _("valgperiode")
        verbose_name_plural = _("valgperioder")
        ordering = ["municipality", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="term_unique_name"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="term_dates_ordered"
            ),
        ]

    def __str__(self):
        return self.name

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


class Party(BaseModel):
    """A parti or valggruppe, shown by its letter (A, C, F, V, Ø …)."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="parties"
    )
    letter = models.CharField(_("bogstav"), max_length=4)
    name = models.CharField(_("navn"), max_length=120)

    class Meta:
        verbose_name = _("parti")
        verbose_name_plural = _("partier")
        ordering = ["letter"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "letter"], name="party_unique_letter"),
        ]

    def __str__(self):
        return f"{self.letter} – {self.name}"


class Location(BaseModel):
    """A mødested."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="locations"
    )
    description = models.CharField(_("betegnelse"), max_length=200)
    room = models.CharField(_("lokale"), max_length=120, blank=True)
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=10, blank=True)
    locality = models.CharField(_("by"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("mødested")
        verbose_name_plural = _("mødesteder")
        ordering = ["description"]

    def __str__(self):
        return ", ".join(p for p in [self.room, self.description] if p)


class Organization(BaseModel):
    """A body that meets: kommunalbestyrelse, udvalg, råd or the administrative direktion."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Kommunalbestyrelse / byråd")
        FINANCE = "finance", _("Økonomiudvalg")
        COMMITTEE = "committee", _("Fagudvalg")
        BOARD = "board", _("Råd eller nævn")
        EXECUTIVE = "executive", _("Direktion")
        OTHER = "other", _("Andet")

    class Numbering(models.TextChoices):
        PER_MEETING = "meeting", _("Fortløbende pr. møde")
        PER_YEAR = "year", _("Fortløbende gennem året")
        PER_TERM = "term", _("Fortløbende gennem valgperioden")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommune"),
        on_delete=models.CASCADE,
        related_name="organizations",
    )
    name = models.CharField(_("navn"), max_length=160)
    short_name = models.CharField(_("forkortelse"), max_length=40, blank=True)
    slug = models.SlugField(_("kortnavn"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    item_numbering = models.CharField(
        _("nummerering af punkter"),
        max_length=10,
        choices=Numbering.choices,
        default=Numbering.PER_MEETING,
    )
    standard_items = models.JSONField(
        _("faste punkter"),
        default=list,
        blank=True,
        help_text=_(
            'Punkter på hver dagsorden, fx [{"title": "Godkendelse af dagsorden", '
            '"position": "start"}, {"title": "Eventuelt", "position": "end"}]'
        ),
    )
    item_template = models.JSONField(
        _("skabelon for punkter"),
        default=list,
        blank=True,
        help_text=_(
            "Udvalgets egne afsnit i rækkefølge; tomt: kommunens skabelon. Fx "
            '[{"heading": "Sagens kerne", "guidance": "Hvad skal udvalget tage stilling '
            'til?", "required": true}]. Vejledning og krav arves fra kommunens afsnit med '
            "samme overskrift."
        ),
    )
    document_style = models.CharField(
        _("dokumentlayout"),
        max_length=40,
        blank=True,
        help_text=_("Tomt: kommunens layout bruges"),
    )
    default_location = models.ForeignKey(
        Location,
        verbose_name=_("fast mødested"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    start_date = models.DateField(_("oprettet den"), null=True, blank=True)
    end_date = models.DateField(_("nedlagt den"), null=True, blank=True)

    class Meta:
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="organization_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_political(self) -> bool:
        return self.kind != self.Kind.EXECUTIVE

    @property
    def style_name(self) -> str:
        return self.document_style or self.municipality.document_style

    def members_on(self, day: dt.date):
        """Memberships active on `day`, chair first."""
        return self.memberships.active_on(day).select_related("person", "party").chair_first()


class Person(BaseModel):
    """A politician or official who attends meetings."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="persons"
    )
    given_name = models.CharField(_("fornavn"), max_length=120)
    family_name = models.CharField(_("efternavn"), max_length=120)
    party = models.ForeignKey(
        Party,
        verbose_name=_("parti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    title = models.CharField(_("titel"), max_length=120, blank=True)
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("brugerkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["family_name", "given_name"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def name_with_party(self, party: Party | None = None) -> str:
        party = party or self.party
        return f"{self.name} ({party.letter})" if party else self.name


class MembershipQuerySet(AliveQuerySet):
    def active_on(self, day: dt.date):
        return self.filter(
            models.Q(start_date__lte=day),
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day),
            deleted=False,
        )

    def chair_first(self):
        """Formand, næstformand, members, advisory members; then by name."""
        order = models.Case(
            *[models.When(role=role, then=rank) for role, rank in Membership.ROLE_ORDER.items()],
            default=9,
            output_field=models.IntegerField(),
        )
        return self.annotate(role_rank=order).order_by(
            "role_rank", "person__family_name", "person__given_name"
        )


class Membership(BaseModel):
    """A person's seat in a body for a period, with role and the party they sit for."""

    class Role(models.TextChoices):
        CHAIR = "formand", _("Formand")
        VICE_CHAIR = "naestformand", _("Næstformand")
        MEMBER = "medlem", _("Medlem")
        ADVISORY = "tilforordnet", _("Tilforordnet (uden stemmeret)")

    ROLE_ORDER = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.ADVISORY: 3}

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("udvalg"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    term = models.ForeignKey(
        LegislativeTerm,
        verbose_name=_("valgperiode"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.ForeignKey(
        Party,
        verbose_name=_("valgt for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Partiet, medlemmet sidder for (OParl onBehalfOf)"),
    )
    voting_right = models.BooleanField(_("stemmeret"), default=True)
    start_date = models.DateField(_("fra"))
    end_date = models.DateField(_("til"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["organization", "start_date", "person__family_name"]

    def __str__(self):
        return f"{self.person} – {self.organization} ({self.get_role_display()})"

    def is_active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)
