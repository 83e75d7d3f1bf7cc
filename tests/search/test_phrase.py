"""A phrase of common words on PostgreSQL without usable pairs (its words apart from a
stop word: "grønne og havnebad" has no adjacent pair for the pair index of
`test_word_pairs`): the phrase is tested on a bounded set of the items holding all its
words (exact when they are few, an estimate from an even spread of them otherwise), and
the page walks them newest first. The planner's estimate is made large and the limits
small, so a dozen items take the bounded path; the pair index is switched off, so the
phrase's own words make the candidates."""

import pytest
from django.db import connection

from dagsorden.search import phrase
from dagsorden.search.backends import postgres
from dagsorden.search.facade import SearchRequest, search
from tests.factories import local

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the phrase bound is PostgreSQL's"
)


@pytest.fixture
def common_phrase(archive, settings, monkeypatch):
    """Six items with "grønne havnebad" as a phrase, six with both words apart, one
    closed item with the phrase, and the planner told the words are in a thousand items."""
    settings.SEARCH_EXACT_LIMIT = 100
    settings.SEARCH_PHRASE_LIST_LIMIT = 10_000
    monkeypatch.setattr(postgres, "planned_rows", lambda sql, params: 1_000)
    monkeypatch.setattr(postgres, "phrase_pairs", lambda phrases: [])
    together, apart = [], []
    for n in range(6):
        together.append(
            archive.item(
                meeting=archive.meeting(start=local(2014 + n, 3, 1)),
                title=f"Punkt {n}",
                sections=[("Tekst", "Forslag om grønne havnebad ved kajen.")],
            ).pk
        )
        apart.append(
            archive.item(
                meeting=archive.meeting(start=local(2014 + n, 4, 1)),
                title=f"Sag {n}",
                sections=[("Tekst", "Et havnebad og grønne arealer.")],
            ).pk
        )
    closed = archive.item(
        meeting=archive.meeting(start=local(2030, 1, 1)),
        title="Grønne havnebad fortroligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Tekst", "Grønne havnebad til hemmelighedspris")],
    ).pk
    return together, apart, closed


def _ids(result):
    return [hit.item_id for hit in result.hits]


def test_few_candidates_are_all_tested_and_the_result_is_exact(common_phrase, settings):
    together, _apart, closed = common_phrase
    settings.SEARCH_PHRASE_CANDIDATES = 50
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert not result.estimated
    assert result.total == 6
    assert sorted(_ids(result)) == sorted(together)
    assert closed not in _ids(result)


def test_many_candidates_give_a_marked_estimate_and_a_page_of_real_matches(common_phrase, settings):
    together, apart, closed = common_phrase
    settings.SEARCH_PHRASE_CANDIDATES = 4
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert result.estimated
    # 4 of the 12 candidates tested, scaled by 3: a multiple of 3 near 6.
    assert result.total % 3 == 0 and 0 <= result.total <= 12
    # The walk finds every match (all within the walk), newest first; no item with
    # the words apart, nothing closed.
    assert _ids(result) == list(reversed(together))
    assert not set(_ids(result)) & {*apart, closed}
    shown = " ".join(str(hit.title) + str(hit.snippet) for hit in result.hits)
    assert "hemmelighedspris" not in shown and "fortroligt" not in shown


def test_the_walk_stops_at_its_bound(common_phrase, settings, monkeypatch):
    together, _apart, _closed = common_phrase
    settings.SEARCH_PHRASE_CANDIDATES = 4
    settings.SEARCH_PHRASE_WALK = 4
    monkeypatch.setattr(phrase, "CHUNK", 2)
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    # Only the four newest candidates (two years: a phrase item and an apart item
    # each) were tested.
    assert _ids(result) == [together[5], together[4]]


def test_a_filter_narrows_the_candidates(common_phrase, settings):
    together, _apart, _closed = common_phrase
    settings.SEARCH_PHRASE_CANDIDATES = 4
    result = search(SearchRequest(text='"grønne havnebad"', year=2016, page_size=50))
    assert not result.estimated
    assert _ids(result) == [together[2]] and result.total == 1


def test_a_phrase_of_rare_words_keeps_the_exact_path(archive, settings):
    settings.SEARCH_PHRASE_CANDIDATES = 4
    item = archive.item(
        meeting=archive.meeting(start=local(2020, 1, 1)),
        title="Punkt",
        sections=[("Tekst", "Om sjældne badebroer her.")],
    )
    result = search(SearchRequest(text='"sjældne badebroer"'))
    assert not result.estimated and _ids(result) == [item.pk]


def test_words_in_most_items_take_the_window_sample_and_the_walk_by_date(common_phrase, settings):
    together, apart, closed = common_phrase
    settings.SEARCH_PHRASE_CANDIDATES = 4
    settings.SEARCH_PHRASE_LIST_LIMIT = 10
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert result.estimated
    assert _ids(result) == list(reversed(together))
    assert not set(_ids(result)) & {*apart, closed}
