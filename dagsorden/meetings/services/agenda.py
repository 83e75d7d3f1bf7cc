"""Building and publishing the agenda: meetings, items, cases put on the agenda."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dagsorden.cases.models import Consultation
from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import LegislativeTerm, Organization

from ..checks import agenda_publication_problems
from ..models import (
    AgendaItem,
    Meeting,
    Recommendation,
    Section,
)
from ..numbering import agenda_first_number, agenda_item_next_number
from ..recommendation import recommendation_wording
from ..workdays import workdays_before
from ._common import (
    ensure_editable,
    ensure_state,
    lock_body,
    meeting_for_update,
    publication_follow_up,
)
from .carry import bilag_share, earliest_meeting_start, item_draft_for
from .guard import PUBLISHED_STATES, content_change_allowed, published_item_changed

SectionText = tuple[str, str]


@transaction.atomic
def agenda_item_create(
    *,
    meeting: Meeting,
    title: str,
    sections: Sequence[SectionText] = (),
    public: bool = True,
    public_title: str = "",
    item_type: str = "",
    recommendation_by: str = "",
    recommendation_clauses: Sequence[str] = (),
    recommendation_to: str = "",
    consultation: Consultation | None = None,
    placement: str = AgendaItem.Placement.MAIN,
    presenters: str = "",
    draft_state: str = AgendaItem.DraftState.DRAFT,
    by=None,
) -> AgendaItem:
    """Add an item with the next number under the body's numbering rule, in its place on
    the agenda: after the opening standard items, open cases before the closing standard
    items, closed items last."""
    meeting = meeting_for_update(meeting.pk)
    ensure_editable(meeting)
    lock_body(meeting.organization_id)
    item = AgendaItem(
        meeting=meeting,
        consultation=consultation,
        number=agenda_item_next_number(meeting=meeting),
        title=title,
        public=public,
        public_title=public_title if not public else "",
        item_type=item_type,
        placement=placement,
        presenters=presenters,
        draft_state=draft_state,
    )
    item.order = _agenda_slot(meeting, item.agenda_rank)
    item.full_clean()
    item.save()
    Section.objects.bulk_create(
        Section(item=item, order=order, heading=heading, body=body)
        for order, (heading, body) in enumerate(sections, start=1)
    )
    _recommendation_replace(item, recommendation_by, recommendation_clauses, recommendation_to)
    renumber_while_planned(meeting)
    item.refresh_from_db(fields=["number"])
    published_item_changed(item=item, by=by, what=title)
    audit_record(action="agenda_item_create", obj=item, by=by, summary=title)
    return item


@transaction.atomic
def meeting_create(
    *,
    organization: Organization,
    start: dt.datetime,
    end: dt.datetime | None = None,
    location=None,
    by=None,
) -> Meeting:
    """Plan a meeting; the body's standard items are put on its agenda at once."""
    term = LegislativeTerm.objects.filter(
        municipality=organization.municipality_id,
        start_date__lte=timezone.localdate(start),
        end_date__gte=timezone.localdate(start),
    ).first()
    meeting = Meeting(
        organization=organization,
        term=term,
        start=start,
        end=end,
        location=location or organization.default_location,
    )
    meeting.full_clean()
    meeting.save()
    for standard in organization.standard_items:
        agenda_item_create(
            meeting=meeting,
            title=standard["title"],
            placement=standard.get("position", AgendaItem.Placement.START),
            # Standard items are the body's own boilerplate: ready as they are.
            draft_state=AgendaItem.DraftState.APPROVED,
            by=by,
        )
    audit_record(action="meeting_create", obj=meeting, by=by)
    return meeting


@transaction.atomic
def item_sections_replace(*, item: AgendaItem, sections: Sequence[SectionText], by=None) -> None:
    """Replace an item's sections (heading, Markdown) with new text, in the given order."""
    content_change_allowed(meeting_ids=[item.meeting_id])
    item.sections.all().delete()
    Section.objects.bulk_create(
        Section(item=item, order=order, heading=heading, body=body)
        for order, (heading, body) in enumerate(sections, start=1)
    )
    published_item_changed(item=item, by=by, what="sections")
    audit_record(action="item_sections_replace", obj=item, by=by)


