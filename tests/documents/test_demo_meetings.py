"""The demo municipality through every style: minutes with decisions, votes, history,
absences and digital approvals, as HTML and Markdown."""

import datetime as dt
import re
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from dagsorden.demo.build import demo_load
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.html import to_html
from dagsorden.documents.styles import STYLES, style_get
from dagsorden.documents.text import to_markdown
from dagsorden.meetings.models import Meeting

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_load(now=NOW)
        yield
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def _minutes_with_history():
    meetings = Meeting.objects.filter(state=Meeting.State.MINUTES_APPROVED).order_by("start")
    for meeting in meetings:
        if meeting.items.filter(votes__isnull=False).exists() and meeting.approvals.exists():
            return meeting
    raise AssertionError("the demo has no approved minutes with a vote")


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("name", sorted(STYLES))
def test_minutes_html_is_semantic(demo, name):
    meeting = _minutes_with_history()
    document = document_from_meeting(meeting, variant="members", style=style_get(name))
    parser = Outline()
    parser.feed(to_html(document))
    tags = [tag for tag, _attrs in parser.tags]
    assert parser.tags[0] == ("html", {"lang": "da"})
    assert tags.count("h1") == 1
    assert tags.count("article") == len(document.items)
    assert ("nav", {"class": "toc", "aria-labelledby": "toc-heading"}) in parser.tags
    ids = {attrs["id"] for _tag, attrs in parser.tags if "id" in attrs}
    labelled = [attrs["aria-labelledby"] for _t, attrs in parser.tags if "aria-labelledby" in attrs]
    assert set(labelled) <= ids  # every landmark names an existing heading


@pytest.mark.parametrize("name", sorted(STYLES))
def test_minutes_markdown_has_decisions_votes_and_signatures(demo, name):
    meeting = _minutes_with_history()
    style = style_get(name)
    markdown = to_markdown(document_from_meeting(meeting, variant="members", style=style))
    assert "Afstemning:" in markdown
    assert re.search(r"^### Beslutning", markdown, re.MULTILINE)
    if style.signature_sheet:
        approvals = meeting.approvals.count()
        assert markdown.count("– godkendt ") == approvals


def test_history_of_a_case_shows_earlier_bodies(demo):
    meeting = _minutes_with_history()
    document = document_from_meeting(meeting, style=style_get("holbaek"))
    history = [b for item in document.items for b in item.blocks if b.role == "@history"]
    assert history, "a council item carries the treatments before it"
    assert re.search(r"\*\*\d\d/\d\d/\d{4} \S", history[0].body)
