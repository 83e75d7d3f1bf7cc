"""Run by the queue test in its own process (the worker's database may be a file the
test process cannot write through its ORM): build a committee meeting and publish its
agenda, which queues the PDF and notice jobs on the broker. Prints the meeting's id."""

import datetime as dt
import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dagsorden.settings")
django.setup()

from django.utils import timezone  # noqa: E402

from dagsorden.meetings.services import (  # noqa: E402
    agenda_item_create,
    meeting_create,
    meeting_publish_agenda,
)
from tests.factories import MunicipalityFactory, committee_with_members  # noqa: E402

TEXT = (
    "Forvaltningen foreslår, at stierne langs åen får ny belægning og lys, så de kan "
    "bruges hele året. Arbejdet kan ske i etaper over de næste tre år."
)


def main() -> None:
    municipality = MunicipalityFactory(name="Køtest Kommune")
    body, members = committee_with_members(municipality=municipality, count=3)
    for index, person in enumerate(members):
        person.email = f"medlem{index}@koetest.invalid"
        person.save()
    meeting = meeting_create(organization=body, start=timezone.now() + dt.timedelta(days=30))
    for number in range(1, 9):
        agenda_item_create(
            meeting=meeting,
            title=f"Stier og belysning, etape {number}",
            sections=[("Sagens kerne", "\n\n".join([TEXT] * 6))],
            draft_state="approved",
            public=number != 8,
            public_title="Lukket punkt" if number == 8 else "",
        )
    meeting_publish_agenda(meeting=meeting, late_reason="Køtest")
    print(json.dumps({"meeting": meeting.pk}))


if __name__ == "__main__":
    main()
