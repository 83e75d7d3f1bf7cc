"""Found 9: a stale save of a decision is refused, says someone else changed it, and
keeps what was typed."""

import re

import pytest
from django.urls import reverse

from dagsorden.meetings.services import EditConflict, decision_record

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def live(shared_case):
    """Body A's held meeting: its decision can still be corrected before approval."""
    return shared_case


def test_the_service_refuses_a_save_made_from_an_old_version(live):
    item = live.held_item
    version = item.decision.version
    decision_record(item=item, outcome="godkendt", text="Første rettelse", expected_version=version)
    with pytest.raises(EditConflict, match="ændret af en anden"):
        decision_record(item=item, outcome="udsat", text="Anden", expected_version=version)
    item.decision.refresh_from_db()
    assert item.decision.text == "Første rettelse"


def test_a_first_decision_typed_while_someone_else_recorded_one_is_refused(live):
    item = live.held.items.create(title="Nyt punkt", order=9)
    # Two secretaries open the page while there is no decision (version 0); one saves.
    decision_record(item=item, outcome="godkendt", text="Den andens", expected_version=0)
    with pytest.raises(EditConflict, match="ændret af en anden"):
        decision_record(item=item, outcome="udsat", text="Min", expected_version=0)


def test_the_live_page_shows_the_conflict_and_keeps_the_typed_text(client, live):
    item = live.held_item
    client.force_login(live.users["secretary_a"])
    page = client.get(reverse("staff:meeting_live", args=[live.held.pk])).content.decode()
    shown = int(re.search(rf'name="item{item.pk}-version" value="(\d+)"', page).group(1))
    decision_record(item=item, outcome="godkendt", text="Gemt af en kollega")
    response = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {
            f"item{item.pk}-outcome": "anbefales",
            f"item{item.pk}-text": "Min egen formulering",
            f"item{item.pk}-version": shown,
        },
        **HTMX,
    )
    html = response.content.decode()
    assert "ændret af en anden" in html and "Gemt af en kollega" in html
    assert "Min egen formulering" in html  # what was typed is still in the field
    item.decision.refresh_from_db()
    assert item.decision.text == "Gemt af en kollega"
    # Saving again, having seen the message, is a deliberate overwrite.
    current = int(re.search(rf'name="item{item.pk}-version" value="(\d+)"', html).group(1))
    client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {
            f"item{item.pk}-outcome": "anbefales",
            f"item{item.pk}-text": "Min egen formulering",
            f"item{item.pk}-version": current,
        },
        **HTMX,
    )
    item.decision.refresh_from_db()
    assert item.decision.text == "Min egen formulering"
