"""item_update (optimistic locking), item_set_draft_state, agenda_reorder and the
publication checks (approval, CPR)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.services import (
    EditConflict,
    agenda_item_create,
    agenda_item_move,
    agenda_reorder,
    item_set_draft_state,
    item_update,
    meeting_publish_agenda,
)
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(council_setup):
    return agenda_item_create(
        meeting=council_setup["meeting"],
        title="Ny sti",
        sections=[("Sagens kerne", "Første udkast.")],
    )


def _edit(item, version, text):
    return item_update(
        item=item,
        expected_version=version,
        title="Ny sti",
        sections=[("Sagens kerne", text)],
        recommendation_by="Direktionen",
        recommendation_clauses=["stien anlægges", ""],
    )


def test_the_second_of_two_simultaneous_edits_is_refused_and_the_first_kept(item):
    opened_by_both = item.version
    _edit(item, opened_by_both, "Anne skrev dette.")
    with pytest.raises(EditConflict, match="ændret af en anden"):
        _edit(item, opened_by_both, "Bo skrev dette.")
    item.refresh_from_db()
    assert item.sections.get().body == "Anne skrev dette."
    assert item.version == opened_by_both + 1
    assert item.recommendation.clauses == ["stien anlægges"]


def test_drafting_goes_kladde_klar_godkendt_with_who_and_when(item, admin_user):
    item_set_draft_state(item=item, state="ready", by=admin_user)
    approved = item_set_draft_state(item=item, state="approved", by=admin_user)
    assert approved.draft_state_by == admin_user and approved.draft_state_at is not None
    with pytest.raises(ValidationError, match="kan ikke gå fra"):
        item_set_draft_state(item=approved, state="ready")


def test_editing_an_approved_item_needs_a_new_approval(item):
    item_set_draft_state(item=item, state="ready")
    item_set_draft_state(item=item, state="approved")
    item.refresh_from_db()
    edited = _edit(item, item.version, "Rettet tekst.")
    assert edited.draft_state == AgendaItem.DraftState.DRAFT


def test_publication_is_refused_while_an_item_is_not_approved(item, council_setup):
    with pytest.raises(ValidationError) as refused:
        meeting_publish_agenda(meeting=council_setup["meeting"], at=local(2026, 10, 1))
    assert "Punkt 1 »Ny sti«: er ikke godkendt (status: Kladde)" in refused.value.messages
    council_setup["meeting"].refresh_from_db()
    assert council_setup["meeting"].state == Meeting.State.PLANNED


def test_publication_is_refused_with_the_exact_place_of_a_cpr_number(council_setup):
    agenda_item_create(
        meeting=council_setup["meeting"],
        title="Klage over afgørelse",
        draft_state="approved",
        sections=[
            ("Sagens kerne", "Kort."),
            ("Sagsfremstilling", "Linje et.\nBorger 010203-1234."),
        ],
    )
    with pytest.raises(ValidationError) as refused:
        meeting_publish_agenda(meeting=council_setup["meeting"], at=local(2026, 10, 1))
    [message] = refused.value.messages
    assert "Punkt 1 »Klage over afgørelse«, afsnit »Sagsfremstilling«, linje 2" in message
    assert "010203-****" in message and "1234" not in message.split("(")[-1]


def test_a_cpr_number_in_a_closed_items_content_does_not_block_publication(council_setup):
    agenda_item_create(
        meeting=council_setup["meeting"],
        title="Personsag",
        public=False,
        public_title="Lukket punkt",
        draft_state="approved",
        sections=[("Sagsfremstilling", "Borger 010203-1234.")],
    )
    published = meeting_publish_agenda(meeting=council_setup["meeting"], at=local(2026, 10, 1))
    assert published.state == Meeting.State.AGENDA_PUBLISHED


def test_members_with_an_address_are_told_when_the_agenda_is_out(
    council_setup, django_capture_on_commit_callbacks
):
    member = council_setup["members"][0]
    member.email = "medlem@example.invalid"
    member.save()
    agenda_item_create(meeting=council_setup["meeting"], title="Sag", draft_state="approved")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_publish_agenda(meeting=council_setup["meeting"], at=local(2026, 10, 1))
    assert mail.outbox == []  # recorded after the fact: nobody is told
    with django_capture_on_commit_callbacks(execute=True):
        meeting_publish_agenda(meeting=_fresh_meeting(council_setup))
    assert [m.to for m in mail.outbox] == [["medlem@example.invalid"]]
    assert "Dagsorden" in mail.outbox[0].subject


def _fresh_meeting(council_setup):
    """A meeting whose deadline lies ahead, with an approved item."""
    import datetime as dt

    from django.utils import timezone

    from dagsorden.meetings.services import meeting_create

    meeting = meeting_create(
        organization=council_setup["committee"], start=timezone.now() + dt.timedelta(days=30)
    )
    agenda_item_create(meeting=meeting, title="Sag", draft_state="approved")
    return meeting


def test_reordering_keeps_closed_items_last(council_setup):
    meeting = council_setup["meeting"]
    first = agenda_item_create(meeting=meeting, title="A")
    second = agenda_item_create(meeting=meeting, title="B")
    closed = agenda_item_create(meeting=meeting, title="C", public=False)
    agenda_reorder(meeting=meeting, item_ids=[second.pk, first.pk, closed.pk])
    assert list(meeting.items.order_by("order").values_list("title", flat=True)) == ["B", "A", "C"]
    with pytest.raises(ValidationError, match="lukkede punkter"):
        agenda_reorder(meeting=meeting, item_ids=[closed.pk, first.pk, second.pk])
    agenda_item_move(item=first, direction="up")
    assert list(meeting.items.order_by("order").values_list("title", flat=True)) == ["A", "B", "C"]
