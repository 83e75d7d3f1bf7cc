import datetime as dt

import pytest

from dagsorden.cases.models import Consultation
from dagsorden.meetings.selectors import item_history, meeting_absences, meetings_public
from dagsorden.meetings.services import attendance_record_absence
from tests.factories import (
    AgendaItemFactory,
    CaseFactory,
    ConsultationFactory,
    MeetingFactory,
    OrganizationFactory,
    local,
)

pytestmark = pytest.mark.django_db


def test_planned_and_deleted_meetings_are_not_public():
    shown = MeetingFactory(state="agenda")
    MeetingFactory(state="planned")
    MeetingFactory(state="minutes", deleted=True)
    assert list(meetings_public()) == [shown]


def test_history_includes_treatments_known_only_from_imported_documents():
    case = CaseFactory()
    body = OrganizationFactory(municipality=case.municipality, name="Direktionen")
    ConsultationFactory(
        case=case,
        organization=body,
        order=1,
        status=Consultation.Status.DONE,
        recorded_date=dt.date(2026, 9, 28),
        recorded_result="Anbefales.",
        recorded_absent=["Jens Hansen"],
    )
    later = ConsultationFactory(case=case, order=2)
    item = AgendaItemFactory(consultation=later, meeting=MeetingFactory(start=local(2026, 10, 13)))
    [entry] = item_history(item)
    assert (entry.body, entry.date, entry.decision, entry.absent) == (
        "Direktionen",
        dt.date(2026, 9, 28),
        "Anbefales.",
        ["Jens Hansen"],
    )


def test_absences_name_the_stedfortraeder(council_setup):
    attendance_record_absence(
        meeting=council_setup["meeting"],
        person=council_setup["members"][1],
        reason="Ferie",
        substitute=council_setup["spare_a"],
    )
    [line] = meeting_absences(council_setup["meeting"])
    assert line.status == "Afbud" and line.reason == "Ferie"
    assert line.substitute == council_setup["spare_a"].name_with_party()
