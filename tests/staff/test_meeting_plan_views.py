"""The secretary's meeting plan, the item editor's guidance and print preview, and the
changes between bodies, through the pages."""

import pytest
import time_machine
from django.urls import reverse

from dagsorden.meetings.models import AgendaItem, Meeting
from tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client, world):
    world["body"].standard_items = [{"title": "Godkendelse af dagsorden", "position": "start"}]
    world["body"].save()
    with time_machine.travel(local(2027, 1, 4, 9), tick=True):
        client.force_login(world["users"]["secretary_own"])  # a session of that day
        yield client


def _plan(client, body, year=2027):
    return client.get(
        reverse("staff:meeting_plan", args=[body.municipality.slug, body.slug]) + f"?aar={year}"
    )


def test_a_series_is_planned_without_the_admin(secretary, world):
    body = world["body"]
    response = secretary.post(
        reverse("staff:plan_series", args=[body.municipality.slug, body.slug]),
        {
            "first_day": "2027-01-12",
            "last_day": "2027-03-31",
            "every_weeks": "4",
            "at": "16:30",
            "aar": "2027",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "3 møder er planlagt." in html
    planned = Meeting.objects.filter(organization=body, start__year=2027).order_by("start")
    assert [m.start for m in planned] == [
        local(2027, 1, 12, 16, 30),
        local(2027, 2, 9, 16, 30),
        local(2027, 3, 9, 16, 30),
    ]
    assert all(m.items.filter(title="Godkendelse af dagsorden").exists() for m in planned)


def test_a_series_ending_before_it_starts_is_refused_with_its_reason(secretary, world):
    response = secretary.post(
        reverse("staff:plan_series", args=[world["body"].municipality.slug, world["body"].slug]),
        {"first_day": "2027-03-01", "last_day": "2027-01-01", "every_weeks": "2", "at": "16:00"},
        follow=True,
    )
    assert "Sidste møde ligger før det første." in response.content.decode()
    assert not Meeting.objects.filter(start__year=2027).exists()


def test_cancel_and_move_from_the_plan(secretary, world):
    body = world["body"]
    for day in ("2027-02-09", "2027-03-09"):
        secretary.post(
            reverse("staff:plan_add", args=[body.municipality.slug, body.slug]),
            {"one-day": day, "one-at": "16:00"},
            follow=True,
        )
    first, second = Meeting.objects.filter(start__year=2027).order_by("start")
    refused = secretary.post(reverse("staff:plan_cancel", args=[first.pk]), follow=True)
    assert "Angiv en begrundelse" in refused.content.decode()
    secretary.post(reverse("staff:plan_cancel", args=[first.pk]), {"reason": "Formanden er syg."})
    prefix = f"m{second.pk}"
    secretary.post(
        reverse("staff:plan_move", args=[second.pk]),
        {f"{prefix}-day": "2027-03-16", f"{prefix}-at": "17:00", f"{prefix}-reason": "Seminar"},
    )
    html = _plan(secretary, body).content.decode()
    assert "Aflyst" in html and "Formanden er syg." in html
    second.refresh_from_db()
    assert second.start == local(2027, 3, 16, 17)
    # The public sees the cancelled meeting with its reason, and the planned one.
    home = secretary.get(reverse("portal:meeting_list")).content.decode()
    assert "Formanden er syg." in home
    assert "dagsordenen er ikke udsendt" in home
    month = secretary.get(reverse("portal:calendar_month", args=[2027, 3])).content.decode()
    assert "17:00" in month and reverse("portal:meeting_detail", args=[second.pk]) not in month
    ical = secretary.get(reverse("portal:ical")).content.decode()
    assert "Formanden er syg." in ical and "STATUS:CANCELLED" in ical


def test_a_case_officer_sees_the_plan_but_cannot_change_it(client, world):
    client.force_login(world["users"]["case_officer_own"])
    html = _plan(client, world["body"], 2026).content.decode()
    assert "Planlæg møderne" not in html
    assert "08.12.2026" in html or "8. december 2026" in html


def test_the_editor_shows_guidance_and_prints_the_unsaved_text(client, world):
    municipality = world["body"].municipality
    municipality.item_template = [
        {"heading": "Sagens kerne", "guidance": "Hvad skal udvalget tage stilling til?"},
        {"heading": "Økonomi", "required": True},
    ]
    municipality.save()
    client.force_login(world["users"]["secretary_own"])
    draft = world["draft"]
    html = client.get(reverse("staff:item_edit", args=[draft.pk])).content.decode()
    assert "Hvad skal udvalget tage stilling til?" in html
    assert "Hvem indstiller?" in html and "Til hvem?" in html
    version = draft.version
    form = {
        "version": version,
        "title": "Cykelparkering",
        "public": "on",
        "recommendation_by": "Direktionen indstiller",
        "recommendation_clauses": "at at planen godkendes\n2. at der afsættes 1 mio. kr.",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-0-heading": "Sagens kerne",
        "sections-0-body": "Flere **stativer** ved stationen.",
    }
    preview = client.post(reverse("staff:item_print_preview", args=[draft.pk]), form)
    printed = preview.content.decode()
    assert "<iframe" in printed and "Cykelparkering" in printed
    assert "Direktionen indstiller, at:" in printed
    assert "indstiller, indstiller" not in printed and "at at" not in printed
    assert "&lt;strong&gt;stativer&lt;/strong&gt;" in printed  # Markdown printed as in the PDF
    draft.refresh_from_db()
    assert draft.title == "Udkast" and draft.version == version  # nothing was saved


def test_a_required_section_left_empty_blocks_publication(client, world):
    municipality = world["body"].municipality
    municipality.item_template = [{"heading": "Sagens kerne", "required": True}]
    municipality.save()
    client.force_login(world["users"]["secretary_own"])
    html = client.get(reverse("staff:agenda_builder", args=[world["planned"].pk])).content
    assert "afsnittet »Sagens kerne« skal udfyldes" in html.decode()


def test_the_changes_page_without_a_previous_body_says_so(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = AgendaItem.objects.get(pk=world["draft"].pk)
    html = client.get(reverse("staff:item_changes", args=[item.pk])).content.decode()
    assert "ikke været behandlet i et tidligere udvalg" in html


def test_a_secretary_gives_the_body_its_own_template(client, world):
    body = world["body"]
    body.municipality.item_template = [
        {"heading": "Sagens kerne", "guidance": "Kort og klart."},
        "Økonomi",
    ]
    body.municipality.save()
    client.force_login(world["users"]["secretary_own"])
    url = reverse("staff:body_template", args=[body.municipality.slug, body.slug])
    page = client.get(url).content.decode()
    assert "Kort og klart." in page and "bruger kommunens skabelon" in page
    form = {
        "sections-TOTAL_FORMS": "3",
        "sections-INITIAL_FORMS": "2",
        "sections-0-heading": "Økonomi",
        "sections-0-required": "on",
        "sections-1-heading": "Sagens kerne",
        "sections-1-guidance": "Kort og klart.",
        "sections-2-heading": "Høring",
    }
    client.post(url, form, follow=True)
    body.refresh_from_db()
    assert [e["heading"] for e in body.item_template] == ["Økonomi", "Sagens kerne", "Høring"]
    assert body.item_template[0]["required"] is True
    duplicate = {**form, "sections-2-heading": "økonomi"}
    refused = client.post(url, duplicate, follow=True).content.decode()
    assert "står to gange" in refused
    body.refresh_from_db()
    assert len(body.item_template) == 3  # the refused save changed nothing
    client.post(url, {**form, "inherit": "1"})
    body.refresh_from_db()
    assert body.item_template == []


def test_a_case_officer_reads_the_template_but_cannot_save_it(client, world):
    client.force_login(world["users"]["case_officer_own"])
    url = reverse("staff:body_template", args=[world["body"].municipality.slug, world["body"].slug])
    assert "Gem skabelonen" not in client.get(url).content.decode()
    response = client.post(url, {"sections-TOTAL_FORMS": "0", "sections-INITIAL_FORMS": "0"})
    assert response.status_code == 403


def test_the_case_is_offered_only_meetings_after_the_previous_decision(client, world):
    from dagsorden.meetings.services import (
        case_schedule,
        decision_record,
        meeting_approve_minutes,
        meeting_close,
        meeting_create,
    )
    from dagsorden.organisations.models import Organization

    council = Organization.objects.get(slug="kb")
    before = meeting_create(organization=council, start=local(2026, 11, 20, 19))
    after = meeting_create(organization=council, start=local(2027, 1, 14, 19))
    meeting = world["published"]  # 24 November 2026
    item = case_schedule(
        consultation=world["consultation"], meeting=meeting, sections=[("Sagens kerne", "Sti.")]
    )
    decision_record(item=item, outcome="anbefales", text="Anbefales.")
    meeting_close(meeting=meeting, end=local(2026, 11, 24, 18))
    # Recorded after the fact, so nothing is drafted and the secretary chooses.
    meeting_approve_minutes(meeting=meeting, at=local(2026, 11, 25, 9))
    client.force_login(world["users"]["admin"])
    html = client.get(reverse("staff:case_detail", args=[world["case"].pk])).content.decode()
    assert f'value="{after.pk}"' in html and f'value="{before.pk}"' not in html
