"""Search behaviour; the same tests run on SQLite (FTS5) and PostgreSQL ('danish')."""

import datetime as dt

from django.core.management import call_command

from dagsorden.meetings.models import AgendaItem, Decision, Meeting, Section
from dagsorden.meetings.services import meeting_publish_agenda
from dagsorden.search import facade
from dagsorden.search.facade import SearchRequest, search
from dagsorden.search.models import SearchEntry
from tests.factories import local


def titles(text="", **filters):
    return [hit.item_id for hit in search(SearchRequest(text=text, **filters)).hits]


def test_stemming_finds_inflected_forms(archive):
    item = archive.item(
        title="Ny plan", sections=[("Sagsfremstilling", "Der skal bygges en bolig.")]
    )
    archive.item(title="Vejvedligehold", sections=[("Sagsfremstilling", "Asfalt på vejene.")])
    assert titles("boliger") == [item.pk]
    assert titles("boligerne") == [item.pk]


def test_all_words_must_occur(archive):
    both = archive.item(
        title="Skole og idræt", sections=[("Sagens kerne", "Ny idrætshal ved skolen")]
    )
    archive.item(title="Skolebus", sections=[("Sagens kerne", "Kørsel til skolen")])
    assert titles("skolen idrætshal") == [both.pk]


def test_phrase_search_needs_the_words_together(archive):
    together = archive.item(
        title="Plan A", sections=[("Tekst", "En lokalplan for boliger ved skoven.")]
    )
    apart = archive.item(
        title="Plan B", sections=[("Tekst", "Boliger nævnes her. En lokalplan for erhverv.")]
    )
    assert set(titles("lokalplan boliger")) == {together.pk, apart.pk}
    assert titles('"lokalplan for boliger"') == [together.pk]


def test_journal_number_finds_the_case_exactly(archive):
    case = archive.case("27.00.00-P22-1-26")
    other = archive.case("27.00.00-P22-11-26")
    wanted = archive.item(title="Første behandling", case=case)
    archive.item(title="Anden sag", case=other, sections=[("Tekst", "27.00.00-P22-1-26 nævnt")])
    assert titles("27.00.00-P22-1-26") == [wanted.pk]
    assert titles("27.00.00-p22-1-26") == [wanted.pk]


def test_title_match_ranks_above_text_match(archive):
    in_text = archive.item(title="Orientering", sections=[("Tekst", "Om cykelstier i byen.")])
    in_title = archive.item(title="Cykelstier i midtbyen", sections=[("Tekst", "Et projekt.")])
    assert titles("cykelstier") == [in_title.pk, in_text.pk]


def test_snippet_highlights_matches_and_escapes_html(archive):
    archive.item(
        title="Boliger", sections=[("Tekst", "Lang tekst <script>x</script> om nye boliger.")]
    )
    hit = search(SearchRequest(text="bolig")).hits[0]
    assert "<mark>boliger</mark>" in hit.snippet
    assert "<mark>Boliger</mark>" in hit.title
    assert "<script>" not in hit.snippet


def test_facets_count_body_year_type_and_outcome(archive):
    autumn = archive.meeting(start=local(2026, 10, 13))
    spring = archive.meeting(body=archive.council, start=local(2025, 3, 3))
    archive.item(meeting=autumn, title="Vandløb 1", outcome=Decision.Outcome.APPROVED)
    archive.item(
        meeting=autumn,
        title="Vandløb 2",
        outcome=Decision.Outcome.REJECTED,
        item_type="orientering",
    )
    archive.item(meeting=spring, title="Vandløb 3", outcome=Decision.Outcome.APPROVED)
    result = search(SearchRequest(text="vandløb"))
    assert result.total == 3
    assert result.facets["organization"] == {archive.committee.pk: 2, archive.council.pk: 1}
    assert result.facets["year"] == {2026: 2, 2025: 1}
    assert result.facets["item_type"] == {"beslutning": 2, "orientering": 1}
    assert result.facets["outcome"] == {"godkendt": 2, "ikke_godkendt": 1}
    narrowed = search(SearchRequest(text="vandløb", outcome="godkendt", year=2026))
    assert narrowed.total == 1


def test_date_filter_is_inclusive(archive):
    early = archive.item(meeting=archive.meeting(start=local(2026, 1, 5)), title="Affald")
    late = archive.item(meeting=archive.meeting(start=local(2026, 6, 1)), title="Affald")
    assert titles("affald", date_from=dt.date(2026, 6, 1)) == [late.pk]
    assert titles("affald", date_to=dt.date(2026, 1, 5)) == [early.pk]


def test_public_bilag_text_is_searchable_but_not_closed_bilag(archive):
    item = archive.item(title="Budget")
    archive.bilag(item, name="Notat", text="Udgifter til skorstensfejning")
    archive.bilag(item, name="Fortroligt", text="Personsager om skattesnyd", public=False)
    assert titles("skorstensfejning") == [item.pk]
    assert titles("skattesnyd") == []


def test_closed_items_are_never_indexed(archive):
    archive.item(
        title="Køb af grund hemmeligt",
        public=False,
        public_title="Lukket punkt",
        sections=[("Tekst", "Fortrolig pris")],
        decision="Købet godkendt",
    )
    assert titles("grund") == []
    assert titles("fortrolig") == []
    assert not SearchEntry.objects.exists()


