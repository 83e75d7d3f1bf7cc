"""A feed reader renders an item's description as HTML. A `<script>` typed into an item
title or a decision text must reach it as text, never as markup; and a control
character in stored text must not break the feed."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from dagsorden.meetings.models import AgendaItem, Decision, Meeting

PLANTED = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ATOM = "{http://www.w3.org/2005/Atom}"


def descriptions(response) -> list[str]:
    """The descriptions as the feed reader gets them: XML-unescaped, so HTML."""
    root = ElementTree.fromstring(response.content)
    rss = [node.text or "" for node in root.iter("description")]
    atom = [node.text or "" for node in root.iter(f"{ATOM}summary")]
    return rss + atom


def assert_inert(texts: list[str]) -> None:
    joined = "\n".join(texts)
    assert "alert" in joined, "the planted text should be in the feed, escaped"
    assert "<script" not in joined
    assert "<img" not in joined
    assert "&lt;script&gt;" in joined


@pytest.fixture
def planted(published_case):
    item = published_case["item"]
    AgendaItem.objects.filter(pk=item.pk).update(title=f"Ny politik {PLANTED}")
    # Approved minutes with the planted decision text, written straight to the rows:
    # how the text got there (staff page, import, admin) does not matter to the feed.
    Decision.objects.create(
        item=item, outcome=Decision.Outcome.APPROVED, text=f"Godkendt. {PLANTED}"
    )
    Meeting.objects.filter(pk=item.meeting_id).update(state=Meeting.State.MINUTES_APPROVED)
    return published_case


@pytest.mark.parametrize("feed", ["portal:body_rss", "portal:body_atom"])
def test_body_feed_escapes_item_titles(client, planted, feed):
    response = client.get(reverse(feed, args=[planted["committee"].pk]))
    assert response.status_code == 200
    assert_inert(descriptions(response))


@pytest.mark.parametrize("feed", ["portal:case_rss", "portal:case_atom"])
def test_case_feed_escapes_decision_text(client, planted, feed):
    response = client.get(reverse(feed, args=[planted["case"].pk]))
    assert response.status_code == 200
    texts = descriptions(response)
    assert any("Godkendt." in text for text in texts)
    assert_inert(texts)


@pytest.mark.parametrize("feed", ["portal:body_rss", "portal:case_atom"])
def test_control_characters_in_stored_text_do_not_break_the_feed(client, planted, feed):
    AgendaItem.objects.filter(pk=planted["item"].pk).update(title="Ny\x01 politik\x0b\x1f")
    target = planted["committee"] if feed.startswith("portal:body") else planted["case"]
    response = client.get(reverse(feed, args=[target.pk]))
    assert response.status_code == 200
    ElementTree.fromstring(response.content)  # well-formed XML
    assert b"Ny politik" in response.content
