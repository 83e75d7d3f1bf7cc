"""A case carries its text to the next body: sections, the indstilling worded for the new
body, the same bilag files and Sagens forløb; the secretary sees what changed."""

import pytest
import time_machine
from django.core.exceptions import ValidationError
from fpdf import FPDF

from dagsorden.cases.services import case_create, file_attach
from dagsorden.documents.from_db import document_from_meeting
from dagsorden.documents.model import MEMBERS
from dagsorden.documents.text import to_text
from dagsorden.meetings.selectors import item_history, item_section_diff
from dagsorden.meetings.services import (
    approval_record,
    case_schedule,
    decision_record,
    item_set_draft_state,
    item_update,
    meeting_approve_minutes,
    meeting_close,
    meeting_create,
    meeting_publish_agenda,
)
from dagsorden.organisations.models import Organization
from tests.factories import local

pytestmark = pytest.mark.django_db


def _pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.fixture
def three_bodies(council_setup):
    """Fagudvalg (indstiller) → Økonomiudvalget (indstiller) → council (afgør)."""
    setup = council_setup
    finance = Organization.objects.create(
        municipality=setup["municipality"],
        name="Økonomiudvalget",
        slug="oeu",
        kind=Organization.Kind.FINANCE,
    )
    case = case_create(
        municipality=setup["municipality"],
        title="Ny svømmehal",
        route=[
            (setup["committee"], "indstiller"),
            (finance, "indstiller"),
            (setup["council"], "afgoer"),
        ],
    )
    finance_meeting = meeting_create(organization=finance, start=local(2027, 3, 2, 15))
    council_meeting = meeting_create(organization=setup["council"], start=local(2027, 3, 25, 19))
    meeting = meeting_create(organization=setup["committee"], start=local(2027, 2, 9))
    item = case_schedule(
        consultation=case.consultations.get(order=1),
        meeting=meeting,
        draft_state="approved",
        sections=[("Sagens kerne", "Hallen er nedslidt."), ("Økonomi", "Anlæg 80 mio. kr.")],
        recommendation_by="Direktionen indstiller, at:",
        recommendation_clauses=["at der bygges en ny hal", "2. at anlægget finansieres af lån"],
    )
    bilag = file_attach(
        data=_pdf("Skitseforslag"), name="Skitse", file_name="s.pdf", agenda_item=item
    )
    meeting_publish_agenda(meeting=meeting, at=local(2027, 1, 20))
    with time_machine.travel(local(2027, 2, 9, 18), tick=False):
        decision_record(item=item, outcome="anbefales", text="Anbefales over for ØU.")
        meeting_close(meeting=meeting)
        for person in setup["members"]:
            approval_record(meeting=meeting, person=person)
    return {
        **setup,
        "finance": finance,
        "case": case,
        "item": item,
        "bilag": bilag,
        "finance_meeting": finance_meeting,
        "council_meeting": council_meeting,
    }


def test_the_next_body_gets_the_text_the_indstilling_and_the_same_bilag(three_bodies):
    carried = three_bodies["case"].consultations.get(order=2).agenda_items.get()
    assert carried.meeting == three_bodies["finance_meeting"]
    assert carried.draft_state == "draft"  # the secretary edits from here
    assert [(s.heading, s.body) for s in carried.sections.order_by("order")] == [
        ("Sagens kerne", "Hallen er nedslidt."),
        ("Økonomi", "Anlæg 80 mio. kr."),
    ]
    recommendation = carried.recommendation
    assert recommendation.by == three_bodies["committee"].name
    assert recommendation.to == "Økonomiudvalget og Kommunalbestyrelsen"
    assert recommendation.clauses == ["der bygges en ny hal", "anlægget finansieres af lån"]
    (shared,) = carried.files.alive()
    original = three_bodies["bilag"]
    assert shared.pk != original.pk
    assert (shared.file.name, shared.sha512) == (original.file.name, original.sha512)
    history = item_history(carried)
    assert [(h.body, h.decision) for h in history] == [
        (three_bodies["committee"].name, "Anbefales over for ØU.")
    ]


