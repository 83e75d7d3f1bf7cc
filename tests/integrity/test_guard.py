"""Found 2 and 3: one guard for every change to a meeting's content.

A change to a published item re-runs the CPR check and re-opens the item's approval;
approved minutes take no change at all, whichever way it comes (services, file_attach,
the importer)."""

import pytest
from django.core.exceptions import ValidationError

from dagsorden.cases.models import File
from dagsorden.cases.services import file_attach
from dagsorden.demo.bilag import bilag_pdf_bytes
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.services import (
    attendance_record_absence,
    decision_record,
    item_attendance_record,
    item_sections_replace,
    item_set_draft_state,
    item_update,
    meeting_approve_minutes,
)
from dagsorden.meetings.services.guard import content_change_allowed
from tests.factories import local

pytestmark = pytest.mark.django_db

# A made-up number of CPR shape (a real date) that belongs to nobody we know of.
CPR = "150376-4421"


def _update(item, **changes):
    item.refresh_from_db()
    fields = {
        "title": item.title,
        "sections": [(s.heading, s.body) for s in item.sections.order_by("order")],
        "public": item.public,
        "public_title": item.public_title,
        **changes,
    }
    return item_update(item=item, expected_version=item.version, **fields)


def test_an_edit_after_publication_reopens_the_items_approval(shared_case):
    item = shared_case.a_item
    assert item.draft_state == AgendaItem.DraftState.APPROVED
    _update(item, sections=[("Sagens kerne", "Ny tekst efter udsendelsen.")])
    item.refresh_from_db()
    assert item.draft_state == AgendaItem.DraftState.DRAFT
    # ... and the secretary can approve it again on the published agenda.
    item_set_draft_state(item=item, state="ready")
    item_set_draft_state(item=item, state="approved")
    item.refresh_from_db()
    assert item.draft_state == AgendaItem.DraftState.APPROVED


def test_a_cpr_number_added_after_publication_is_refused_and_nothing_is_saved(shared_case):
    item = shared_case.a_item
    with pytest.raises(ValidationError) as refused:
        _update(item, sections=[("Sagens kerne", f"Borgeren har CPR {CPR}.")])
    assert "CPR" in " ".join(refused.value.messages)
    assert CPR not in " ".join(item.sections.values_list("body", flat=True))
    with pytest.raises(ValidationError):
        item_sections_replace(item=item, sections=[("Sagens kerne", CPR)])


def test_ticking_open_on_a_closed_item_runs_the_cpr_check_on_what_becomes_public(shared_case):
    from dagsorden.meetings.services import agenda_item_create

    closed = agenda_item_create(
        meeting=shared_case.a_meeting,
        title="Lukket sag",
        public=False,
        public_title="Personalesag",
        sections=[("Sagens kerne", f"Medarbejderen har CPR {CPR}.")],
    )  # closed: the public sees only the neutral title, so it may hold a CPR number
    with pytest.raises(ValidationError, match="CPR"):
        _update(closed, public=True)
    closed.refresh_from_db()
    assert closed.public is False


def test_opening_a_closed_item_without_cpr_reopens_its_approval(shared_case):
    closed = shared_case.a_meeting.items.create(
        title="Lukket sag", public=False, public_title="Personalesag", draft_state="approved"
    )
    _update(closed, public=True)
    closed.refresh_from_db()
    assert closed.public and closed.draft_state == AgendaItem.DraftState.DRAFT


def _pdf(text):
    return bilag_pdf_bytes(
        title="Notat", municipality="Prøvested Kommune", case_title="Sag", paragraphs=[text]
    )


def test_a_public_bilag_with_a_cpr_number_is_refused_on_a_published_agenda(shared_case):
    with pytest.raises(ValidationError, match="CPR"):
        file_attach(
            data=_pdf(f"Ansøgerens CPR-nummer er {CPR}."),
            name="Ansøgning",
            file_name="ansoegning.pdf",
            agenda_item=shared_case.a_item,
        )
    assert not File.objects.filter(agenda_item=shared_case.a_item).exists()
    # Closed bilag are not public: they may carry it.
    file_attach(
        data=_pdf(f"Ansøgerens CPR-nummer er {CPR}."),
        name="Ansøgning",
        file_name="ansoegning.pdf",
        agenda_item=shared_case.a_item,
        public=False,
    )


def test_a_bilag_cannot_be_attached_to_approved_minutes(shared_case):
    with pytest.raises(ValidationError, match="godkendt og kan ikke ændres"):
        file_attach(
            data=_pdf("Et sent bilag."),
            name="Sent",
            file_name="sent.pdf",
            agenda_item=shared_case.b_closed_item,
            public=False,
        )
    assert not File.objects.filter(agenda_item=shared_case.b_closed_item).exists()


def test_every_service_refuses_approved_minutes(shared_case):
    meeting_approve_minutes(meeting=shared_case.held)
    item, member = shared_case.held_item, shared_case.members_a[1]
    attempts = [
        lambda: _update(item, title="Ny titel"),
        lambda: item_sections_replace(item=item, sections=[("Nyt", "afsnit")]),
        lambda: decision_record(item=item, outcome="udsat"),
        lambda: attendance_record_absence(meeting=shared_case.held, person=member),
        lambda: item_attendance_record(item=item, person=member, kind="inhabil"),
        lambda: item_set_draft_state(item=item, state="draft"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    with pytest.raises(ValidationError, match="godkendt og kan ikke ændres"):
        content_change_allowed(meeting_ids=[shared_case.held.pk])


def test_the_importer_does_not_overwrite_approved_minutes(shared_case):
    from dagsorden.importer.loader import load
    from dagsorden.importer.parsed import ParsedItem, ParsedMeeting

    meeting = shared_case.b_meeting
    parsed = ParsedMeeting(
        kind="minutes",
        body=meeting.organization.name,
        municipality=meeting.organization.municipality.name,
        start=local(2026, 9, 1).replace(tzinfo=None),
        items=[ParsedItem(number="1", title="Omskrevet punkt")],
    )
    with pytest.raises(ValidationError, match="godkendt og kan ikke ændres"):
        load(parsed, source="andet-referat.txt", sha256="f" * 64)
    assert not meeting.items.filter(title="Omskrevet punkt").exists()
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.MINUTES_APPROVED
