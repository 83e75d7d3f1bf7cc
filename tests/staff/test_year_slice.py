"""A slice of the secretariat's year in Chromium, without ever opening /admin/.

The secretary plans the year's meetings for three bodies, drafts a case that travels
Teknik- og Miljøudvalget → Økonomiudvalget → Kommunalbestyrelsen, publishes each agenda,
runs each meeting on its day (the clock is moved per step), every member signs the
minutes, the case's item appears at the next body with its text and bilag, and a meeting
is cancelled and another moved. Screenshots land in docs/screenshots/staff-*.png."""

import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from fpdf import FPDF

from dagsorden.cases.models import Case
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Location, Organization
from dagsorden.staff.models import Assignment
from tests.browser import browser_skip_reason, launch_chromium, let_previews_finish
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    PartyFactory,
    PersonFactory,
    local,
)

# Staff body pages are addressed by municipality and body; MunicipalityFactory's slug.
MUNICIPALITY = "proevested"
PASSWORD = "aarshjul-adgangskode"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TEMPLATE = [
    {
        "heading": "Sagens kerne",
        "guidance": "Hvad skal udvalget tage stilling til? Højst fem linjer.",
        "required": True,
    },
    {"heading": "Sagsfremstilling", "guidance": "Baggrund, muligheder og vurdering."},
    {"heading": "Økonomi", "guidance": "Beløb, konto og finansiering.", "required": True},
]
STANDARD = [
    {"title": "Godkendelse af dagsorden", "position": "start"},
    {"title": "Eventuelt", "position": "end"},
]
BODIES = {
    "tmu": ("Teknik- og Miljøudvalget", Organization.Kind.COMMITTEE),
    "oeu": ("Økonomiudvalget", Organization.Kind.FINANCE),
    "kb": ("Kommunalbestyrelsen", Organization.Kind.COUNCIL),
}
# (given name, family name, party, bodies)
MEMBERS = [
    ("Ida", "Krog", "A", ["tmu", "kb"]),
    ("Jonas", "Lund", "V", ["tmu", "kb"]),
    ("Karen", "Mose", "F", ["tmu", "kb"]),
    ("Lars", "Nør", "A", ["oeu", "kb"]),
    ("Maja", "Ohl", "V", ["oeu", "kb"]),
]

pytestmark = [pytest.mark.slow]


def _setup():
    User = get_user_model()
    municipality = MunicipalityFactory(item_template=TEMPLATE)
    room = Location.objects.create(
        municipality=municipality, description="Rådhuset", room="Mødelokale 2"
    )
    bodies = {
        slug: Organization.objects.create(
            municipality=municipality,
            name=name,
            slug=slug,
            kind=kind,
            standard_items=STANDARD,
            default_location=room,
        )
        for slug, (name, kind) in BODIES.items()
    }
    secretary = User.objects.create_user("sekretaer", password=PASSWORD)
    for body in bodies.values():
        Assignment.objects.create(user=secretary, role="secretary", organization=body)
    parties = {}
    for given, family, letter, seats in MEMBERS:
        if letter not in parties:
            parties[letter] = PartyFactory(municipality=municipality, letter=letter)
        person = PersonFactory(
            municipality=municipality,
            party=parties[letter],
            given_name=given,
            family_name=family,
            email=f"{given.lower()}@eksempel.invalid",
            user=User.objects.create_user(given.lower(), password=PASSWORD),
        )
        for slug in seats:
            MembershipFactory(person=person, organization=bodies[slug])
    return bodies


class Clock:
    """The server's clock, moved step by step through the year."""

    def __init__(self):
        self._travel = None

    def set(self, when: dt.datetime) -> None:
        self.stop()
        self._travel = time_machine.travel(when, tick=True)
        self._travel.start()

    def stop(self) -> None:
        if self._travel is not None:
            self._travel.stop()
            self._travel = None


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"staff-{name}.png"), full_page=True)