def test_the_printed_indstilling_names_who_and_to_whom_once(three_bodies):
    text = to_text(document_from_meeting(three_bodies["item"].meeting, variant=MEMBERS))
    assert "Direktionen indstiller, at:" in text
    assert "indstiller, indstiller" not in text and "at at" not in text
    carried = three_bodies["case"].consultations.get(order=2).agenda_items.get()
    text = to_text(document_from_meeting(carried.meeting, variant=MEMBERS))
    committee = three_bodies["committee"].name
    assert f"{committee} indstiller til Økonomiudvalget og Kommunalbestyrelsen, at" in text


def test_the_third_body_gets_the_second_bodys_edited_text(three_bodies):
    carried = three_bodies["case"].consultations.get(order=2).agenda_items.get()
    carried = item_update(
        item=carried,
        expected_version=carried.version,
        title=carried.title,
        sections=[("Sagens kerne", "Hallen er nedslidt."), ("Økonomi", "Anlæg 95 mio. kr.")],
        recommendation_by=carried.recommendation.by,
        recommendation_to=carried.recommendation.to,
        recommendation_clauses=carried.recommendation.clauses,
    )
    changes = {c.heading: c for c in item_section_diff(three_bodies["item"], carried)}
    assert changes["Sagens kerne"].status == "same"
    assert changes["Økonomi"].status == "changed"
    assert "<del>80</del>" in changes["Økonomi"].html
    assert "<ins>95</ins>" in changes["Økonomi"].html

    finance_meeting = three_bodies["finance_meeting"]
    item_set_draft_state(item=carried, state="ready")
    item_set_draft_state(item=carried, state="approved")
    meeting_publish_agenda(meeting=finance_meeting, at=local(2027, 2, 20))
    with time_machine.travel(local(2027, 3, 2, 17), tick=False):
        decision_record(item=carried, outcome="anbefales", text="Økonomiudvalget anbefaler.")
        meeting_close(meeting=finance_meeting)
        meeting_approve_minutes(meeting=finance_meeting)
    at_council = three_bodies["case"].consultations.get(order=3).agenda_items.get()
    assert at_council.meeting == three_bodies["council_meeting"]
    assert at_council.sections.get(heading="Økonomi").body == "Anlæg 95 mio. kr."
    assert at_council.recommendation.by == "Økonomiudvalget"
    assert at_council.recommendation.to == "Kommunalbestyrelsen"
    assert at_council.files.alive().get().sha512 == three_bodies["bilag"].sha512
    bodies = [h.body for h in item_history(at_council)]
    assert bodies == [three_bodies["committee"].name, "Økonomiudvalget"]


def test_a_cpr_number_in_a_bilag_carried_from_a_closed_item_stops_the_public_agenda(
    council_setup,
):
    """A closed item's bilag is not checked for CPR numbers (nothing of it is published);
    when the next body treats the case in public, the same bilag is, before publication."""
    setup = council_setup
    case = case_create(
        municipality=setup["municipality"],
        title="Salg af grund",
        route=[(setup["committee"], "indstiller"), (setup["council"], "afgoer")],
    )
    council_meeting = meeting_create(organization=setup["council"], start=local(2027, 3, 25, 19))
    meeting = meeting_create(organization=setup["committee"], start=local(2027, 2, 9))
    item = case_schedule(
        consultation=case.consultations.get(order=1),
        meeting=meeting,
        draft_state="approved",
        public=False,
        public_title="Lukket punkt: salg af grund",
        sections=[("Sagens kerne", "Køber er fundet.")],
    )
    file_attach(
        data=_pdf("Koebers CPR 010203-1234"), name="Købstilbud", file_name="k.pdf", agenda_item=item
    )
    meeting_publish_agenda(meeting=meeting, at=local(2027, 1, 20))
    with time_machine.travel(local(2027, 2, 9, 18), tick=False):
        decision_record(item=item, outcome="anbefales", text="Anbefales.")
        meeting_close(meeting=meeting)
        meeting_approve_minutes(meeting=meeting)
    carried = case.consultations.get(order=2).agenda_items.get()
    assert carried.meeting == council_meeting
    carried = item_update(
        item=carried,
        expected_version=carried.version,
        title="Salg af grund",
        sections=[("Sagens kerne", "Køber er fundet.")],
        public=True,
    )
    item_set_draft_state(item=carried, state="ready")
    item_set_draft_state(item=carried, state="approved")
    with pytest.raises(ValidationError) as refused:
        meeting_publish_agenda(meeting=council_meeting, at=local(2027, 3, 10))
    [message] = refused.value.messages
    assert "bilag »Købstilbud«" in message and "010203-****" in message
