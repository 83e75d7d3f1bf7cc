"""What the OParl API (and the bulk export) may show: one queryset per list, per
municipality, with everything its objects embed prefetched.

Rules, the same as the portal's:
- meetings only once their agenda is sent out (`PUBLIC_STATES`);
- items of those meetings; closed items appear by their neutral title alone (the
  serialiser never reads their content, and nothing below prefetches it for them);
- decisions, votes, attendance only with approved minutes (decided in the serialiser
  from `meeting.state`);
- cases (Paper) only when an open item of a public meeting treats them;
- bilag (File) only when public, stored, and on an open item of a public meeting.

Every list has a *scope* (rows that are or were public) and an *alive* condition. Soft-
deleted rows of the scope are listed as `deleted: true` stubs only when the harvester
asks for changes (`modified_since`). `changed` is the moment the object as shown last
changed: an item also changes when its meeting's minutes are approved or its decision
is edited, so `modified_since` finds it.
"""

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest

from dagsorden.cases.models import Case, Consultation, File
from dagsorden.meetings.models import (
    AgendaItem,
    Attendance,
    DecisionRemark,
    ItemAttendance,
    Meeting,
    Section,
    Vote,
)
from dagsorden.meetings.selectors import PUBLIC_STATES
from dagsorden.organisations.models import (
    LegislativeTerm,
    Location,
    Membership,
    Municipality,
    Organization,
    Person,
)

# --- visibility conditions -------------------------------------------------------------

ITEM_SCOPE = Q(meeting__state__in=PUBLIC_STATES)
ITEM_ALIVE = Q(deleted=False, meeting__deleted=False)


def _open_items(prefix: str = "") -> Q:
    """Open, alive items of public meetings, as a condition on `prefix` + item fields."""
    return Q(
        **{
            f"{prefix}public": True,
            f"{prefix}deleted": False,
            f"{prefix}meeting__deleted": False,
            f"{prefix}meeting__state__in": PUBLIC_STATES,
        }
    )


def _case_is_public():
    """Exists(...) for a case in OuterRef("pk"): an open item of a public meeting treats it."""
    return Exists(
        AgendaItem.objects.filter(_open_items(), consultation__case=OuterRef("pk")).values("pk")
    )


def public_files() -> QuerySet[File]:
    """Bilag the public may download (the portal's `file_download` rule)."""
    return File.objects.filter(_open_items("agenda_item__"), deleted=False, public=True).exclude(
        file=""
    )


def _changed_with(*related: tuple[type, str, str]):
    """`modified`, or later when a row the object shows (embeds or links) changed: each
    (model, field pointing at this object, timestamp field of that model's rows)."""
    newest = [
        Coalesce(
            Subquery(
                model.objects.filter(**{link: OuterRef("pk")})
                .values(link)
                .annotate(newest=Max(stamp))
                .values("newest")
            ),
            "modified",
        )
        for model, link, stamp in related
    ]
    return Greatest("modified", *newest)


# --- one list --------------------------------------------------------------------------


@dataclass(frozen=True)
class OParlList:
    """A kind of OParl object: its rows per municipality and whether a row is alive."""

    kind: str  # URL segment and key of the serialiser, e.g. "meeting"
    model: type

    def rows(self, municipality: Municipality, *, with_deleted: bool = False) -> QuerySet:
        """The list for one body in stable order (by id), annotated with `changed`."""
        queryset = self._annotated(municipality)
        if not with_deleted:
            queryset = queryset.filter(api_alive=True)
        return queryset.order_by("pk")

    def get(self, pk: int):
        """One object of the scope (alive or soft-deleted), or None when never public."""
        return self._annotated(None).filter(pk=pk).first()

    def _annotated(self, municipality: Municipality | None) -> QuerySet:
        alive = ExpressionWrapper(_ALIVE[self.kind], output_field=BooleanField())
        return _BUILDERS[self.kind](municipality).annotate(api_alive=alive)


def _by_municipality(queryset: QuerySet, municipality: Municipality | None, path: str):
    return queryset if municipality is None else queryset.filter(**{path: municipality})


