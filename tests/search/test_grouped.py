"""Search groups hits by case: a case treated in several bodies is one row, with its
latest public decision, and snippets keep headings apart from their text."""

import pytest
from django.urls import reverse

from dagsorden.meetings.models import Decision, Meeting
from dagsorden.search.facade import SearchRequest, search
from tests.factories import local


def _route(archive, case, *, bodies, closed_last=False):
    items = []
    for n, body in enumerate(bodies):
        meeting = archive.meeting(body=body, start=local(2026, 9 + n, 8))
        items.append(
            archive.item(
                meeting=meeting,
                title="Ny svømmehal i Nordby",
                case=case,
                sections=[("Sagens kerne", "Svømmehallen bygges ved skolen.")],
                outcome=Decision.Outcome.RECOMMENDED if n < len(bodies) - 1 else None,
                decision="Anbefales med bemærkninger om parkering." if n == 0 else None,
            )
        )
    return items


@pytest.fixture
def three_bodies(archive):
    """A case through the committee, Økonomiudvalget and the council, and a loose item
    of the committee with the same word: (Økonomiudvalget, the case)."""
    other = archive.council.__class__.objects.create(
        municipality=archive.municipality, name="Økonomiudvalget", slug="oeu"
    )
    case = archive.case("18.00.00-G01-4-26")
    _route(archive, case, bodies=[archive.committee, other, archive.council])
    archive.item(title="Svømmehallens åbningstider", sections=[("Tekst", "Svømmehal om aftenen")])
    return other, case


def test_a_case_treated_in_three_bodies_is_one_hit_with_its_latest_decision(three_bodies):
    _other, case = three_bodies
    result = search(SearchRequest(text="svømmehal"))

    assert result.total == 2
    assert [hit.case_id for hit in result.hits].count(case.pk) == 1
    row = next(hit for hit in result.hits if hit.case_id == case.pk)
    assert row.case.bodies == 3
    assert row.case.decided_by == "Økonomiudvalget"  # the council has not decided yet
    assert row.case.outcome == "Anbefales"


def test_the_facets_count_hits_as_the_total_does(archive, three_bodies):
    other, _case = three_bodies
    result = search(SearchRequest(text="svømmehal"))

    assert result.total == 2
    assert result.facets["municipality"][archive.municipality.pk] == 2
    assert result.facets["year"][2026] == 2
    # Each body treated the case: one hit there, and the loose item is the committee's.
    assert result.facets["organization"][archive.committee.pk] == 2
    assert result.facets["organization"][other.pk] == 1
    assert result.facets["organization"][archive.council.pk] == 1
    narrowed = search(SearchRequest(text="svømmehal", organization=archive.committee.pk))
    assert narrowed.total == result.facets["organization"][archive.committee.pk]


def test_the_outcome_facet_still_narrows_to_the_items_with_that_outcome(archive):
    case = archive.case("18.00.00-G01-5-26")
    _route(archive, case, bodies=[archive.committee, archive.council])
    result = search(SearchRequest(text="svømmehal", outcome=Decision.Outcome.RECOMMENDED))
    assert result.total == 1
    assert result.facets["outcome"][Decision.Outcome.RECOMMENDED] == 1


def test_an_unpublished_decision_is_not_shown_as_the_cases_outcome(archive):
    case = archive.case("18.00.00-G01-6-26")
    meeting = archive.meeting(start=local(2026, 11, 3), state=Meeting.State.HELD)
    archive.item(meeting=meeting, title="Ny svømmehal", case=case, outcome="ikke_godkendt")
    row = search(SearchRequest(text="svømmehal")).hits[0]
    assert row.case.outcome == ""


def test_the_search_page_shows_one_row_per_case_and_treated_in_n_bodies(client, archive):
    case = archive.case("18.00.00-G01-7-26")
    other = archive.council.__class__.objects.create(
        municipality=archive.municipality, name="Økonomiudvalget", slug="oeu"
    )
    _route(archive, case, bodies=[archive.committee, other, archive.council])
    page = client.get(reverse("portal:search"), {"q": "svømmehal"}).content.decode()
    assert page.count(reverse("portal:case_detail", args=[case.pk])) == 1
    assert "behandlet i 3 udvalg" in page
    assert "Anbefales" in page


def test_a_snippet_keeps_the_heading_apart_from_its_text(archive):
    archive.item(title="Plan", sections=[("Sagens kerne", "Cykelparkering ved stationen")])
    snippet = search(SearchRequest(text="cykelparkering")).hits[0].snippet
    assert "kerne · <mark>Cykelparkering</mark>" in snippet


def test_a_wrapped_line_in_a_bilag_is_not_broken_by_a_separator(archive):
    item = archive.item(title="Plan", sections=[("Tekst", "Kort.")])
    archive.bilag(item, name="Bilag", text="Der er indkommet\nhøringssvar om cykelparkering")
    item.save()  # the index follows the item
    snippet = search(SearchRequest(text="cykelparkering")).hits[0].snippet
    assert "indkommet høringssvar" in snippet
    assert "Bilag · Der er indkommet" in snippet  # the bilag's title is set apart