def _login(page, base, username):
    page.goto(f"{base}/log-ind/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def _logout(page):
    page.click("header button:has-text('Log ud')")


def _plan_series(page, base, slug, first, last, at):
    page.goto(f"{base}/sekretariat/udvalg/{MUNICIPALITY}/{slug}/moedeplan/?aar=2027")
    page.fill("#id_first_day", first)
    page.fill("#id_last_day", last)
    page.fill("#id_every_weeks", "4")
    page.fill("#id_at", at)
    page.click("button:has-text('Planlæg møderne')")
    page.wait_for_selector("text=møder er planlagt")


def _settle(page):
    let_previews_finish(page)


def _approve_item(page):
    _settle(page)
    page.click("button:has-text('Markér som klar')")
    page.click("button:has-text('Godkend punktet')")
    assert page.locator("#draft-state").inner_text() == "Godkendt"


def _publish(page, base, meeting):
    page.goto(f"{base}/sekretariat/moeder/{meeting.pk}/dagsorden/")
    page.click(":is(a, button):has-text('Udsend dagsorden')")
    _confirm(page)
    page.wait_for_url(re.compile(r"/live/$"))


def _confirm(page):
    """Irreversible steps ask first, on a page that says what will happen."""
    page.wait_for_selector(".confirm h1")
    page.click(".confirm button[type=submit]")


def _decide(page, title, outcome, text):
    item = page.locator("section.item", has_text=title)
    item.locator("select[name$=outcome]").select_option(outcome)
    item.locator("textarea[name$=text]").fill(text)
    item.locator("button:has-text('Gem beslutning')").click()
    page.wait_for_selector(f"section.item >> text={text}")


def _close(page):
    page.click(":is(a, button):has-text('Afslut mødet')")
    _confirm(page)
    page.wait_for_url(re.compile(r"/referat/$"))


def _everyone_signs(page, base, meeting, usernames):
    _logout(page)
    for username in usernames:
        _login(page, base, username)
        page.goto(f"{base}/medlem/moeder/{meeting.pk}/")
        page.click(":is(a, button):has-text('Godkend referatet')")
        _confirm(page)
        page.wait_for_selector("text=Du har godkendt referatet")
        _logout(page)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.MINUTES_APPROVED
    _login(page, base, "sekretaer")


def _meeting(slug, day):
    return Meeting.objects.get(organization__slug=slug, start__date=day)


def _bilag_pdf(tmp_path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text="Skitseforslag til ny svoemmehal")
    path = tmp_path / "skitse.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


CASE = "Ny svømmehal ved Søparken"


@pytest.mark.django_db(transaction=True)
def test_a_year_slice_without_the_admin(live_server, monkeypatch, settings, tmp_path):
    if reason := browser_skip_reason():
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.SESSION_COOKIE_AGE = 400 * 24 * 3600  # one login survives the moving clock
    clock = Clock()
    clock.set(local(2027, 1, 4, 9))
    bodies = _setup()
    from playwright.sync_api import sync_playwright

    base = live_server.url
    visited = []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="da-DK")
            page.set_default_timeout(20000)
            page.on("dialog", lambda dialog: dialog.accept())  # confirmations, whatever they ask
            page.on("request", lambda request: visited.append(request.url))
            _walk_the_year(page, base, bodies, clock, tmp_path)
            browser.close()
    finally:
        clock.stop()
    assert not [url for url in visited if "/admin/" in url]


def _walk_the_year(page, base, bodies, clock, tmp_path):
    # 4 January: the year's meetings are planned, from the secretariat's front page.
    _login(page, base, "sekretaer")
    page.click(f"main a:has-text('{bodies['tmu'].name}')")
    page.click("a:has-text('Mødeplan')")
    _plan_series(page, base, "tmu", "2027-01-19", "2027-06-30", "16:00")
    _shot(page, "meeting-plan")
    _plan_series(page, base, "oeu", "2027-01-26", "2027-03-31", "15:00")
    _plan_series(page, base, "kb", "2027-02-04", "2027-04-30", "19:00")
    assert Meeting.objects.filter(organization__slug="tmu").count() == 6
    tmu_meeting = _meeting("tmu", dt.date(2027, 1, 19))
    assert [i.title for i in tmu_meeting.items.order_by("order")] == [
        "Godkendelse af dagsorden",
        "Eventuelt",
    ]

    _draft_case(page, base, tmp_path)
    _publish(page, base, tmu_meeting)

    # 19 January: the committee meets; its members sign the minutes.
    clock.set(local(2027, 1, 19, 16, 5))
    page.goto(f"{base}/sekretariat/moeder/{tmu_meeting.pk}/live/")
    _decide(page, CASE, "anbefales", "Anbefales over for Økonomiudvalget.")
    _shot(page, "live")
    clock.set(local(2027, 1, 19, 17, 40))
    _close(page)
    tmu_meeting.refresh_from_db()
    assert timezone_hm(tmu_meeting.end) == "17:40"
    _everyone_signs(page, base, tmu_meeting, ["ida", "jonas", "karen"])

    # The case is drafted at Økonomiudvalget with its text, indstilling and bilag.
    oeu_meeting = _meeting("oeu", dt.date(2027, 1, 26))
    _edit_carried_item(page, base, "Økonomiudvalget", "Anlægsudgift 85 mio. kr.")
    _publish(page, base, oeu_meeting)
    clock.set(local(2027, 1, 26, 15, 5))
    page.goto(f"{base}/sekretariat/moeder/{oeu_meeting.pk}/live/")
    _decide(page, CASE, "anbefales", "Økonomiudvalget anbefaler forslaget.")
    clock.set(local(2027, 1, 26, 16, 10))
    _close(page)
    _everyone_signs(page, base, oeu_meeting, ["lars", "maja"])

    # Kommunalbestyrelsen decides; all five members sign.
    kb_meeting = _meeting("kb", dt.date(2027, 2, 4))
    _edit_carried_item(page, base, "Kommunalbestyrelsen", None)
    _publish(page, base, kb_meeting)
    clock.set(local(2027, 2, 4, 19, 2))
    page.goto(f"{base}/sekretariat/moeder/{kb_meeting.pk}/live/")
    _decide(page, CASE, "godkendt", "Godkendt.")
    clock.set(local(2027, 2, 4, 20, 45))
    _close(page)
    _shot(page, "minutes")
    _everyone_signs(page, base, kb_meeting, ["ida", "jonas", "karen", "lars", "maja"])
    page.goto(f"{base}/moeder/{kb_meeting.pk}/")
    public = page.content()
    assert "Sagens forløb" in public and "Økonomiudvalget anbefaler forslaget." in public
    assert "Anbefales over for Økonomiudvalget." in public
    _shot(page, "public-history")

    _cancel_and_move(page, base)


