import pytest

from dagsorden.meetings.services import agenda_item_create, meeting_create, meeting_publish_agenda
from dagsorden.organisations.models import Organization
from tests.factories import OrganizationFactory, local

pytestmark = pytest.mark.django_db


def _numbers(meeting):
    return list(meeting.items.order_by("order").values_list("number", flat=True))


def _publish(meeting):
    return meeting_publish_agenda(meeting=meeting, at=local(2026, 1, 2))


def test_per_meeting_numbering_starts_at_one_on_each_meeting():
    body = OrganizationFactory(item_numbering=Organization.Numbering.PER_MEETING)
    first = meeting_create(organization=body, start=local(2026, 3, 3))
    second = meeting_create(organization=body, start=local(2026, 4, 7))
    for meeting in (first, second):
        agenda_item_create(meeting=meeting, draft_state="approved", title="A")
        agenda_item_create(meeting=meeting, draft_state="approved", title="B")
    assert _numbers(first) == [1, 2]
    assert _numbers(second) == [1, 2]


def test_running_numbering_continues_through_the_year_and_restarts_next_year():
    body = OrganizationFactory(item_numbering=Organization.Numbering.PER_YEAR)
    march = meeting_create(organization=body, start=local(2026, 3, 3))
    for title in "ABC":
        agenda_item_create(meeting=march, draft_state="approved", title=title)
    _publish(march)
    april = meeting_create(organization=body, start=local(2026, 4, 7))
    item = agenda_item_create(meeting=april, draft_state="approved", title="D")
    assert item.number == 4
    january = meeting_create(organization=body, start=local(2027, 1, 12))
    assert agenda_item_create(meeting=january, draft_state="approved", title="E").number == 1


def test_publishing_numbers_items_in_agenda_order_after_earlier_meetings():
    body = OrganizationFactory(
        item_numbering=Organization.Numbering.PER_YEAR,
        standard_items=[
            {"title": "Godkendelse af dagsorden", "position": "start"},
            {"title": "Eventuelt", "position": "end"},
        ],
    )
    march = meeting_create(organization=body, start=local(2026, 3, 3))
    april = meeting_create(organization=body, start=local(2026, 4, 7))
    agenda_item_create(meeting=march, draft_state="approved", title="Sag i marts")
    agenda_item_create(meeting=april, draft_state="approved", title="Lukket sag", public=False)
    agenda_item_create(meeting=april, draft_state="approved", title="Åben sag")
    _publish(march)
    _publish(april)
    titles = list(april.items.order_by("order").values_list("title", flat=True))
    assert titles == ["Godkendelse af dagsorden", "Åben sag", "Eventuelt", "Lukket sag"]
    assert _numbers(march) == [1, 2, 3]
    assert _numbers(april) == [4, 5, 6, 7]


def test_numbers_running_through_the_year_follow_when_an_earlier_agenda_grows():
    body = OrganizationFactory(item_numbering=Organization.Numbering.PER_YEAR)
    march = meeting_create(organization=body, start=local(2026, 3, 3))
    april = meeting_create(organization=body, start=local(2026, 4, 7))
    agenda_item_create(meeting=march, title="A")
    agenda_item_create(meeting=april, title="B")
    agenda_item_create(meeting=april, title="C")
    assert _numbers(april) == [2, 3]
    agenda_item_create(meeting=march, title="A2")  # added late to the earlier agenda
    assert _numbers(march) == [1, 2]
    assert _numbers(april) == [3, 4]
