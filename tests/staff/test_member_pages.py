"""The member's pages as a politician uses them: her meetings, the meeting with closed
items, indstilling, bilag, notes, what changed since she read it, and one PDF."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dagsorden.meetings.models import Attendance
from dagsorden.meetings.services import (
    agenda_item_create,
    decision_record,
    item_update,
    meeting_create,
    meeting_publish_agenda,
    note_save,
)
from dagsorden.staff.models import AgendaReading
from tests.factories import MembershipFactory, local

pytestmark = pytest.mark.django_db


def _login(client, world, role="member_own"):
    client.force_login(world["users"][role])
    return client


def _meeting_of_other_body(world, start):
    meeting = meeting_create(organization=world["other_body"], start=start)
    agenda_item_create(meeting=meeting, title="Andet udvalgs sag", draft_state="approved")
    meeting_publish_agenda(meeting=meeting, at=start - dt.timedelta(days=10))
    return meeting


def test_my_meetings_leaves_out_a_body_she_left_before_the_meeting(client, world):
    member = world["members"][0]
    MembershipFactory(
        person=member,
        organization=world["other_body"],
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 6, 30),
    )
    while_seated = _meeting_of_other_body(world, local(2026, 3, 10))
    after_leaving = _meeting_of_other_body(world, local(2026, 9, 15))
    page = _login(client, world).get(reverse("staff:my_meetings")).content.decode()
    assert reverse("staff:member_meeting", args=[while_seated.pk]) in page
    assert reverse("staff:member_meeting", args=[after_leaving.pk]) not in page
    assert reverse("staff:member_meeting", args=[world["held"].pk]) in page


def test_my_meetings_includes_a_meeting_she_was_called_in_to_as_stedfortraeder(client, world):
    meeting = _meeting_of_other_body(world, local(2026, 11, 3))
    Attendance.objects.create(
        meeting=meeting,
        person=world["members"][0],
        status=Attendance.Status.PRESENT,
        substitute_for=world["other_body"].memberships.first().person,
    )
    page = _login(client, world).get(reverse("staff:my_meetings")).content.decode()
    assert reverse("staff:member_meeting", args=[meeting.pk]) in page
    assert (
        _login(client, world).get(reverse("staff:member_meeting", args=[meeting.pk])).status_code
        == 200
    )


def test_a_meeting_of_another_body_is_refused_in_danish_with_the_reason(client, world):
    meeting = _meeting_of_other_body(world, local(2026, 9, 15))
    response = _login(client, world).get(reverse("staff:member_meeting", args=[meeting.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Du har ikke adgang til denne side" in page
    assert "på mødets dag" in page and "var ikke indkaldt som" in page
    assert world["other_body"].name in page
    assert 'class="site-header"' in page  # the portal's layout, not Django's bare page
    assert reverse("staff:my_meetings") in page
    assert "Forbidden" not in page


def test_the_meeting_page_shows_indstilling_bilag_and_long_dates(client, world):
    held = world["held"]
    item = agenda_item_create(
        meeting=held,
        title="Lukket ejendomssag",
        public=False,
        public_title="Lukket punkt: ejendom",
        sections=[("Sagens kerne", "Køb af grund."), ("Økonomi", "   ")],
        recommendation_by="Direktionen",
        recommendation_clauses=["grunden købes"],
        draft_state="approved",
    )
    page = _login(client, world).get(reverse("staff:member_meeting", args=[held.pk]))
    text = page.content.decode()
    assert "Indstilling" in text and "Direktionen indstiller, at:" in text
    assert "at grunden købes" in text
    assert "Kort over strækningen" in text  # the closed bilag, for members
    assert reverse("staff:member_bilag", args=[world["bilag"].pk]) in text
    assert "13. oktober 2026" in text
    assert "13-10-2026" not in text
    article = text[text.index(f'id="punkt-{item.pk}"') :]
    article = article[: article.index("</article>")]
    assert "Sagens kerne" in article
    assert "<h3>Økonomi</h3>" not in article  # no heading over an empty section


def test_a_closed_bilag_opens_inline_or_downloads_for_members_only(client, world):
    url = reverse("staff:member_bilag", args=[world["bilag"].pk])
    inline = _login(client, world).get(url)
    assert inline.status_code == 200
    assert inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"].startswith("inline")
    assert inline["X-Frame-Options"] == "SAMEORIGIN"
    # The viewer is an iframe of the member page: the site's CSP must let it in.
    assert "frame-ancestors 'self'" in inline["Content-Security-Policy"]
    download = client.get(url + "?hent=1")
    assert download["Content-Disposition"].startswith("attachment")
    other = _login(client, world, "member_other").get(url)
    assert other.status_code == 403
    public = client.get(reverse("portal:file_download", args=[world["bilag"].pk, "kort.pdf"]))
    assert public.status_code == 404


def test_download_all_as_one_pdf_holds_the_bilag(client, world):
    response = _login(client, world).get(
        reverse("staff:member_combined_pdf", args=[world["held"].pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Bilag til afgjort sag" in text
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    nested = [e.title for entry in reader.outline if isinstance(entry, list) for e in entry]
    assert "Kort over strækningen" in outline + nested


def test_a_party_note_is_seen_by_the_party_group_and_a_private_one_is_not(client, world):
    author, colleague = world["members"][0], world["members"][1]
    colleague.user = world["users"]["plain_user"]
    colleague.save()
    item = world["held_item"]
    note_save(item=item, author=author, text="Delt note om cykelstien", shared_with_party=True)
    client.force_login(world["users"]["plain_user"])
    page = client.get(reverse("staff:member_meeting", args=[world["held"].pk])).content.decode()
    assert colleague.party_id == author.party_id
    assert "Delt note om cykelstien" in page
    assert "Min note" not in page  # the author's private note


def test_items_changed_or_added_since_she_read_the_agenda_are_marked(client, world):
    published = world["published"]
    _login(client, world)
    first = client.get(reverse("staff:member_meeting", args=[published.pk])).content.decode()
    assert "Ændret siden du læste" not in first
    response = client.post(reverse("staff:agenda_read", args=[published.pk]))
    assert response.status_code == 302
    unchanged = client.get(reverse("staff:member_meeting", args=[published.pk])).content.decode()
    assert "Intet er ændret siden da." in unchanged

    item = world["live_item"]
    item_update(
        item=item,
        expected_version=item.version,
        title="Åben sag (rettet)",
        sections=[("Sagens kerne", "Rettet tekst.")],
    )
    added = agenda_item_create(meeting=published, title="Tillægspunkt", draft_state="approved")
    page = client.get(reverse("staff:member_meeting", args=[published.pk])).content.decode()
    changed_article = page[page.index(f'id="punkt-{item.pk}"') :]
    assert "Ændret siden du læste dagsordenen" in changed_article[:1500]
    added_article = page[page.index(f'id="punkt-{added.pk}"') :]
    assert "Nyt siden du læste dagsordenen" in added_article[:1500]
    assert "2 punkter er nye eller ændrede siden da." in page


def test_the_decision_is_not_repeated_after_its_outcome(client, world):
    item = world["held_item"]
    decision_record(item=item, outcome="godkendt", text="Godkendt.")
    page = _login(client, world).get(reverse("staff:member_meeting", args=[world["held"].pk]))
    assert "Godkendt: Godkendt" not in page.content.decode()
    assert "<strong>Godkendt</strong>" in page.content.decode()


def test_marking_read_is_refused_for_a_member_of_another_body(client, world):
    response = _login(client, world, "member_other").post(
        reverse("staff:agenda_read", args=[world["held"].pk])
    )
    assert response.status_code == 403
    assert not AgendaReading.objects.exists()
