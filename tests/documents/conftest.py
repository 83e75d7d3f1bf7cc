"""A committee meeting built through the services, with invented texts: long open items
(so items start on different PDF pages), a closed item carrying a unique marker word,
and public and non-public PDF bilag."""

import datetime as dt
from dataclasses import dataclass

import pytest

from dagsorden.cases.services import file_attach
from dagsorden.demo.bilag import bilag_pdf_bytes
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    item_set_draft_state,
    meeting_create,
    meeting_publish_agenda,
)
from tests.factories import committee_with_members, local

CLOSED_MARKER = "Spækhuggerlaguneaftale"
SECRET_BILAG_MARKER = "Blåmejsebilaget"
PARAGRAPH = (
    "Forvaltningen har gennemgået kommunens legepladser og fundet, at flere redskaber "
    "trænger til udskiftning. Udvalget bedes tage stilling til rækkefølgen, så de mest "
    "slidte redskaber skiftes først, og så arbejdet kan ske uden for skolernes ferier."
)


@dataclass
class MeetingWorld:
    meeting: Meeting
    items: list[AgendaItem]
    closed: AgendaItem
    members: list


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{index}. afsnit. {PARAGRAPH}" for index in range(1, paragraphs + 1))


def _bilag(title: str) -> bytes:
    return bilag_pdf_bytes(
        title=title, municipality="Prøvested Kommune", case_title=title, paragraphs=[PARAGRAPH]
    )


def build_meeting(*, open_items: int = 3, paragraphs: int = 9) -> MeetingWorld:
    body, members = committee_with_members(name="Udvalget for Legepladser", count=4)
    meeting = meeting_create(organization=body, start=local(2026, 10, 13, 16))
    items = []
    for index in range(1, open_items + 1):
        item = agenda_item_create(
            meeting=meeting,
            title=f"Udskiftning af legeredskaber, etape {index}",
            item_type="beslutning",
            sections=[
                ("Sagens kerne", f"Etape {index} omfatter redskaberne i bydel {index}."),
                ("Sagsfremstilling", _long_text(paragraphs)),
                ("Økonomi", "Udgiften afholdes inden for rammen."),
            ],
            recommendation_by="Direktionen",
            recommendation_clauses=[f"etape {index} godkendes", "arbejdet udbydes samlet"],
        )
        items.append(item)
    file_attach(
        data=_bilag("Kort over legepladser"),
        name="Kort over legepladser",
        file_name="kort.pdf",
        agenda_item=items[0],
    )
    file_attach(
        data=_bilag(SECRET_BILAG_MARKER),
        name=SECRET_BILAG_MARKER,
        file_name="notat.pdf",
        agenda_item=items[0],
        public=False,
    )
    closed = agenda_item_create(
        meeting=meeting,
        title=f"Forhandling om {CLOSED_MARKER}",
        public=False,
        public_title="Kontraktforhold",
        sections=[("Sagsfremstilling", f"Tilbuddet i {CLOSED_MARKER} er fortroligt.")],
        recommendation_by="Direktionen",
        recommendation_clauses=[f"{CLOSED_MARKER} indgås"],
    )
    file_attach(
        data=_bilag(f"Tilbud {CLOSED_MARKER}"),
        name=f"Tilbud {CLOSED_MARKER}",
        file_name="tilbud.pdf",
        agenda_item=closed,
    )
    for item in meeting.items.all():
        for state in (AgendaItem.DraftState.READY, AgendaItem.DraftState.APPROVED):
            item_set_draft_state(item=item, state=state)
    meeting_publish_agenda(meeting=meeting, at=local(2026, 10, 1, 9), late_reason="")
    meeting.refresh_from_db()
    return MeetingWorld(meeting, items, closed, members)


@pytest.fixture
def world(db, settings, tmp_path) -> MeetingWorld:
    settings.DATA_DIR = tmp_path / "data"
    return build_meeting()


@pytest.fixture
def seeds_dir():
    from tests.documents.shared import seeds_or_skip

    return seeds_or_skip()


__all__ = ["CLOSED_MARKER", "SECRET_BILAG_MARKER", "build_meeting", "dt"]