def _agenda_slot(meeting: Meeting, rank: int) -> int:
    """Make room for an item of `rank` after the items that go before it; return its order."""
    items = list(meeting.items.alive().order_by("order"))
    before = [item.order for item in items if item.agenda_rank <= rank]
    slot = (max(before) if before else 0) + 1
    meeting.items.filter(order__gte=slot).update(order=F("order") + 1, modified=timezone.now())
    return slot


def renumber_while_planned(meeting: Meeting) -> None:
    """Before publication the numbers shown are the agenda order, whatever was added or
    moved; once published, numbers stay as printed."""
    if meeting.state != Meeting.State.PLANNED:
        return
    _renumber_in_agenda_order(meeting)
    if meeting.organization.item_numbering == Organization.Numbering.PER_MEETING:
        return
    # Numbers run on through the year or term: the body's later planned agendas follow.
    later = Meeting.objects.alive().filter(
        organization=meeting.organization_id, start__gt=meeting.start, state=meeting.state
    )
    for following in later.order_by("start"):
        _renumber_in_agenda_order(following)


def _renumber_in_agenda_order(meeting: Meeting) -> None:
    """Number the items consecutively in agenda order, continuing the body's sequence."""
    first = agenda_first_number(meeting=meeting)
    for number, item in enumerate(meeting.items.alive().order_by("order"), start=first):
        if item.number != number:
            item.number = number
            item.save(update_fields=["number", "modified"])


