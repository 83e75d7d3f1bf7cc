"""Found 1: one rule decides what each document variant may contain for a meeting's
state. Held but unapproved minutes are not public in any format; members read them."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import MEMBERS, PUBLIC
from dagsorden.documents.render import render
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.visibility import meeting_contents

from .conftest import UNAPPROVED_DECISION, UNAPPROVED_REMARK, UNAPPROVED_TITLE

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_unapproved_minutes_are_not_in_the_public_text_documents(client, shared_case, fmt):
    url = reverse(f"documents:meeting_{fmt}", args=[shared_case.held.pk])
    text = client.get(url).content.decode()
    assert UNAPPROVED_TITLE in text  # the agenda is public ...
    for secret in (UNAPPROVED_DECISION, UNAPPROVED_REMARK, "REFERAT", "Afstemning"):
        assert secret not in text  # ... its draft minutes are not
    assert "DAGSORDEN" in text.upper()


def test_unapproved_minutes_are_not_in_the_public_pdf_or_the_combined_pdf(client, shared_case):
    held = shared_case.held.pk
    for name in ("documents:meeting_pdf", "documents:meeting_combined_pdf"):
        text = _pdf_text(client.get(reverse(name, args=[held])).content)
        assert UNAPPROVED_TITLE in text
        assert UNAPPROVED_DECISION not in text and "REFERAT" not in text, name


def test_the_public_meeting_page_follows_the_same_rule(client, shared_case):
    page = client.get(reverse("portal:meeting_detail", args=[shared_case.held.pk]))
    text = page.content.decode()
    assert UNAPPROVED_TITLE in text and UNAPPROVED_DECISION not in text


def test_members_read_the_draft_minutes_they_are_to_approve(shared_case):
    document = document_from_meeting(shared_case.held, variant=MEMBERS)
    text = render(document, "md").content.decode()
    assert "REFERAT" in text.upper() and UNAPPROVED_DECISION in text


def test_once_approved_the_public_reads_the_minutes(client, shared_case):
    from dagsorden.meetings.services import meeting_approve_minutes

    meeting_approve_minutes(meeting=shared_case.held)
    text = client.get(reverse("documents:meeting_md", args=[shared_case.held.pk])).content
    assert UNAPPROVED_DECISION in text.decode() and "REFERAT" in text.decode().upper()


@pytest.mark.parametrize(
    ("state", "public", "members", "public_draft"),
    [
        (Meeting.State.PLANNED, False, False, False),
        (Meeting.State.AGENDA_PUBLISHED, False, False, False),
        (Meeting.State.HELD, False, True, True),
        (Meeting.State.MINUTES_APPROVED, True, True, True),
    ],
)
def test_the_rule_for_each_state(state, public, members, public_draft):
    meeting = Meeting(state=state)
    assert meeting_contents(meeting, variant=PUBLIC).minutes is public
    assert meeting_contents(meeting, variant=MEMBERS).minutes is members
    assert meeting_contents(meeting, variant=PUBLIC, draft=True).minutes is public_draft
    assert meeting_contents(meeting, variant=PUBLIC).closed_items is False
    assert document_kind_for(meeting) == ("minutes" if public else "agenda")


def document_kind_for(meeting):
    from dagsorden.documents.from_db import _kind

    return _kind(meeting, PUBLIC)