def test_decisions_are_searchable_only_with_approved_minutes(archive):
    held = archive.meeting(state=Meeting.State.HELD)
    item = archive.item(meeting=held, title="Trafik", decision="Hastighedsdæmpning vedtaget")
    assert titles("hastighedsdæmpning") == []
    held.state = Meeting.State.MINUTES_APPROVED
    held.save()
    assert titles("hastighedsdæmpning") == [item.pk]


def test_index_follows_publish_edit_and_delete(archive):
    planned = archive.meeting(state=Meeting.State.PLANNED, start=local(2099, 1, 5))
    item = archive.item(meeting=planned, title="Havnebad", sections=[("Tekst", "Badning")])
    assert titles("havnebad") == []
    meeting_publish_agenda(meeting=planned, at=local(2098, 12, 1))
    assert titles("havnebad") == [item.pk]

    section = Section.objects.get(item=item)
    section.body = "Vinterbadning og sauna"
    section.save()
    assert titles("sauna") == [item.pk]

    item.deleted = True
    item.save()
    assert titles("havnebad") == []
    item.deleted = False
    item.save()
    AgendaItem.objects.get(pk=item.pk).delete()
    assert titles("havnebad") == []
    assert not SearchEntry.objects.filter(item_id=item.pk).exists()


def test_items_of_unpublished_meetings_do_not_appear(archive):
    planned = archive.meeting(state=Meeting.State.PLANNED)
    archive.item(meeting=planned, title="Kladde om vindmøller")
    assert titles("vindmøller") == []


def test_reindex_rebuilds_everything(archive):
    item = archive.item(title="Skovrejsning")
    SearchEntry.objects.all().delete()
    assert titles("skovrejsning") == []
    call_command("reindex")
    assert titles("skovrejsning") == [item.pk]


def test_filters_without_text_browse_newest_first(archive):
    old = archive.item(meeting=archive.meeting(start=local(2025, 2, 2)), title="A")
    new = archive.item(meeting=archive.meeting(start=local(2026, 2, 2)), title="B")
    assert titles(organization=archive.committee.pk) == [new.pk, old.pk]
    assert titles("") == []


def test_paging(archive):
    meeting = archive.meeting()
    for number in range(25):
        archive.item(meeting=meeting, title=f"Fortov {number}")
    first = search(SearchRequest(text="fortov", page=1))
    second = search(SearchRequest(text="fortov", page=2))
    assert (first.total, len(first.hits), len(second.hits), first.pages) == (25, 20, 5, 2)
    assert not {h.item_id for h in first.hits} & {h.item_id for h in second.hits}


def test_common_words_rank_title_matches_then_the_rest_newest_first(archive, monkeypatch):
    monkeypatch.setattr(facade, "RANK_ALL_LIMIT", 3)
    text_only = [
        archive.item(
            meeting=archive.meeting(start=local(2020 + n, 5, 1)),
            title=f"Orientering {n}",
            sections=[("Tekst", "Om havnebusser.")],
        )
        for n in range(3)
    ]
    # Title matches rank by how well the title matches (a short title first).
    weak = archive.item(
        title="Havnebus og andre ideer til trafikken", sections=[("Tekst", "Havnebussen sejler.")]
    )
    strong = archive.item(title="Havnebus", sections=[("Tekst", "Et langt notat " * 40)])
    expected = [strong.pk, weak.pk] + [item.pk for item in reversed(text_only)]
    result = search(SearchRequest(text="havnebus", page_size=3))
    assert result.total == 5
    assert result.facets["year"] == {2020: 1, 2021: 1, 2022: 1, 2026: 2}
    pages = [search(SearchRequest(text="havnebus", page=n, page_size=3)) for n in (1, 2)]
    assert [hit.item_id for page in pages for hit in page.hits] == expected


def test_common_words_without_title_matches_list_newest_first(archive, monkeypatch):
    monkeypatch.setattr(facade, "RANK_ALL_LIMIT", 1)
    old = archive.item(
        meeting=archive.meeting(start=local(2024, 1, 1)), title="A", sections=[("T", "Kloakering")]
    )
    new = archive.item(title="B", sections=[("T", "Kloakering")])
    assert titles("kloakering") == [new.pk, old.pk]


def test_a_facet_shows_its_largest_values_and_says_how_many_more(archive, client, monkeypatch):
    from django.urls import reverse

    from dagsorden.portal import views

    monkeypatch.setattr(views, "FACET_LINKS", 2)
    for year in (2021, 2022, 2023, 2024):
        archive.item(meeting=archive.meeting(start=local(year, 3, 3)), title="Vandløb")
    page = client.get(reverse("portal:search"), {"q": "vandløb"}).content.decode()
    assert "2024" in page and "2023" in page and "og 2 flere" in page
    assert 'href="?q=vandl%C3%B8b&amp;aar=2022"' not in page
    # The chosen value stays among the links, so it can be removed again.
    page = client.get(reverse("portal:search"), {"q": "vandløb", "aar": 2021}).content.decode()
    assert 'aria-current="true"' in page and ">2021</a>" in page
