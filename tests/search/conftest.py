"""A small public archive for search tests: one committee, meetings with approved
minutes, items with sections, decisions and bilag, written through the ORM (so the
index follows by its signals)."""

import pytest

from dagsorden.cases.models import File
from dagsorden.meetings.models import AgendaItem, Decision, Meeting, Recommendation, Section
from tests.factories import (
    AgendaItemFactory,
    CaseFactory,
    ConsultationFactory,
    MeetingFactory,
    MunicipalityFactory,
    OrganizationFactory,
    local,
)


class Archive:
    def __init__(self):
        self.municipality = MunicipalityFactory()
        self.committee = OrganizationFactory(municipality=self.municipality, name="Teknikudvalget")
        self.council = OrganizationFactory(municipality=self.municipality, name="Byrådet")

    def meeting(self, *, body=None, start=None, state=Meeting.State.MINUTES_APPROVED):
        return MeetingFactory(
            organization=body or self.committee, start=start or local(2026, 10, 13), state=state
        )

    def item(
        self,
        *,
        meeting=None,
        title="Punkt",
        sections=(),
        decision=None,
        outcome=None,
        public=True,
        case=None,
        item_type="beslutning",
        **fields,
    ):
        meeting = meeting or self.meeting()
        consultation = None
        if case is not None:
            consultation = ConsultationFactory(
                case=case, organization=meeting.organization, order=case.consultations.count() + 1
            )
        fields.setdefault("draft_state", AgendaItem.DraftState.APPROVED)
        item = AgendaItemFactory(
            meeting=meeting,
            title=title,
            public=public,
            item_type=item_type,
            consultation=consultation,
            **fields,
        )
        for order, (heading, body) in enumerate(sections, start=1):
            Section.objects.create(item=item, order=order, heading=heading, body=body)
        if decision is not None or outcome is not None:
            Decision.objects.create(
                item=item, outcome=outcome or Decision.Outcome.APPROVED, text=decision or ""
            )
        return item

    def recommendation(self, item, *clauses):
        return Recommendation.objects.create(item=item, by="Forvaltningen", clauses=list(clauses))

    def bilag(self, item, *, name, text, public=True):
        return File.objects.create(
            municipality=self.municipality, agenda_item=item, name=name, text=text, public=public
        )

    def case(self, journal_number, title="En sag"):
        return CaseFactory(
            municipality=self.municipality, journal_number=journal_number, title=title
        )


@pytest.fixture
def archive(db):
    return Archive()
