"""The whole path in Chromium: a case routed through two bodies is drafted, approved,
put on the agenda, published; the meeting records a stedfortræder and a decision with a
vote; the minutes are approved; the public portal shows the minutes and, on the second
body's agenda, the case's history."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from dagsorden.cases.models import Case, Consultation
from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import meeting_create
from dagsorden.organisations.models import Organization
from dagsorden.staff.models import Assignment
from tests.browser import browser_skip_reason, launch_chromium, let_previews_finish
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    PartyFactory,
    PersonFactory,
)

PASSWORD = "e2e-adgangskode"

pytestmark = [pytest.mark.slow]


def _setup():
    User = get_user_model()
    municipality = MunicipalityFactory(item_template=["Sagens kerne", "Sagsfremstilling"])
    party = PartyFactory(municipality=municipality, letter="A")
    committee = Organization.objects.create(
        municipality=municipality,
        name="Miljøudvalget",
        slug="miljo",
        kind=Organization.Kind.COMMITTEE,
    )
    council = Organization.objects.create(
        municipality=municipality,
        name="Byrådet",
        slug="byraad",
        kind=Organization.Kind.COUNCIL,
    )
    chair = PersonFactory(
        municipality=municipality, party=party, given_name="Asta", family_name="Bro"
    )
    member = PersonFactory(
        municipality=municipality, party=party, given_name="Bent", family_name="Dam"
    )
    spare = PersonFactory(
        municipality=municipality, party=party, given_name="Cille", family_name="Eg"
    )
    for person in (chair, member):
        MembershipFactory(person=person, organization=committee, start_date=dt.date(2020, 1, 1))
    for person in (chair, member, spare):
        MembershipFactory(person=person, organization=council, start_date=dt.date(2020, 1, 1))
    secretary = User.objects.create_user("sekretaer", password=PASSWORD)
    for body in (committee, council):
        Assignment.objects.create(user=secretary, role="secretary", organization=body)
    chair.user = User.objects.create_user("asta", password=PASSWORD)
    chair.save()
    soon = timezone.now() + dt.timedelta(days=14)
    meeting_create(organization=committee, start=soon.replace(hour=15, minute=0))
    # Three weeks later: the council's deadline (4 workdays) is still ahead on the
    # committee's day, whatever holidays (Christmas, Easter) fall in between.
    meeting_create(organization=council, start=(soon + dt.timedelta(days=21)).replace(hour=19))


def _login(page, base, username):
    page.goto(f"{base}/log-ind/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def _logout(page):
    page.click("header button:has-text('Log ud')")


def _draft_and_approve(page, core_text):
    page.fill("#id_sections-0-body", core_text)
    page.fill("#id_recommendation_by", "Direktionen")
    page.fill("#id_recommendation_clauses", "stien anlægges")
    let_previews_finish(page)
    page.click("button:has-text('Gem punktet')")
    page.wait_for_selector("text=Punktet er gemt")
    let_previews_finish(page)
    page.click("button:has-text('Markér som klar')")
    page.click("button:has-text('Godkend punktet')")
    assert page.locator("#draft-state").inner_text() == "Godkendt"


def _schedule_on_first_meeting(page):
    page.select_option("#id_meeting", index=0)
    page.click("button:has-text('Sæt på dagsorden')")


def _confirm(page):
    """Irreversible steps ask first, on a page that says what will happen."""
    page.wait_for_selector(".confirm h1")
    page.click(".confirm button[type=submit]")


def _publish(page):
    page.click("main a[href*='/dagsorden/']")
    page.click("a:has-text('Udsend dagsorden')")
    _confirm(page)
    page.wait_for_url(re.compile(r"/live/$"))


@pytest.mark.django_db(transaction=True)
def test_from_drafted_case_to_history_on_the_next_body(live_server, monkeypatch, settings):
    if reason := browser_skip_reason():
        pytest.skip(reason)
    # Playwright's sync API runs an event loop; the assertions below read the database.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.SESSION_COOKIE_AGE = 400 * 24 * 3600  # the clock moves to the meeting day
    _setup()
    from playwright.sync_api import sync_playwright

    base = live_server.url
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.set_default_timeout(15000)
        _login(page, base, "sekretaer")

        # A case routed Miljøudvalget (indstiller) → Byrådet (afgør).
        page.goto(f"{base}/sekretariat/sager/ny/")
        page.fill("#id_title", "Sti langs åen")
        page.fill("#id_journal_number", "05.01.00-G01-7-26")
        page.select_option("#id_form-0-organization", label="Miljøudvalget")
        page.select_option("#id_form-0-role", value="indstiller")
        page.select_option("#id_form-1-organization", label="Byrådet")
        page.select_option("#id_form-1-role", value="afgoer")
        page.click("button:has-text('Opret sag')")
        _schedule_on_first_meeting(page)
        _draft_and_approve(page, "Borgerne ønsker en sti langs åen.")
        _publish(page)

        # The meeting is run on its day (nothing can be decided before it).
        committee_start = Meeting.objects.get(organization__slug="miljo").start
        clock = time_machine.travel(committee_start + dt.timedelta(minutes=30), tick=True)
        clock.start()
        page.reload()

        # Live: afbud with a stedfortræder, then a decision with a vote.
        member_row = page.locator("#fremmoede tr", has_text="Bent Dam")
        member_row.locator("select[name=status]").select_option("afbud")
        member_row.locator("input[name=reason]").fill("Ferie")
        member_row.locator("select[name=substitute]").select_option(label="Cille Eg (A)")
        member_row.locator("button").click()
        page.wait_for_selector("#fremmoede >> text=Stedfortræder: Cille Eg")
        item = page.locator("section.item", has_text="Sti langs åen")
        item.locator("select[name$=outcome]").select_option("anbefales")
        item.locator("textarea[name$=text]").fill("Anbefales over for Byrådet.")
        item.locator(".vote-row", has_text="Asta Bro").locator("input[value=for]").check()
        item.locator(".vote-row", has_text="Cille Eg").locator("input[value=imod]").check()
        item.locator("button:has-text('Gem beslutning')").click()
        page.wait_for_selector("section.item >> text=Anbefales over for Byrådet.")
        page.click("a:has-text('Afslut mødet')")
        _confirm(page)
        page.wait_for_url(re.compile(r"/referat/$"))
        minutes_url = page.url
        _logout(page)

        # The member signs; the secretary closes the approval for the stedfortræder.
        _login(page, base, "asta")
        page.click("main a:has-text('Miljøudvalget')")
        page.click("a:has-text('Godkend referatet')")
        _confirm(page)
        page.wait_for_selector("text=Du har godkendt referatet")
        _logout(page)
        _login(page, base, "sekretaer")
        page.goto(minutes_url)
        page.click("a:has-text('Luk godkendelsen')")
        _confirm(page)
        page.wait_for_selector("text=Referatet er godkendt")

        committee_meeting = Meeting.objects.get(organization__slug="miljo")
        assert committee_meeting.state == Meeting.State.MINUTES_APPROVED
        case = Case.objects.get(journal_number="05.01.00-G01-7-26")
        # Approving drafted the case's item on Byrådet's next meeting, with its text.
        assert case.consultations.get(order=2).status == Consultation.Status.SCHEDULED

        # The public sees the minutes with the decision and the vote.
        page.goto(f"{base}/moeder/{committee_meeting.pk}/")
        public = page.content()
        assert "Referat" in public and "Anbefales over for Byrådet." in public

        # The case goes on to Byrådet, whose agenda shows the history.
        page.goto(f"{base}/sekretariat/sager/{case.pk}/")
        page.click("main li a:has-text('Byrådet')")
        assert page.input_value("#id_sections-0-body") == "Borgerne ønsker en sti langs åen."
        _draft_and_approve(page, "Miljøudvalget har anbefalet stien.")
        _publish(page)
        council_meeting = Meeting.objects.get(organization__slug="byraad")
        page.goto(f"{base}/moeder/{council_meeting.pk}/")
        history = page.locator("text=Sagens forløb").first
        assert history.is_visible()
        agenda = page.content()
        assert "Miljøudvalget" in agenda and "Anbefales over for Byrådet." in agenda
        browser.close()
        clock.stop()
