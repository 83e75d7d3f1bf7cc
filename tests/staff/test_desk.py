"""The secretariat's desk, the staff search and the draft PDF of the agenda."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from dagsorden.cases.models import Consultation
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    approval_record,
    item_set_draft_state,
)
from dagsorden.staff.selectors import desk_for, staff_search
from tests.documents.pdftools import page_texts, reader
from tests.factories import local

pytestmark = pytest.mark.django_db


def _freeze(monkeypatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


# --- the desk ------------------------------------------------------------------------


def test_desk_lists_what_waits_in_the_users_bodies(world):
    item_set_draft_state(item=world["draft"], state="ready")
    approval_record(meeting=world["held"], person=world["members"][0])
    Consultation.objects.filter(pk=world["consultation"].pk).update(status="ready")
    # The 8 December meeting's agenda is due four workdays before: 2 December.
    desk = desk_for(world["users"]["secretary_own"], now=local(2026, 11, 30, 9))
    assert [item.title for item in desk.items_to_approve] == ["Udkast"]
    assert [row.meeting for row in desk.agendas_due] == [world["planned"]]
    assert not desk.agendas_due[0].overdue and desk.agendas_due[0].unapproved == 1
    # The 24 November meeting was never closed: it still waits to be run (or closed).
    assert desk.meetings_to_run == [world["published"]]
    [pending] = desk.minutes_to_sign
    assert (pending.meeting, pending.signed, pending.participants) == (world["held"], 1, 3)
    assert [c.case.title for c in desk.cases_unplanned] == ["Ny cykelsti"]


def test_desk_moves_with_the_date(world):
    user = world["users"]["secretary_own"]
    early = desk_for(user, now=local(2026, 11, 1, 9))
    assert early.agendas_due == []  # more than 14 days before the deadline
    late = desk_for(user, now=local(2026, 12, 3, 9))
    assert late.agendas_due[0].overdue
    on_the_day = desk_for(user, now=local(2026, 11, 24, 8))
    assert on_the_day.meetings_to_run == [world["published"]]
    before = desk_for(user, now=local(2026, 11, 23, 8))
    assert before.meetings_to_run == []


def test_desk_of_another_bodys_secretary_shows_none_of_it(world):
    item_set_draft_state(item=world["draft"], state="ready")
    Consultation.objects.filter(pk=world["consultation"].pk).update(status="ready")
    desk = desk_for(world["users"]["secretary_other"], now=local(2026, 11, 30, 9))
    assert desk.items_to_approve == [] and desk.agendas_due == []
    assert desk.meetings_to_run == [] and desk.minutes_to_sign == []
    assert desk.cases_unplanned == []


def test_a_planned_case_and_a_cancelled_meeting_leave_the_desk(world):
    consultation = world["consultation"]
    Consultation.objects.filter(pk=consultation.pk).update(
        status="ready", planned_meeting=world["planned"]
    )
    Meeting.objects.filter(pk=world["planned"].pk).update(state=Meeting.State.CANCELLED)
    desk = desk_for(world["users"]["secretary_own"], now=local(2026, 11, 30, 9))
    assert desk.cases_unplanned == [] and desk.agendas_due == []


def test_the_desk_page_shows_the_lists(client, world, monkeypatch):
    _freeze(monkeypatch, local(2026, 11, 30, 9))
    item_set_draft_state(item=world["draft"], state="ready")
    client.force_login(world["users"]["secretary_own"])
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert "Punkter til godkendelse" in page
    assert reverse("staff:item_edit", args=[world["draft"].pk]) in page
    assert reverse("staff:agenda_builder", args=[world["planned"].pk]) in page
    assert reverse("staff:meeting_live", args=[world["published"].pk]) in page
    assert reverse("staff:minutes", args=[world["held"].pk]) in page
    assert "0 af 3 har underskrevet" in page


# --- the staff search ----------------------------------------------------------------


def test_staff_search_finds_closed_items_and_unsent_agendas_of_own_bodies(client, world):
    closed = agenda_item_create(
        meeting=world["planned"],
        title="Salg af grund",
        public=False,
        public_title="Lukket punkt",
        sections=[("Sagsfremstilling", "Køber tilbyder en pris for matriklen ved havnen.")],
    )
    client.force_login(world["users"]["case_officer_own"])
    page = client.get(reverse("staff:staff_search"), {"q": "matriklen havnen"}).content.decode()
    assert reverse("staff:item_edit", args=[closed.pk]) in page
    assert staff_search(world["users"]["secretary_other"], "matriklen").items == []


def test_staff_search_finds_cases_by_journal_number_and_title(world):
    case = world["case"]
    case.set_journal_number("05.01.00-G01-3-26")
    case.save()
    user = world["users"]["secretary_own"]
    assert staff_search(user, "G01-3-26").cases == [case]
    assert staff_search(user, "cykelsti").cases == [case]
    assert staff_search(world["users"]["secretary_other"], "cykelsti").cases == []
    assert staff_search(user, "   ").cases == []


def test_staff_search_page_without_a_query_is_an_empty_form(client, world):
    client.force_login(world["users"]["secretary_own"])
    response = client.get(reverse("staff:staff_search"))
    assert response.status_code == 200 and "Ingen sager" not in response.content.decode()


# --- the draft PDF ------------------------------------------------------------------


def _long_agenda(world):
    meeting = world["planned"]
    text = "\n\n".join(f"Afsnit {n} om stiens forløb langs åen og broerne." for n in range(60))
    agenda_item_create(meeting=meeting, title="Stiplan", sections=[("Sagsfremstilling", text)])
    agenda_item_create(
        meeting=meeting,
        title="Hemmelig grundhandel",
        public=False,
        public_title="Lukket punkt",
        sections=[("Sagsfremstilling", "Prisen er MARKØR-FORTROLIG.")],
    )
    return meeting


def test_draft_pdf_says_udkast_on_every_page(client, world):
    meeting = _long_agenda(world)
    client.force_login(world["users"]["secretary_own"])
    response = client.get(reverse("staff:agenda_draft_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pages = page_texts(reader(response.content))
    assert len(pages) >= 2
    assert all("UDKAST" in text for text in pages)
    assert "MARKØR-FORTROLIG" not in "".join(pages)  # public variant: title only


def test_draft_pdf_with_closed_items_for_the_secretariat(client, world):
    meeting = _long_agenda(world)
    client.force_login(world["users"]["secretary_own"])
    response = client.get(reverse("staff:agenda_draft_pdf", args=[meeting.pk]), {"lukkede": 1})
    pages = page_texts(reader(response.content))
    assert "MARKØR-FORTROLIG" in "".join(pages)
    assert all("UDKAST" in text for text in pages)


def test_the_unsent_agenda_stays_unpublished_and_the_published_pdf_has_no_draft_mark(client, world):
    meeting = _long_agenda(world)
    client.force_login(world["users"]["secretary_own"])
    client.get(reverse("staff:agenda_draft_pdf", args=[meeting.pk]))
    client.logout()
    assert client.get(reverse("documents:meeting_pdf", args=[meeting.pk])).status_code == 404
    published = world["published"]
    public_pdf = client.get(reverse("documents:meeting_pdf", args=[published.pk]))
    assert "UDKAST" not in "".join(page_texts(reader(public_pdf.content)))
    client.force_login(world["users"]["secretary_own"])
    # A sent agenda has no draft any more.
    assert client.get(reverse("staff:agenda_draft_pdf", args=[published.pk])).status_code == 404


def test_draft_and_published_document_never_share_a_cache_key(world):
    from dataclasses import replace

    from dagsorden.documents.from_db import document_from_meeting

    document = document_from_meeting(world["published"])
    assert replace(document, draft=True).fingerprint() != document.fingerprint()
