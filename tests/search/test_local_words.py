"""One municipality's words under its own keys (PostgreSQL, migration 0009): its search
for a word reads that municipality's list, finds exactly what the national list filtered
to it finds, and nothing of another municipality or a closed item."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dagsorden.search import facade
from dagsorden.search.backends import MatchSql, postgres
from dagsorden.search.facade import SearchRequest, search
from dagsorden.search.text import ParsedQuery, parse_query
from tests.factories import MunicipalityFactory, OrganizationFactory
from tests.factories import local as local_time

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the municipality keys are PostgreSQL's index"
)


@pytest.fixture
def neighbours(archive):
    """Items in the archive's municipality and in a neighbour with the same words; one
    closed item of ours holds them too."""
    other = MunicipalityFactory(name="Nabo Kommune", slug="nabo", code="997")
    other_body = OrganizationFactory(municipality=other, name="Byudvalget")
    texts = [
        "Lokalplan for skolerne ved havnen.",
        "Budget for O'Brien-hallen og skolerne.",
        "Cykelsti langs havnen, etape 2.",
        "Lokalplanen for stationsbyen.",
        "Sti\\vej: en skrivefejl med omvendt skråstreg.",
    ]
    start = local_time(2024, 3, 4)
    ours = [
        archive.item(
            meeting=archive.meeting(start=start + dt.timedelta(days=7 * n)),
            title=f"Punkt {n}",
            sections=[("Sagsfremstilling", text)],
        ).pk
        for n, text in enumerate(texts)
    ]
    theirs = [
        archive.item(
            meeting=archive.meeting(body=other_body, start=start + dt.timedelta(days=7 * n)),
            title=f"Nabo {n}",
            sections=[("Sagsfremstilling", text)],
        ).pk
        for n, text in enumerate(texts)
    ]
    closed = archive.item(
        meeting=archive.meeting(start=local_time(2024, 6, 3)),
        title="Fortroligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Sagsfremstilling", "Lokalplan for skolerne, fortroligt køb.")],
    ).pk
    return archive.municipality.pk, other.pk, ours, theirs, closed


def _ids(result) -> set[int]:
    return {hit.item_id for hit in result.hits}


def test_the_keys_are_the_stems_under_the_municipality(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(dagsorden_local_words(12, "
            "to_tsvector('danish'::regconfig, 'Lokalplan for skolerne')))"
        )
        assert sorted(cursor.fetchone()[0]) == ["12 lokalplan", "12 skol"]
        cursor.execute("SELECT dagsorden_local_words(12, ''::tsvector) @@ '''12 ''' :: tsquery")
        assert cursor.fetchone()[0] is True


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("lokalplan", [0, 3]),
        ("skolerne havnen", [0]),
        ("O'Brien", [1]),
        ("skole-budget", [1]),
        ("brien hallen", [1]),
        ("sti\\vej", [4]),
        ("og lokalplanen", [0, 3]),
    ],
)
def test_a_municipality_finds_its_own_matches(neighbours, text, positions):
    municipality, _other, ours, _theirs, _closed = neighbours
    result = search(SearchRequest(text=text, municipality=municipality))
    assert _ids(result) == {ours[n] for n in positions}
    national = search(SearchRequest(text=text, page_size=50))
    assert _ids(result) == {hit.item_id for hit in national.hits if hit.item_id in ours}


def test_the_neighbour_finds_its_own_and_no_one_finds_the_closed_item(neighbours):
    municipality, other, ours, theirs, closed = neighbours
    assert _ids(search(SearchRequest(text="lokalplan", municipality=other))) == {
        theirs[0],
        theirs[3],
    }
    both = set()
    for pk in (municipality, other):
        both |= _ids(search(SearchRequest(text="lokalplan skolerne", municipality=pk)))
    assert both == {ours[0], theirs[0]}
    assert closed not in both


def test_words_without_a_stem_keep_the_national_match(neighbours):
    # PostgreSQL's Danish stop words are dropped by its parser: no key to ask for.
    municipality, *_ = neighbours
    assert postgres.local_tsqueries(ParsedQuery(words=["og", "i"]), municipality) is None
    match = postgres.match(ParsedQuery(words=["og"]), municipality)
    assert "dagsorden_local_words" not in match.where_sql
    # Beside a word with a stem, a stop word is left out, as plainto_tsquery does.
    keys = postgres.local_tsqueries(ParsedQuery(words=["lokalplan", "og"]), municipality)
    assert keys.every == f"'{municipality} lokalplan'"


def test_the_keys_of_every_and_any_word(neighbours):
    municipality, *_ = neighbours
    keys = postgres.local_tsqueries(ParsedQuery(words=["Skolerne", "by-område"]), municipality)
    m = municipality
    assert keys.every == f"'{m} skol' & '{m} by' & '{m} by-områd' & '{m} områd'"
    assert keys.anyone == f"('{m} skol') | ('{m} by' & '{m} by-områd' & '{m} områd')"


def test_an_edited_item_is_found_by_its_new_words(neighbours, archive):
    municipality, _other, ours, _theirs, _closed = neighbours
    item = archive.item(
        meeting=archive.meeting(start=local_time(2024, 9, 2)),
        title="Punkt om vandrehjem",
        sections=[("Sagsfremstilling", "Vandrehjemmet udvides.")],
    )
    assert _ids(search(SearchRequest(text="vandrehjem", municipality=municipality))) == {item.pk}
    item.title = "Punkt om campingplads"
    item.save()
    facade.index_item(item)
    both = SearchRequest(text="vandrehjem campingplads", municipality=municipality)
    assert _ids(search(both)) == {item.pk}
    item.sections.update(body="Campingpladsen udvides.")
    facade.index_item(item)
    assert not search(SearchRequest(text="vandrehjem", municipality=municipality)).hits
    found = search(SearchRequest(text="campingplads", municipality=municipality))
    assert _ids(found) == {item.pk}


def test_the_search_asks_the_municipality_keys_and_no_municipality_filter(neighbours):
    # The keys hold the municipality; a filter beside them would only tempt the planner
    # to AND the municipality's whole index with them.
    municipality, *_ = neighbours
    with CaptureQueriesContext(connection) as queries:
        search(SearchRequest(text="lokalplan skolerne", municipality=municipality))
    keyed = [q["sql"] for q in queries if "dagsorden_local_words(e.municipality_id" in q["sql"]]
    # (The title candidates come from the national title index: they keep the filter.)
    keyed = [sql for sql in keyed if "WHERE e.title_document" not in sql]
    assert keyed
    assert not any("e.municipality_id = " in sql for sql in keyed)


def test_the_match_is_the_expression_of_the_index(neighbours):
    """The condition must be the indexed expression itself (a cast or another argument
    order and PostgreSQL would compute the keys row by row). Which index the planner
    takes for a filtered search depends on the archive's statistics: the benchmark's
    business (bench/bench_search.py); here only bitmap scans are allowed and no other
    index can answer the condition."""
    municipality, *_ = neighbours
    match = postgres.match(parse_query("lokalplan skolerne"), municipality)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        try:
            cursor.execute(
                f"EXPLAIN SELECT e.item_id FROM {match.from_sql} WHERE {match.where_sql}",
                match.params,
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")
    assert "search_entry_local_words_gin" in plan


def test_phrases_and_national_searches_keep_the_national_lists(neighbours):
    municipality, *_ = neighbours
    assert "lq" not in postgres.match(parse_query("lokalplan")).from_sql
    phrase = postgres.match(parse_query('"lokalplan for skolerne"'), municipality)
    assert "dagsorden_local_words" not in phrase.where_sql
    words = postgres.match(parse_query("lokalplan"), municipality)
    assert "dagsorden_local_words" in words.where_sql


def test_a_row_test_is_made_from_the_match_itself():
    match = MatchSql(
        from_sql="search_searchentry e",
        where_sql="index_form(e)",
        row_where_sql="row_form(e)",
        params=[],
        order_sql="",
    )
    assert match.row_where("index_form(e) AND e.year = %s") == "row_form(e) AND e.year = %s"
    with pytest.raises(ValueError):
        match.row_where("e.year = %s")


def test_the_title_candidates_come_from_the_municipalitys_title_keys(
    neighbours, archive, monkeypatch
):
    municipality, other, ours, theirs, _closed = neighbours
    monkeypatch.setattr(facade, "RANK_ALL_LIMIT", 0)  # title candidates first, then the rest
    titled = archive.item(
        meeting=archive.meeting(start=local_time(2023, 1, 9)),
        title="Lokalplan for havnen",
        sections=[("Sagsfremstilling", "Et forslag.")],
    ).pk
    with CaptureQueriesContext(connection) as queries:
        result = search(SearchRequest(text="lokalplan", municipality=municipality))
    assert [hit.item_id for hit in result.hits] == [titled, ours[3], ours[0]]
    titles = [
        q["sql"] for q in queries if "dagsorden_local_words(e.municipality_id, e.title" in q["sql"]
    ]
    assert titles and "e.municipality_id = " not in titles[0]
