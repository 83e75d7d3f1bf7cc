"""No silent failure: refused actions in the live htmx fragment show their reason,
irreversible steps ask first and say what will happen, publishing says who was told,
notices link to the meeting, and the stedfortræder list offers only who may step in."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from dagsorden.meetings.models import Meeting
from dagsorden.meetings.services import (
    agenda_item_create,
    decision_record,
    item_set_draft_state,
    meeting_create,
)
from tests.factories import MembershipFactory, PartyFactory, PersonFactory, local

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _council_person(world, letter):
    council = world["body"].municipality.organizations.get(slug="kb")
    person = PersonFactory(
        municipality=world["body"].municipality,
        party=PartyFactory(municipality=world["body"].municipality, letter=letter),
    )
    MembershipFactory(person=person, organization=council)
    return person


def _alerts(html: str) -> list[str]:
    return re.findall(r'role="alert">([^<]+)<', html)


# --- the live meeting: refusals in the htmx fragment ---------------------------------


def test_a_stedfortraeder_from_another_party_is_refused_with_its_reason_in_the_fragment(
    client, world
):
    client.force_login(world["users"]["secretary_own"])
    meeting, member = world["published"], world["members"][1]
    other_party = _council_person(world, "V")
    response = client.post(
        reverse("staff:attendance_save", args=[meeting.pk]),
        {"person": member.pk, "status": "afbud", "substitute": other_party.pk},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert any("ikke valgt for samme parti" in alert for alert in _alerts(html)), html[:2000]
    assert not meeting.attendances.filter(person=other_party).exists()


def test_a_refused_vote_shows_its_reason_in_the_fragment_and_keeps_no_decision(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, members, item = world["published"], world["members"], world["live_item"]
    client.post(
        reverse("staff:attendance_save", args=[meeting.pk]),
        {"person": members[2].pk, "status": "fravaer"},
        **HTMX,
    )
    response = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {
            f"item{item.pk}-outcome": "godkendt",
            f"item{item.pk}-text": "",
            f"vote-{members[0].pk}": "for",
            f"vote-{members[2].pk}": "imod",  # absent: the form of an old page
        },
        **HTMX,
    )
    # A page opened before the absence was recorded still offers the vote: the save is
    # refused with the reason, not recorded without the vote as if nothing happened.
    alerts = _alerts(response.content.decode())
    assert any("ikke til stede og kan ikke stemme" in alert for alert in alerts), alerts
    assert not item.votes.exists() and not hasattr(item, "decision")


def test_a_decision_on_a_closed_meeting_is_refused_visibly_in_the_fragment(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = world["held_item"]
    Meeting.objects.filter(pk=world["held"].pk).update(state=Meeting.State.MINUTES_APPROVED)
    response = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {f"item{item.pk}-outcome": "godkendt", f"item{item.pk}-text": "For sent"},
        **HTMX,
    )
    assert any("kan ikke ændres" in alert for alert in _alerts(response.content.decode()))


def test_the_fragment_shows_a_message_once_and_the_full_page_not_twice(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, member = world["published"], world["members"][1]
    other_party = _council_person(world, "V")
    data = {"person": member.pk, "status": "afbud", "substitute": other_party.pk}
    url = reverse("staff:attendance_save", args=[meeting.pk])
    page = client.post(url, data, follow=True).content.decode()  # no JavaScript
    assert page.count("ikke valgt for samme parti") == 1


# --- the stedfortræder list ----------------------------------------------------------


def test_stedfortraeder_list_offers_only_same_party_council_members_off_the_body(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, members = world["published"], world["members"]
    other_party = _council_person(world, "V")
    same_party = world["spare"]
    page = client.get(reverse("staff:meeting_live", args=[meeting.pk])).content.decode()
    select = re.search(
        rf'<select id="substitute-{members[1].pk}"[^>]*>(.*?)</select>', page, re.S
    ).group(1)
    offered = set(map(int, re.findall(r'value="(\d+)"', select)))
    assert same_party.pk in offered
    assert other_party.pk not in offered
    assert not offered & {person.pk for person in members}  # on the body already


def test_a_stedfortraeder_standing_in_for_one_member_is_not_offered_for_another(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, members, spare = world["published"], world["members"], world["spare"]
    client.post(
        reverse("staff:attendance_save", args=[meeting.pk]),
        {"person": members[1].pk, "status": "afbud", "substitute": spare.pk},
    )
    page = client.get(reverse("staff:meeting_live", args=[meeting.pk])).content.decode()

    def offered(member):
        select = re.search(
            rf'<select id="substitute-{member.pk}"[^>]*>(.*?)</select>', page, re.S
        ).group(1)
        return set(map(int, re.findall(r'value="(\d+)"', select)))

    assert spare.pk in offered(members[1])  # still shown where it is chosen
    assert spare.pk not in offered(members[2])


# --- publishing: who was told --------------------------------------------------------


def _ready_to_publish(world):
    item_set_draft_state(item=world["draft"], state="ready")
    item_set_draft_state(item=world["draft"], state="approved")
    return world["planned"]


def test_publishing_without_any_e_mail_address_does_not_claim_it_was_sent(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["users"]["secretary_own"])
    meeting = _ready_to_publish(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("staff:agenda_publish", args=[meeting.pk]),
            {"late_reason": "Ekstra punkt"},
            follow=True,
        )
    html = response.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED
    assert "udsendt" not in html.split('class="messages"')[1].split("</div>")[0]
    assert "ingen medlemmer har fået besked" in html
    assert mail.outbox == []


def test_publishing_names_who_was_told_and_who_has_no_address(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://dagsorden.eksempel.dk"
    client.force_login(world["users"]["secretary_own"])
    members = world["members"]
    for person, address in [(members[0], "a@eksempel.invalid"), (members[1], "b@eksempel.invalid")]:
        person.email = address
        person.save()
    meeting = _ready_to_publish(world)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(
            reverse("staff:agenda_publish", args=[meeting.pk]),
            {"late_reason": "Ekstra punkt"},
            follow=True,
        ).content.decode()
    assert f"udsendt pr. e-mail til {members[0].name}, {members[1].name}" in html
    assert f"har ikke fået besked: {members[2].name}" in html
    assert sorted(message.to[0] for message in mail.outbox) == [
        "a@eksempel.invalid",
        "b@eksempel.invalid",
    ]
    body = mail.outbox[0].body
    assert f"https://dagsorden.eksempel.dk/medlem/moeder/{meeting.pk}/" in body
    assert f"https://dagsorden.eksempel.dk/moeder/{meeting.pk}/" in body


def test_the_minutes_notice_links_to_the_meeting(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://dagsorden.eksempel.dk/"
    person = world["members"][0]
    person.email = "a@eksempel.invalid"
    person.save()
    client.force_login(world["users"]["secretary_own"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff:minutes_approve", args=[world["held"].pk]))
    assert len(mail.outbox) == 1
    assert f"https://dagsorden.eksempel.dk/moeder/{world['held'].pk}/" in mail.outbox[0].body


# --- confirmations -------------------------------------------------------------------


def _post_forms(html: str) -> set[str]:
    return set(re.findall(r'<form method="post" action="([^"]+)"', html))


def test_irreversible_steps_are_links_to_a_confirmation_not_direct_posts(client, world):
    client.force_login(world["users"]["secretary_own"])
    builder = client.get(reverse("staff:agenda_builder", args=[world["planned"].pk]))
    live = client.get(reverse("staff:meeting_live", args=[world["published"].pk]))
    minutes = client.get(reverse("staff:minutes", args=[world["held"].pk]))
    posts = set().union(*(_post_forms(r.content.decode()) for r in (builder, live, minutes)))
    for name, pk in [
        ("agenda_publish", world["planned"].pk),
        ("meeting_close", world["published"].pk),
        ("item_postpone", world["live_item"].pk),
        ("minutes_approve", world["held"].pk),
    ]:
        assert reverse(f"staff:{name}", args=[pk]) not in posts, name
    assert reverse("staff:meeting_close_confirm", args=[world["published"].pk]) in (
        live.content.decode()
    )
    client.force_login(world["users"]["member_own"])
    member_page = client.get(reverse("staff:member_meeting", args=[world["held"].pk]))
    assert reverse("staff:minutes_sign", args=[world["held"].pk]) not in _post_forms(
        member_page.content.decode()
    )


def test_closing_with_undecided_items_warns_and_lists_them(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting = world["published"]
    decided = world["live_item"]
    open_item = agenda_item_create(meeting=meeting, title="Trafiksikkerhedsplan")
    decision_record(item=decided, outcome="godkendt")
    page = client.get(reverse("staff:meeting_close_confirm", args=[meeting.pk])).content.decode()
    assert "1 punkt har ingen beslutning" in page
    assert f"{open_item.number}. Trafiksikkerhedsplan" in page
    assert decided.title not in page.split('class="listing"')[1].split("</ul>")[0]
    assert "Afslut mødet alligevel" in page
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED  # asking changes nothing

    # The meeting's day has passed: it is recorded "efter mødet", with its real end.
    close = reverse("staff:meeting_close", args=[meeting.pk])
    after = client.post(close, {"end_time": "18:30"}, follow=True)
    assert "Uden beslutning i referatet" in after.content.decode()
    assert "Trafiksikkerhedsplan" in after.content.decode()


def test_closing_a_fully_decided_meeting_asks_without_a_warning(client, world):
    client.force_login(world["users"]["secretary_own"])
    decision_record(item=world["live_item"], outcome="godkendt")
    page = client.get(
        reverse("staff:meeting_close_confirm", args=[world["published"].pk])
    ).content.decode()
    assert "ingen beslutning" not in page and "Ja, afslut mødet" in page


def test_publish_confirmation_names_recipients_warns_and_offers_the_draft(client, world):
    client.force_login(world["users"]["secretary_own"])
    members = world["members"]
    members[0].email = "a@eksempel.invalid"
    members[0].save()
    page = client.get(
        reverse("staff:agenda_publish_confirm", args=[world["planned"].pk])
    ).content.decode()
    assert f"sendes til {members[0].name}" in page
    assert f"får ikke besked: {members[1].name}, {members[2].name}" in page or (
        f"får ikke besked: {members[2].name}, {members[1].name}" in page
    )
    assert reverse("staff:agenda_draft_pdf", args=[world["planned"].pk]) in page
    # The draft item is not approved: the page says why it cannot be sent, no button.
    assert "kan ikke gøres endnu" in page
    assert reverse("staff:agenda_publish", args=[world["planned"].pk]) not in page


def test_postpone_confirmation_names_the_next_meeting_or_says_there_is_none(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = world["live_item"]
    url = reverse("staff:item_postpone_confirm", args=[item.pk])
    page = client.get(url).content.decode()
    # The only later meeting of the body is the planned one on 8 December.
    assert str(world["planned"]) in page and "Ja, udsæt punktet" in page
    Meeting.objects.filter(pk=world["planned"].pk).update(state=Meeting.State.CANCELLED)
    page = client.get(url).content.decode()
    assert "intet senere møde" in page and "Ja, udsæt punktet" not in page


def test_minutes_approval_confirmation_lists_who_has_not_signed(client, world):
    client.force_login(world["users"]["secretary_own"])
    held = world["held"]
    page = client.get(reverse("staff:minutes_approve_confirm", args=[held.pk])).content.decode()
    for member in world["members"]:
        assert member.name in page
    assert "kan derefter ikke ændres" in page


def test_the_member_confirms_signing_and_is_told_it_cannot_be_withdrawn(client, world):
    client.force_login(world["users"]["member_own"])
    held = world["held"]
    page = client.get(reverse("staff:minutes_sign_confirm", args=[held.pk])).content.decode()
    assert "kan ikke trækkes tilbage" in page
    assert reverse("staff:minutes_sign", args=[held.pk]) in _post_forms(page)
    assert not held.approvals.exists()  # asking signs nothing


def test_a_meeting_with_a_later_meeting_planned_after_the_world_still_postpones(world):
    """The confirmation's target is the service's target."""
    from dagsorden.meetings.selectors import meeting_next_of_body
    from dagsorden.meetings.services import item_postpone

    meeting_create(organization=world["body"], start=local(2027, 1, 12))
    target = meeting_next_of_body(world["published"])
    moved = item_postpone(item=world["live_item"])
    assert target == moved.meeting == world["planned"]


def test_a_refused_decision_keeps_what_was_typed(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting, members, item = world["published"], world["members"], world["live_item"]
    client.post(
        reverse("staff:attendance_save", args=[meeting.pk]),
        {"person": members[2].pk, "status": "fravaer"},
    )
    html = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {
            f"item{item.pk}-outcome": "anbefales",
            f"item{item.pk}-text": "Anbefales med de nævnte ændringer.",
            f"vote-{members[0].pk}": "for",
            f"vote-{members[2].pk}": "imod",
        },
        **HTMX,
    ).content.decode()
    assert "Anbefales med de nævnte ændringer." in html
    assert re.search(r'<option value="anbefales" selected>', html)
    assert re.search(rf'name="vote-{members[0].pk}" value="for" checked', html)


def test_a_decision_without_an_outcome_says_so(client, world):
    client.force_login(world["users"]["secretary_own"])
    item = world["live_item"]
    html = client.post(
        reverse("staff:decision_save", args=[item.pk]),
        {f"item{item.pk}-outcome": "", f"item{item.pk}-text": "Noget tekst"},
        **HTMX,
    ).content.decode()
    assert any("vælg en beslutning" in alert for alert in _alerts(html))
    assert "Noget tekst" in html


def test_an_empty_note_is_refused_with_a_message(client, world):
    client.force_login(world["users"]["member_own"])
    item = world["held_item"]
    page = client.post(
        reverse("staff:note_add", args=[item.pk]), {"text": ""}, follow=True
    ).content.decode()
    assert "Noten er ikke gemt" in page


def test_a_refused_publication_shows_why_and_keeps_the_late_reason(client, world):
    client.force_login(world["users"]["secretary_own"])
    meeting = world["planned"]  # its item is still a draft
    response = client.post(
        reverse("staff:agenda_publish", args=[meeting.pk]),
        {"late_reason": "Sagen kom sent fra forvaltningen"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dagsordenen er ikke udsendt" in html
    assert "Sagen kom sent fra forvaltningen</textarea>" in html
    problem = "Udkast"  # the unapproved item is named once, not twice
    refused = html.split("Dagsordenen er ikke udsendt")[1].split("</ul>")[0]
    assert problem in refused
    assert html.count("er ikke godkendt") == 1
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_is_reported_not_passed_off_as_sent(client, world, settings):
    """Transactional: the notice goes out when the publication commits, inside the
    request, exactly as on a server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    person = world["members"][0]
    person.email = "a@eksempel.invalid"
    person.save()
    client.force_login(world["users"]["secretary_own"])
    meeting = _ready_to_publish(world)
    html = client.post(
        reverse("staff:agenda_publish", args=[meeting.pk]),
        {"late_reason": "Ekstra punkt"},
        follow=True,
    ).content.decode()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AGENDA_PUBLISHED  # the publication stands
    assert "e-mailen kunne ikke sendes" in html
    assert "udsendt pr. e-mail" not in html

    approved = client.post(
        reverse("staff:minutes_approve", args=[world["held"].pk]), follow=True
    ).content.decode()
    assert "Referatet er godkendt" in approved
    assert "E-mailen om det godkendte referat kunne ikke sendes" in approved