def timezone_hm(value) -> str:
    from django.utils import timezone

    return timezone.localtime(value).strftime("%H:%M")


def _draft_case(page, base, tmp_path):
    page.goto(f"{base}/sekretariat/sager/ny/")
    page.fill("#id_title", CASE)
    page.fill("#id_journal_number", "00.01.00-G01-3-27")
    for index, (slug, role) in enumerate(
        [("tmu", "indstiller"), ("oeu", "indstiller"), ("kb", "afgoer")]
    ):
        page.select_option(f"#id_form-{index}-organization", label=BODIES[slug][0])
        page.select_option(f"#id_form-{index}-role", value=role)
    page.click("button:has-text('Opret sag')")
    page.select_option("#id_meeting", index=0)
    page.click("button:has-text('Sæt på dagsorden')")
    page.wait_for_selector("text=Hvad skal udvalget tage stilling til?")
    page.fill("#id_sections-0-body", "Skal der bygges en ny svømmehal ved Søparken?")
    page.fill("#id_sections-1-body", "Den gamle hal er **nedslidt**, og ventelisten er lang.")
    page.fill("#id_sections-2-body", "Anlægsudgift 80 mio. kr.")
    # Typed as it reads in a finished document: it must still print once.
    page.fill("#id_recommendation_by", "Direktionen indstiller")
    page.fill(
        "#id_recommendation_clauses",
        "at at der bygges en ny svømmehal\n2. at anlægget finansieres ved lån",
    )
    preview = page.frame_locator("iframe.print-preview")
    preview.locator("text=Direktionen indstiller, at:").wait_for()
    assert preview.locator("text=indstiller, indstiller").count() == 0
    _settle(page)
    page.click("button:has-text('Gem punktet')")
    page.wait_for_selector("text=Punktet er gemt")
    _settle(page)
    bilag = page.locator("form[action$='/bilag/']")
    bilag.locator("input[name=name]").fill("Skitseforslag")
    bilag.locator("input[type=file]").set_input_files(str(_bilag_pdf(tmp_path)))
    bilag.locator("button[type=submit]").click()
    page.wait_for_selector("text=Bilaget er vedhæftet")
    _settle(page)
    page.frame_locator("iframe.print-preview").locator("text=Skitseforslag").wait_for()
    _shot(page, "item-editor")
    _approve_item(page)


def _edit_carried_item(page, base, body_name, economy):
    case = Case.objects.get(title=CASE)
    page.goto(f"{base}/sekretariat/sager/{case.pk}/")
    page.click(f"main li a:has-text('{body_name}')")
    assert "nedslidt" in page.input_value("#id_sections-1-body")
    assert page.input_value("#id_recommendation_to").endswith("Kommunalbestyrelsen")
    assert page.locator("main li:has-text('Skitseforslag')").count() == 1
    if economy:
        page.fill("#id_sections-2-body", economy)
        _settle(page)
        page.click("button:has-text('Gem punktet')")
        page.wait_for_selector("text=Punktet er gemt")
        page.click("a:has-text('Se ændringer')")
        assert page.locator("del:has-text('80')").count() == 1
        assert page.locator("ins:has-text('85')").count() == 1
        _shot(page, "item-changes")
        page.go_back()
    _approve_item(page)


def _cancel_and_move(page, base):
    page.goto(f"{base}/sekretariat/udvalg/{MUNICIPALITY}/tmu/moedeplan/?aar=2027")
    february = _meeting("tmu", dt.date(2027, 2, 16))
    row = page.locator(f"#moede-{february.pk}")
    row.locator("summary:has-text('Aflys')").click()
    row.locator("input[name=reason]").fill("Ingen sager til behandling.")
    row.locator("button:has-text('Aflys mødet')").click()
    page.wait_for_selector("text=Mødet er aflyst")
    march = _meeting("tmu", dt.date(2027, 3, 16))
    row = page.locator(f"#moede-{march.pk}")
    row.locator("summary:has-text('Flyt')").click()
    row.locator(f"#id_m{march.pk}-day").fill("2027-03-23")
    row.locator(f"#id_m{march.pk}-at").fill("17:00")
    row.locator(f"#id_m{march.pk}-reason").fill("Budgetseminar den 16. marts.")
    row.locator("button:has-text('Flyt mødet')").click()
    page.wait_for_selector("text=Mødet er flyttet")
    _shot(page, "meeting-plan-changed")
    march.refresh_from_db()
    assert march.start == local(2027, 3, 23, 17)
    page.goto(f"{base}/moeder/")
    assert "Ingen sager til behandling." in page.content()