def _organizations(municipality):
    memberships = Membership.objects.filter(deleted=False, person__deleted=False).order_by("pk")
    queryset = (
        Organization.objects.select_related("default_location", "municipality")
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="api_memberships"))
        .annotate(changed=_changed_with((Membership, "organization", "modified")))
    )
    return _by_municipality(queryset, municipality, "municipality")


def _persons(municipality):
    memberships = (
        Membership.objects.filter(deleted=False, organization__deleted=False)
        .select_related("party")
        .order_by("start_date", "pk")
    )
    has_membership = Exists(Membership.objects.filter(person=OuterRef("pk")))
    queryset = (
        Person.objects.filter(has_membership)
        .select_related("party", "municipality")
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="api_memberships"))
        .annotate(changed=_changed_with((Membership, "person", "modified")))
    )
    return _by_municipality(queryset, municipality, "municipality")


def _memberships(municipality):
    queryset = Membership.objects.select_related("party", "person", "organization").annotate(
        changed=F("modified")
    )
    return _by_municipality(queryset, municipality, "organization__municipality")


def _meeting_items_prefetch() -> Prefetch:
    items = (
        AgendaItem.objects.filter(deleted=False)
        .select_related("meeting", "recommendation", "decision", "consultation")
        .prefetch_related(*_item_prefetches())
        .annotate(changed=_item_changed())
        .order_by("order", "number", "pk")
    )
    return Prefetch("items", queryset=items, to_attr="api_items")


def _meetings(municipality):
    attendances = Attendance.objects.filter(deleted=False)
    members = Membership.objects.filter(deleted=False).order_by("pk")
    queryset = (
        Meeting.objects.filter(state__in=PUBLIC_STATES)
        .select_related("organization", "location")
        .prefetch_related(
            _meeting_items_prefetch(),
            Prefetch("attendances", queryset=attendances.order_by("pk"), to_attr="api_attendance"),
            Prefetch("organization__memberships", queryset=members, to_attr="api_members"),
        )
        .annotate(changed=_changed_with((AgendaItem, "meeting", "modified")))
    )
    return _by_municipality(queryset, municipality, "organization__municipality")


def _item_changed():
    return Greatest("modified", "meeting__modified", Coalesce("decision__modified", "modified"))


def _item_prefetches() -> list:
    files = public_files().order_by("order", "pk")
    return [
        Prefetch("sections", queryset=Section.objects.filter(deleted=False).order_by("order")),
        Prefetch("files", queryset=files, to_attr="api_files"),
        Prefetch(
            "votes",
            queryset=Vote.objects.filter(deleted=False).select_related("party").order_by("pk"),
            to_attr="api_votes",
        ),
        Prefetch(
            "attendance_exceptions",
            queryset=ItemAttendance.objects.filter(deleted=False).order_by("pk"),
            to_attr="api_exceptions",
        ),
        Prefetch(
            "decision__remarks",
            queryset=DecisionRemark.objects.filter(deleted=False).prefetch_related("persons"),
            to_attr="api_remarks",
        ),
    ]


def _items(municipality):
    queryset = (
        AgendaItem.objects.filter(ITEM_SCOPE)
        .select_related("meeting", "recommendation", "decision", "consultation")
        .prefetch_related(*_item_prefetches())
        .annotate(changed=_item_changed())
    )
    return _by_municipality(queryset, municipality, "meeting__organization__municipality")


def _consultation_items_prefetch() -> Prefetch:
    """The open, visible items that treated a consultation (latest meeting last)."""
    items = AgendaItem.objects.filter(_open_items()).order_by("meeting__start", "pk")
    return Prefetch("agenda_items", queryset=items, to_attr="api_items")


def _consultation_changed():
    """A treatment changes when an item treating it is put on a published agenda."""
    return _changed_with(
        (AgendaItem, "consultation", "modified"),
        (AgendaItem, "consultation", "meeting__modified"),
    )


