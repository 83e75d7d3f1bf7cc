"""One municipality's search for words common nationally (PostgreSQL): total and facets
from a sample of the municipality's own entries in date windows, the page from its
newest entries, never another municipality's items or a closed one."""

import datetime as dt

import pytest
from django.db import connection

from dagsorden.search import bounded, local
from dagsorden.search.backends import postgres
from dagsorden.search.facade import SearchRequest, search
from tests.factories import MunicipalityFactory, OrganizationFactory
from tests.factories import local as local_time

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimates are PostgreSQL's"
)


@pytest.fixture
def two_municipalities(archive):
    """40 items with "havnebad" in the archive's municipality (a meeting a month, every
    other one with the phrase "grønne havnebad"), 10 in a neighbour, one closed."""
    other = MunicipalityFactory(name="Nabo Kommune", slug="nabo", code="997")
    other_body = OrganizationFactory(municipality=other, name="Byudvalget")
    ours = []
    start = local_time(2020, 1, 6)
    for n in range(40):
        words = "grønne havnebad" if n % 2 else "havnebad ved kajen"
        ours.append(
            archive.item(
                meeting=archive.meeting(start=start + dt.timedelta(days=30 * n)),
                title=f"Punkt {n} om havnebad" if n % 4 == 0 else f"Punkt {n}",
                sections=[("Tekst", f"Forslag om {words}.")],
            ).pk
        )
    theirs = [
        archive.item(
            meeting=archive.meeting(body=other_body, start=start + dt.timedelta(days=30 * n)),
            title=f"Nabo {n} om havnebad",
            sections=[("Tekst", "Forslag om grønne havnebad.")],
        ).pk
        for n in range(10)
    ]
    closed = archive.item(
        meeting=archive.meeting(start=local_time(2024, 6, 1)),
        title="Havnebad fortroligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Tekst", "Grønne havnebad til hemmelighedspris")],
    ).pk
    return archive.municipality.pk, ours, theirs, closed


@pytest.fixture
def common_nationally(monkeypatch, settings):
    """The planner told the words are in 100,000 items; the municipality's real size."""
    settings.SEARCH_LOCAL_SAMPLE_FROM = 10
    monkeypatch.setattr(postgres, "planned_rows", lambda sql, params: 100_000)
    monkeypatch.setattr(local, "_size", _real_size)


def _real_size(municipality_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM search_searchentry WHERE municipality_id = %s",
            [municipality_id],
        )
        return cursor.fetchone()[0]


def _ids(result):
    return [hit.item_id for hit in result.hits]


@pytest.mark.parametrize("text", ["havnebad", '"grønne havnebad"'])
def test_the_whole_municipality_sampled_gives_its_count(
    two_municipalities, common_nationally, text
):
    municipality, ours, theirs, closed = two_municipalities
    result = search(SearchRequest(text=text, municipality=municipality, page_size=50))
    assert result.estimated
    assert result.total == (40 if text == "havnebad" else 20)
    assert set(_ids(result)) <= set(ours)
    assert not set(_ids(result)) & {*theirs, closed}
    assert dict(result.facets["municipality"]) == {municipality: result.total}


def test_a_partial_sample_is_scaled_to_the_municipality(
    two_municipalities, common_nationally, settings, monkeypatch
):
    municipality, ours, _theirs, _closed = two_municipalities
    settings.SEARCH_SAMPLE_ROWS = 8
    monkeypatch.setattr(bounded, "MIN_SAMPLE_HITS", 2)
    result = search(SearchRequest(text="havnebad", municipality=municipality))
    assert result.estimated
    # 16 date windows over a fifth of the 40 months: every item matches, so the sample
    # scaled by the municipality's 40 entries over those read is near 40.
    assert 25 <= result.total <= 60
    assert len(result.hits) == 20 and set(_ids(result)) <= set(ours)


def test_the_title_candidates_are_the_municipalitys_newest(
    two_municipalities, common_nationally, settings
):
    municipality, ours, _theirs, _closed = two_municipalities
    settings.SEARCH_LOCAL_TITLE_WALK = 12
    result = search(SearchRequest(text="havnebad", municipality=municipality, page_size=5))
    # Titles with the word among the 12 newest entries (items 28..39: 28, 32, 36) lead,
    # newest first; then the other matches newest first.
    assert _ids(result)[:3] == [ours[36], ours[32], ours[28]]
    assert _ids(result)[3:] == [ours[39], ours[38]]


def test_a_word_rare_nationally_keeps_the_exact_path(two_municipalities, settings):
    municipality, ours, _theirs, _closed = two_municipalities
    result = search(SearchRequest(text="havnebad", municipality=municipality, page_size=50))
    assert not result.estimated and result.total == 40 and set(_ids(result)) == set(ours)