@transaction.atomic
def case_schedule(
    *, consultation: Consultation, meeting: Meeting, title: str = "", by=None, **item_fields
) -> AgendaItem:
    """Put a case on a meeting of the body whose turn it is, as a new agenda item.

    Unless the caller gives the text, the item is drafted from the previous body's item
    (sections, indstilling, the same bilag) or, at the first body, from the template."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.organization_id != meeting.organization_id:
        raise ValidationError(
            _("Sagen skal behandles i %(body)s, ikke i %(other)s.")
            % {"body": consultation.organization, "other": meeting.organization},
            code="wrong_body",
        )
    if consultation.status != Consultation.Status.READY:
        raise ValidationError(
            _("Sagen kan ikke sættes på: behandlingen har status »%(status)s«.")
            % {"status": consultation.get_status_display()},
            code="not_ready",
        )
    ensure_state(
        meeting_for_update(meeting.pk), Meeting.State.PLANNED, Meeting.State.AGENDA_PUBLISHED
    )
    _ensure_after_previous_decision(consultation, meeting)
    draft = item_draft_for(consultation)
    fields = (
        {**draft.item_fields(), **item_fields} if "sections" not in item_fields else item_fields
    )
    item = agenda_item_create(
        meeting=meeting,
        title=title or consultation.case.title,
        consultation=consultation,
        by=by,
        **fields,
    )
    if draft.source is not None and "sections" not in item_fields:
        bilag_share(source=draft.source, target=item)
        published_item_changed(item=item, by=by, what="bilag")  # the shared bilag too
    consultation.status = Consultation.Status.SCHEDULED
    consultation.planned_meeting = meeting
    consultation.save(update_fields=["status", "planned_meeting", "modified"])
    return item


def _ensure_after_previous_decision(consultation: Consultation, meeting: Meeting) -> None:
    earliest = earliest_meeting_start(consultation)
    if earliest is not None and meeting.start <= earliest:
        raise ValidationError(
            _(
                "Mødet den %(day)s ligger før den forrige behandling (%(previous)s). Sagen kan "
                "først komme på et møde efter beslutningen."
            )
            % {
                "day": timezone.localtime(meeting.start).strftime("%d.%m.%Y"),
                "previous": timezone.localtime(earliest).strftime("%d.%m.%Y"),
            },
            code="before_previous_decision",
        )


def agenda_deadline(meeting: Meeting) -> dt.datetime:
    """The latest time the agenda may be sent: N workdays before the meeting day."""
    days = meeting.organization.municipality.agenda_deadline_workdays
    local_start = timezone.localtime(meeting.start)
    deadline_day = workdays_before(local_start.date(), days)
    return local_start.replace(
        year=deadline_day.year, month=deadline_day.month, day=deadline_day.day
    )


@transaction.atomic
def meeting_publish_agenda(
    *, meeting: Meeting, by=None, late_reason: str = "", at: dt.datetime | None = None
) -> Meeting:
    """Send out the agenda. After the deadline a reason must be given."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, Meeting.State.PLANNED)
    if not meeting.items.alive().exists():
        raise ValidationError(_("Dagsordenen har ingen punkter."), code="empty_agenda")
    published_at = at or timezone.now()
    if published_at > agenda_deadline(meeting) and not late_reason.strip():
        raise ValidationError(
            _(
                "Fristen for udsendelse (%(days)s hverdage før mødet) er overskredet. "
                "Angiv en begrundelse."
            )
            % {"days": meeting.organization.municipality.agenda_deadline_workdays},
            code="deadline_passed",
        )
    problems = agenda_publication_problems(meeting)
    if problems:
        raise ValidationError([str(problem) for problem in problems], code="not_ready")
    lock_body(meeting.organization_id)
    from dagsorden.search.facade import deferred_indexing

    # Renumbering, the state change and the audit row each ask the search index for the
    # meeting's items; one pass at the end indexes them once (the publishing request's
    # largest cost). It still runs inside this transaction.
    with deferred_indexing():
        _renumber_in_agenda_order(meeting)
        meeting.state = Meeting.State.AGENDA_PUBLISHED
        meeting.agenda_published_at = published_at
        meeting.late_reason = late_reason.strip()
        meeting.save()
        audit_record(action="meeting_publish_agenda", obj=meeting, by=by, late_reason=late_reason)
    if at is None:  # a publication recorded after the fact (import, demo) tells nobody
        publication_follow_up(meeting=meeting, notice="agenda_published", by=by)
    return meeting


class EditConflict(ValidationError):
    """Someone else saved the item after this editor opened it."""


