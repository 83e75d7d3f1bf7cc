"""The adjacent-word-pair index on PostgreSQL (migration 0007): a phrase is found
through its pairs' keys and rechecked, so the answer is the phrase operator's answer
and the plan reads the pair index, not the words' own posting lists."""

import pytest
from django.db import connection

from dagsorden.search.backends import postgres
from dagsorden.search.facade import SearchRequest, search
from dagsorden.search.text import parse_query
from tests.factories import local

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the pair index is PostgreSQL's"),
    pytest.mark.django_db,
]

# Texts whose words stand together, apart, reversed, split by a stop word, hyphenated,
# and with numbers and odd characters, to compare the pair index with `<->` itself.
TEXTS = [
    "Forslag om grønne havnebad ved kajen.",
    "Et havnebad og grønne arealer.",
    "Havnebad grønne, i omvendt orden.",
    "De grønne og havnebad.",
    "Cykelsti-planen for skolen 2027 er vedtaget.",
    "Skolen, cykelsti planen og 2027-budgettet.",
    "Budgettet 2027 for skolen: 12,5 mio. kr. til l'ancienne-ordningen.",
    "Grønne grønne havnebad havnebad.",
    "",
]
PHRASES = [
    "grønne havnebad",
    "havnebad grønne",
    "cykelsti planen",
    "planen for skolen",
    "budgettet 2027",
    "2027 for skolen",
    "grønne havnebad havnebad",
    "l'ancienne ordningen",
    "til l ancienne",
]


def test_the_pair_keys_find_exactly_what_the_phrase_operator_finds():
    with connection.cursor() as cursor:
        for phrase in PHRASES:
            keys = postgres.phrase_pairs([phrase.split()])
            for text in TEXTS:
                cursor.execute(
                    "SELECT to_tsvector('danish', %s) @@ phraseto_tsquery('danish', %s)",
                    [text, phrase],
                )
                exact = cursor.fetchone()[0]
                if not keys:
                    continue
                cursor.execute(
                    "SELECT dagsorden_word_pairs(to_tsvector('danish', %s)) @@ %s::tsquery",
                    [text, postgres.pairs_tsquery(keys)],
                )
                # Every true match has the keys (a key may also come from another
                # pair: the recheck removes those).
                assert cursor.fetchone()[0] or not exact, (phrase, text)


def test_a_stop_word_inside_the_phrase_gives_no_pairs():
    assert postgres.phrase_pairs([["grønne", "og", "havnebad"]]) == []
    assert len(postgres.phrase_pairs([["grønne", "havnebad"]])) == 1
    assert len(postgres.phrase_pairs([["nye", "grønne", "havnebad"]])) == 2


@pytest.fixture
def phrase_items(archive):
    together = [
        archive.item(
            meeting=archive.meeting(start=local(2015 + n, 3, 1)),
            title=f"Punkt {n}",
            sections=[("Tekst", "Forslag om grønne havnebad ved kajen.")],
        ).pk
        for n in range(3)
    ]
    apart = archive.item(
        meeting=archive.meeting(start=local(2019, 3, 1)),
        title="Sag",
        sections=[("Tekst", "Et havnebad og grønne arealer.")],
    ).pk
    three = archive.item(
        meeting=archive.meeting(start=local(2020, 3, 1)),
        title="Tre",
        sections=[("Tekst", "Nye grønne havnebad i byen.")],
    ).pk
    # "nye grønne" and "grønne havnebad" both, but never the three words in a row.
    split = archive.item(
        meeting=archive.meeting(start=local(2021, 3, 1)),
        title="Delt",
        sections=[("Tekst", "Nye grønne tage. Grønne havnebad.")],
    ).pk
    closed = archive.item(
        meeting=archive.meeting(start=local(2022, 1, 1)),
        title="Grønne havnebad fortroligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Tekst", "Grønne havnebad til hemmelighedspris")],
    ).pk
    return together, apart, three, split, closed


def _ids(result):
    return sorted(hit.item_id for hit in result.hits)


def test_a_two_word_phrase_is_found_through_its_pair(phrase_items):
    together, apart, three, split, closed = phrase_items
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert not result.estimated and result.total == 5
    assert _ids(result) == sorted([*together, three, split])
    assert apart not in _ids(result) and closed not in _ids(result)


def test_a_three_word_phrase_needs_its_words_in_a_row(phrase_items):
    _together, _apart, three, _split, _closed = phrase_items
    result = search(SearchRequest(text='"nye grønne havnebad"', page_size=50))
    assert _ids(result) == [three] and result.total == 1


def test_a_phrase_and_a_loose_word(phrase_items):
    together, _apart, _three, _split, _closed = phrase_items
    result = search(SearchRequest(text='"grønne havnebad" kajen', page_size=50))
    assert _ids(result) == sorted(together)


def test_the_plan_reads_the_pair_index_and_not_the_words_lists(phrase_items):
    match = postgres.match(parse_query('"grønne havnebad"'))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT e.item_id FROM {match.from_sql} WHERE {match.where_sql}",
            match.params,
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_word_pairs_gin" in plan
    assert "search_entry_document_gin" not in plan


def test_a_common_pair_is_sampled_like_a_common_word(phrase_items, settings, monkeypatch):
    """A pair the planner expects in very many items is sampled and walked like a common
    word (its items are the matches, but for a few sharing its key); on this small
    archive the sample is the whole archive and disagrees, so it is counted."""
    together, apart, three, split, closed = phrase_items
    settings.SEARCH_EXACT_LIMIT = 100
    monkeypatch.setattr(postgres, "planned_rows", lambda sql, params: 1_000)
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert result.total == 5
    assert _ids(result) == sorted([*together, three, split])
    assert apart not in _ids(result) and closed not in _ids(result)


def test_a_phrase_in_the_title_leads_and_reversed_title_words_do_not(archive):
    """The title candidates of a one-phrase query come from the title's own pairs
    (migration 0008): the phrase in the title leads, its words reversed in a title do
    not make a title candidate, and an item with the phrase only in its text follows."""
    in_title = archive.item(
        meeting=archive.meeting(start=local(2016, 3, 1)),
        title="Grønne havnebad ved kajen",
        sections=[("Tekst", "Forslaget beskrives her.")],
    ).pk
    reversed_title = archive.item(
        meeting=archive.meeting(start=local(2024, 3, 1)),
        title="Havnebad grønne",
        sections=[("Tekst", "Der er grønne havnebad i teksten.")],
    ).pk
    in_text = archive.item(
        meeting=archive.meeting(start=local(2023, 3, 1)),
        title="Andet punkt",
        sections=[("Tekst", "Også grønne havnebad her.")],
    ).pk
    result = search(SearchRequest(text='"grønne havnebad"', page_size=50))
    assert [hit.item_id for hit in result.hits] == [in_title, reversed_title, in_text]


def test_a_phrases_title_candidates_read_the_title_pair_index(phrase_items):
    match = postgres.match(parse_query('"grønne havnebad"'))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT e.item_id FROM {match.title_from_sql} "
            f"WHERE {match.title_where_sql} ORDER BY e.item_id DESC LIMIT 300",
            match.title_params,
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_title_word_pairs_gin" in plan
    assert "search_entry_word_pairs_gin" not in plan
    assert "search_entry_title_document_gin" not in plan