def _papers(municipality):
    consultations = (
        Consultation.objects.filter(deleted=False)
        .select_related("organization")
        .prefetch_related(_consultation_items_prefetch())
        .annotate(changed=_consultation_changed())
        .order_by("order")
    )
    was_public = Exists(
        AgendaItem.objects.filter(
            public=True, meeting__state__in=PUBLIC_STATES, consultation__case=OuterRef("pk")
        )
    )
    queryset = (
        Case.objects.filter(was_public)
        .annotate(is_public=_case_is_public())
        .prefetch_related(
            Prefetch("consultations", queryset=consultations, to_attr="api_consultations")
        )
        .annotate(
            changed=_changed_with(
                (Consultation, "case", "modified"),
                (AgendaItem, "consultation__case", "modified"),
                (AgendaItem, "consultation__case", "meeting__modified"),
            )
        )
    )
    return _by_municipality(queryset, municipality, "municipality")


def _consultations(municipality):
    queryset = (
        Consultation.objects.filter(
            Exists(
                AgendaItem.objects.filter(
                    public=True,
                    meeting__state__in=PUBLIC_STATES,
                    consultation__case=OuterRef("case"),
                )
            )
        )
        .annotate(
            case_public=Exists(
                Case.objects.filter(pk=OuterRef("case")).filter(_case_is_public(), deleted=False)
            )
        )
        .select_related("organization", "case")
        .prefetch_related(_consultation_items_prefetch())
        .annotate(changed=_consultation_changed())
    )
    return _by_municipality(queryset, municipality, "case__municipality")


def _files(municipality):
    queryset = (
        File.objects.filter(agenda_item__public=True, agenda_item__meeting__state__in=PUBLIC_STATES)
        .exclude(file="")
        .select_related("agenda_item__meeting", "case")
        .annotate(
            case_public=Exists(
                Case.objects.filter(pk=OuterRef("case")).filter(_case_is_public(), deleted=False)
            )
        )
        .annotate(changed=F("modified"))
    )
    return _by_municipality(queryset, municipality, "municipality")


def _locations(municipality):
    queryset = Location.objects.annotate(changed=F("modified"))
    return _by_municipality(queryset, municipality, "municipality")


def _terms(municipality):
    queryset = LegislativeTerm.objects.select_related("municipality").annotate(
        changed=F("modified")
    )
    return _by_municipality(queryset, municipality, "municipality")


_BUILDERS = {
    "organization": _organizations,
    "person": _persons,
    "membership": _memberships,
    "meeting": _meetings,
    "agendaitem": _items,
    "paper": _papers,
    "consultation": _consultations,
    "file": _files,
    "location": _locations,
    "legislativeterm": _terms,
}

_ALIVE = {
    "organization": Q(deleted=False),
    "person": Q(deleted=False)
    & Exists(Membership.objects.filter(person=OuterRef("pk"), deleted=False)),
    "membership": Q(deleted=False, person__deleted=False, organization__deleted=False),
    "meeting": Q(deleted=False),
    "agendaitem": ITEM_ALIVE,
    "paper": Q(deleted=False, is_public=True),
    "consultation": Q(deleted=False, case__deleted=False, case_public=True),
    "file": Q(deleted=False, public=True) & _open_items("agenda_item__"),
    "location": Q(deleted=False),
    "legislativeterm": Q(deleted=False),
}


LISTS = {
    kind: OParlList(kind=kind, model=qs_model)
    for kind, qs_model in [
        ("organization", Organization),
        ("person", Person),
        ("membership", Membership),
        ("meeting", Meeting),
        ("agendaitem", AgendaItem),
        ("paper", Case),
        ("consultation", Consultation),
        ("file", File),
        ("location", Location),
        ("legislativeterm", LegislativeTerm),
    ]
}


def bodies() -> QuerySet[Municipality]:
    return (
        Municipality.objects.filter(deleted=False)
        .annotate(changed=F("modified"))  # what modified_since filters on
        .prefetch_related(Prefetch("terms", queryset=LegislativeTerm.objects.filter(deleted=False)))
        .order_by("pk")
    )