@transaction.atomic
def item_update(
    *,
    item: AgendaItem,
    expected_version: int,
    title: str,
    sections: Sequence[SectionText],
    item_type: str = "",
    public: bool = True,
    public_title: str = "",
    presenters: str = "",
    recommendation_by: str = "",
    recommendation_clauses: Sequence[str] = (),
    recommendation_to: str = "",
    by=None,
) -> AgendaItem:
    """Save an edited item, unless someone else saved it since `expected_version`.

    The check and the version bump are one UPDATE, so of two simultaneous saves exactly
    one wins; the other gets EditConflict and keeps its text in the form.
    """
    (meeting,) = content_change_allowed(meeting_ids=[item.meeting_id])
    bumped = AgendaItem.objects.filter(pk=item.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not bumped:
        raise EditConflict(
            _(
                "Punktet er blevet ændret af en anden, siden du åbnede det. Dine ændringer er "
                "ikke gemt: kopier din tekst, genindlæs punktet og indsæt den igen."
            ),
            code="conflict",
        )
    item.refresh_from_db()
    item.title = title
    item.item_type = item_type
    item.public = public
    item.public_title = "" if public else public_title
    item.presenters = presenters
    if meeting.state == Meeting.State.PLANNED and not item.is_standard:
        item.draft_state = AgendaItem.DraftState.DRAFT  # changed text needs approval again
    item.full_clean()
    item.save()
    item.sections.all().delete()
    Section.objects.bulk_create(
        Section(item=item, order=order, heading=heading, body=body)
        for order, (heading, body) in enumerate(sections, start=1)
        if heading.strip()
    )
    _recommendation_replace(item, recommendation_by, recommendation_clauses, recommendation_to)
    # Ticking "Åbent punkt" on a closed item publishes its text: checked like any change.
    published_item_changed(item=item, by=by, what=title)
    audit_record(action="item_update", obj=item, by=by, summary=title, version=item.version)
    return item


def _recommendation_replace(
    item: AgendaItem, by_text: str, clauses: Sequence[str], to: str = ""
) -> None:
    wording = recommendation_wording(by=by_text, clauses=clauses, to=to)
    if not wording.by and not wording.clauses:
        Recommendation.objects.filter(item=item).delete()
        return
    Recommendation.objects.update_or_create(
        item=item, defaults={"by": wording.by, "clauses": wording.clauses, "to": wording.to}
    )


DRAFT_TRANSITIONS = {
    (AgendaItem.DraftState.DRAFT, AgendaItem.DraftState.READY),
    (AgendaItem.DraftState.READY, AgendaItem.DraftState.APPROVED),
    (AgendaItem.DraftState.READY, AgendaItem.DraftState.DRAFT),
    (AgendaItem.DraftState.APPROVED, AgendaItem.DraftState.DRAFT),
}


@transaction.atomic
def item_set_draft_state(*, item: AgendaItem, state: str, by=None) -> AgendaItem:
    """Move an item kladde → klar → godkendt (or back to kladde), noting who and when.

    After publication too: an item changed on a published agenda is approved again."""
    (meeting,) = content_change_allowed(meeting_ids=[item.meeting_id])
    ensure_state(meeting, Meeting.State.PLANNED, *PUBLISHED_STATES)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if state not in AgendaItem.DraftState.values:
        raise ValidationError(_("Ukendt status: %(state)s") % {"state": state}, code="bad_state")
    if (item.draft_state, state) not in DRAFT_TRANSITIONS:
        raise ValidationError(
            _("Et punkt kan ikke gå fra »%(old)s« til »%(new)s«.")
            % {"old": item.get_draft_state_display(), "new": AgendaItem.DraftState(state).label},
            code="bad_transition",
        )
    item.draft_state = state
    item.draft_state_by = by if getattr(by, "is_authenticated", False) else None
    item.draft_state_at = timezone.now()
    item.save(update_fields=["draft_state", "draft_state_by", "draft_state_at", "modified"])
    audit_record(action="item_set_draft_state", obj=item, by=by, summary=state)
    return item


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, item_ids: Sequence[int], by=None) -> None:
    """Put the agenda in the given order. Opening standard items stay first, closing ones
    and closed items last: an order that breaks that is refused."""
    meeting = meeting_for_update(meeting.pk)
    ensure_state(meeting, Meeting.State.PLANNED)
    items = {item.pk: item for item in meeting.items.alive()}
    if sorted(items) != sorted(item_ids):
        raise ValidationError(_("Rækkefølgen skal indeholde alle mødets punkter."), code="ids")
    ranks = [items[pk].agenda_rank for pk in item_ids]
    if ranks != sorted(ranks):
        raise ValidationError(
            _("Faste punkter står først eller sidst, og lukkede punkter står til sidst."),
            code="rank_order",
        )
    for order, pk in enumerate(item_ids, start=1):
        if items[pk].order != order:
            AgendaItem.objects.filter(pk=pk).update(order=order, modified=timezone.now())
    renumber_while_planned(meeting)
    audit_record(action="agenda_reorder", obj=meeting, by=by, order=list(item_ids))


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str, by=None) -> None:
    """Swap the item with its neighbour above or below (buttons for keyboard users)."""
    ids = list(item.meeting.items.alive().order_by("order").values_list("pk", flat=True))
    index = ids.index(item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ids):
        return
    ids[index], ids[other] = ids[other], ids[index]
    agenda_reorder(meeting=item.meeting, item_ids=ids, by=by)
