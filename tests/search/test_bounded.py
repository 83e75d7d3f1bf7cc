"""Search whose cost does not grow with the matches: above SEARCH_EXACT_LIMIT matches the
total and facets are estimates from a sample (and say so), the page is ranked among
bounded candidates, and nothing closed shows. The limits are made small through
settings, so a few dozen items take the bounded path."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dagsorden.meetings.models import Decision
from dagsorden.search import bounded, facade
from dagsorden.search.backends import MatchSql
from dagsorden.search.facade import SearchRequest, search
from tests.factories import MunicipalityFactory, OrganizationFactory, local


@pytest.fixture
def small_limits(settings):
    settings.SEARCH_EXACT_LIMIT = 5
    settings.SEARCH_SAMPLE_ROWS = 4
    settings.SEARCH_RANK_CANDIDATES = 50
    settings.SEARCH_ESTIMATED_PAGES = 3
    return settings


def _fill(archive, *, titled=8, text_only=16):
    """Items with "havnebad" in titles of different lengths, and more with it only in
    the text, over several years."""
    items = []
    for n in range(titled):
        meeting = archive.meeting(start=local(2015 + n % 8, 3, 1 + n))
        title = "Havnebad " + " ".join(["ved kajen"] * (n % 4))
        items.append(
            archive.item(meeting=meeting, title=title, sections=[("Tekst", "Et forslag.")])
        )
    for n in range(text_only):
        meeting = archive.meeting(start=local(2012 + n % 10, 6, 1 + n % 28))
        items.append(
            archive.item(
                meeting=meeting,
                title=f"Orientering {n}",
                sections=[("Tekst", "Om havnebad og badebroer.")],
                outcome=Decision.Outcome.APPROVED,
            )
        )
    return items


def _ids(result):
    return [hit.item_id for hit in result.hits]


def test_the_first_page_of_a_title_word_is_what_full_ranking_gives(archive, settings):
    _fill(archive)
    settings.SEARCH_EXACT_LIMIT = 10_000
    exact = search(SearchRequest(text="havnebad", page_size=10))
    assert not exact.estimated and exact.total == 24

    settings.SEARCH_EXACT_LIMIT = 5
    bounded = search(SearchRequest(text="havnebad", page_size=10))
    assert bounded.estimated
    assert _ids(bounded) == _ids(exact)
    # The title matches lead, the shortest titles first.
    assert [hit.title.count("kajen") for hit in bounded.hits[:2]] == [0, 0]


def test_an_estimate_is_marked_and_rounded_and_close(archive, small_limits):
    _fill(archive, titled=4, text_only=40)
    result = search(SearchRequest(text="havnebad"))
    assert result.estimated
    assert result.total > 5
    assert 0.5 * 44 <= result.total <= 1.5 * 44
    assert sum(result.facets["year"].values()) == pytest.approx(44, rel=0.5)


def test_an_estimated_search_asks_the_id_bounds_once(archive, small_limits):
    _fill(archive, titled=4, text_only=40)
    with CaptureQueriesContext(connection) as queries:
        result = search(SearchRequest(text="havnebad"))
    assert result.estimated
    assert sum("MIN(item_id)" in query["sql"] for query in queries) == 1


def test_below_the_limit_counts_are_exact_and_not_marked(archive, small_limits):
    _fill(archive, titled=2, text_only=2)
    result = search(SearchRequest(text="havnebad"))
    assert not result.estimated
    assert result.total == 4


def test_the_search_page_says_ca_for_an_estimate(client, archive, small_limits):
    _fill(archive, titled=4, text_only=40)
    page = client.get(reverse("portal:search"), {"q": "havnebad"}).content.decode()
    assert "ca. " in page
    assert "anslået" in page
    exact = client.get(reverse("portal:search"), {"q": "badebroer xyz"}).content.decode()
    assert "anslået" not in exact


def test_estimated_pages_stop_and_never_repeat_a_hit(archive, small_limits):
    _fill(archive, titled=5, text_only=40)
    pages = [search(SearchRequest(text="havnebad", page=n, page_size=5)) for n in (1, 2, 3)]
    assert pages[0].pages == 3 and pages[0].truncated
    seen = [item_id for page in pages for item_id in _ids(page)]
    assert len(seen) == 15 and len(set(seen)) == 15
    beyond = search(SearchRequest(text="havnebad", page=9, page_size=5))
    assert _ids(beyond) == _ids(pages[2])  # clamped to the last page offered


def test_a_case_is_one_hit_on_the_bounded_path(archive, small_limits):
    _fill(archive, titled=2, text_only=10)
    case = archive.case("18.00.00-G01-9-26")
    for month in (3, 4, 5):
        archive.item(
            meeting=archive.meeting(start=local(2027, month, 2)),
            title="Badeanstalt",
            case=case,
            sections=[("Tekst", "Havnebad i sommer.")],
        )
    result = search(SearchRequest(text="havnebad", page_size=20))
    assert result.estimated
    assert [hit.case_id for hit in result.hits].count(case.pk) == 1


def test_a_closed_item_is_never_found_or_quoted_on_the_bounded_path(archive, small_limits):
    _fill(archive, titled=3, text_only=20)
    archive.item(
        meeting=archive.meeting(start=local(2030, 1, 1)),
        title="Havnebad fortroligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Tekst", "Havnebad og grundkøb til hemmelighedspris")],
    )
    result = search(SearchRequest(text="havnebad", page_size=50))
    assert result.estimated
    shown = " ".join(str(hit.title) + str(hit.snippet) for hit in result.hits)
    assert "hemmelighedspris" not in shown and "fortroligt" not in shown
    assert search(SearchRequest(text="hemmelighedspris")).total == 0


def test_municipality_facet_and_filter(client, archive, small_limits):
    _fill(archive, titled=2, text_only=2)
    other = MunicipalityFactory(slug="andensted", name="Andensted Kommune")
    body = OrganizationFactory(municipality=other, name="Byrådet", slug="andet-byraad")
    elsewhere = archive.item(
        meeting=archive.meeting(body=body, start=local(2026, 2, 2)),
        title="Havnebad i Andensted",
    )
    result = search(SearchRequest(text="havnebad"))
    assert result.facets["municipality"] == {archive.municipality.pk: 4, other.pk: 1}
    narrowed = search(SearchRequest(text="havnebad", municipality=other.pk))
    assert _ids(narrowed) == [elsewhere.pk]
    assert narrowed.hits[0].municipality == "Andensted Kommune"

    page = client.get(reverse("portal:search"), {"q": "havnebad"}).content.decode()
    assert "<h2>Kommune</h2>" in page and "Andensted Kommune" in page
    # Every municipality has a "Byrådet": the national body facet names whose.
    assert "Byrådet (Andensted Kommune)" in page
    local_page = client.get(
        reverse("portal:search"), {"q": "havnebad", "kommune": other.pk}
    ).content.decode()
    assert "Byrådet (Andensted Kommune)" in local_page
    filtered = client.get(reverse("portal:search"), {"q": "havnebad", "kommune": other.pk})
    assert filtered.context["result"].total == 1
    bad = client.get(reverse("portal:search"), {"q": "havnebad", "kommune": "x"})
    # A malformed filter is the visitor's error: the page says why, with status 400.
    assert bad.status_code == 400 and bad.context["result"] is None


def test_municipality_filter_on_the_bounded_path(archive, small_limits):
    _fill(archive, titled=3, text_only=20)
    other = MunicipalityFactory(slug="andensted", name="Andensted Kommune")
    body = OrganizationFactory(municipality=other, name="Byrådet", slug="andet-byraad")
    mine = [
        archive.item(
            meeting=archive.meeting(body=body, start=local(2026, 2, day)),
            title=f"Punkt {day}",
            sections=[("Tekst", "Havnebad")],
        )
        for day in (2, 3)
    ]
    result = search(SearchRequest(text="havnebad"))
    assert result.estimated
    narrowed = search(SearchRequest(text="havnebad", municipality=other.pk))
    assert sorted(_ids(narrowed)) == sorted(item.pk for item in mine)


def test_the_municipality_facet_is_hidden_with_one_municipality(client, archive):
    archive.item(title="Havnebad")
    page = client.get(reverse("portal:search"), {"q": "havnebad"}).content.decode()
    assert "<h2>Kommune</h2>" not in page
    # One municipality: its bodies go by their own names.
    assert "Teknikudvalget (" not in page and "Teknikudvalget" in page


def test_a_snippet_from_a_long_bilag_is_cut_around_the_match(archive):
    item = archive.item(title="Notat")
    text = "Indledning om vejene. " * 3000 + "Her står ordet havnebad <i>til</i> sidst. Slut."
    archive.bilag(item, name="Bilag", text=text)
    snippet = str(search(SearchRequest(text="havnebad")).hits[0].snippet)
    assert snippet.startswith("… ")
    assert "<mark>havnebad</mark>" in snippet
    assert "&lt;i&gt;til&lt;/i&gt;" in snippet
    assert len(snippet) < 400


def test_rank_all_limit_still_ranks_every_match_when_few(archive, monkeypatch):
    monkeypatch.setattr(facade, "RANK_ALL_LIMIT", 1000)
    items = _fill(archive, titled=3, text_only=3)
    result = search(SearchRequest(text="havnebad"))
    assert set(_ids(result)[:3]) == {item.pk for item in items[:3]}


def test_a_large_archive_reads_windows_for_words_in_a_smaller_share():
    # Up to a million entries a tenth; beyond, the window rows cost less than the list
    # at a smaller share (the list grows with the archive, a sample's rows do not).
    assert bounded.common_from(200_000) == 20_000
    assert bounded.common_from(1_000_000) == 100_000
    assert 200_000 < bounded.common_from(3_000_000) < 0.1 * 3_000_000
    assert bounded.common_from(7_000_000) < 0.05 * 7_000_000


def test_a_large_archives_title_candidates_are_its_newest_entries(
    archive, small_limits, monkeypatch
):
    # The titled items are the first 8 entries; 16 newer ones have the word in the text.
    items = _fill(archive)
    everything = search(SearchRequest(text="havnebad", page_size=10))
    assert everything.estimated and set(_ids(everything)[:8]) == {i.pk for i in items[:8]}

    # The planner expects too many title matches to read them all: the window is capped
    # at SEARCH_TITLE_WINDOW, the newest 16 entries, which hold no titled item.
    monkeypatch.setattr(bounded, "_title_window_for", lambda match, filters, span: span)
    small_limits.SEARCH_TITLE_WINDOW = 16
    recent = search(SearchRequest(text="havnebad", page_size=10))
    assert recent.estimated
    # No title candidate in the window: the page is every match newest first.
    newest_first = sorted(items, key=lambda i: (-i.meeting.start.timestamp(), i.pk))
    assert _ids(recent) == [i.pk for i in newest_first][:10]
    assert _ids(recent) != _ids(everything)


def test_the_title_window_holds_a_few_times_the_ranked_candidates(monkeypatch, settings):
    # The planner expects a title match in every tenth entry of a million: the window
    # holds 4 × 300 of them. A less common one gets the whole SEARCH_TITLE_WINDOW.
    settings.SEARCH_RANK_CANDIDATES = 300
    match = MatchSql(
        from_sql="search_searchentry e",
        where_sql="1 = 1",
        params=[],
        order_sql="",
        title_from_sql="search_searchentry e",
        title_where_sql="2 = 2",
    )
    monkeypatch.setattr(bounded, "current_backend", lambda: _Planner(100_000))
    assert bounded._title_window_for(match, None, 1_000_000) == 12_000
    monkeypatch.setattr(bounded, "current_backend", lambda: _Planner(5_500))
    assert bounded._title_window_for(match, None, 1_000_000) > bounded.title_window()
    # Countable title matches: no window (their list costs less than the window's).
    monkeypatch.setattr(bounded, "current_backend", lambda: _Planner(5_000))
    assert bounded._title_window_for(match, None, 1_000_000) is None
    monkeypatch.setattr(bounded, "current_backend", lambda: _Planner(None))
    assert bounded._title_window_for(match, None, 1_000_000) == 1_000_000


class _Planner:
    def __init__(self, rows):
        self.rows = rows

    def planned_rows(self, sql, params):
        return self.rows


def test_a_common_title_words_candidates_are_the_newest_title_matches(
    archive, small_limits, monkeypatch
):
    # Eight old titled items, sixteen newer ones with the word in the text, then four
    # new titled ones: a window of the newest six entries ranks only the new titles.
    items = _fill(archive)
    new_titles = [
        archive.item(
            meeting=archive.meeting(start=local(2023, 5, 1 + n)),
            title="Havnebad nu",
            sections=[("Tekst", "Et nyt forslag.")],
        )
        for n in range(4)
    ]
    everything = search(SearchRequest(text="havnebad", page_size=10))
    # The one-word title "Havnebad" ranks above "Havnebad nu" …
    assert everything.estimated and _ids(everything)[0] in {item.pk for item in items[:8]}
    monkeypatch.setattr(bounded, "_title_window_for", lambda match, filters, span: 6)
    result = search(SearchRequest(text="havnebad", page_size=10))
    # … but is outside the window of the newest six entries.
    assert result.estimated
    assert set(_ids(result)[:4]) == {item.pk for item in new_titles}
