"""`dagsorden synth`: the benchmark archive, several municipalities and a word in
nearly every item (so the bench has a class above 90 %)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from dagsorden.meetings.models import AgendaItem
from dagsorden.organisations.models import Municipality
from dagsorden.search.facade import SearchRequest, search
from dagsorden.search.management.commands import synth
from dagsorden.search.models import SearchEntry


@pytest.mark.django_db
def test_synth_spreads_items_over_municipalities_with_a_very_frequent_word(settings):
    call_command("synth", items=60, municipalities=2, stdout=io.StringIO())
    municipalities = set(SearchEntry.objects.values_list("municipality_id", flat=True))
    assert municipalities == set(
        Municipality.objects.filter(slug__startswith="syntetisk").values_list("pk", flat=True)
    )
    assert len(municipalities) == 2
    result = search(SearchRequest(text="forvaltningen"))
    assert result.total >= 0.8 * 60
    assert set(result.facets["municipality"]) == municipalities
    settings.SEARCH_EXACT_LIMIT = 10
    assert search(SearchRequest(text="forvaltningen")).estimated


@pytest.mark.django_db
def test_synth_refuses_zero_municipalities():
    with pytest.raises(CommandError):
        call_command("synth", items=10, municipalities=0)


def _archive() -> dict[str, list]:
    """Everything synth wrote, without ids and time stamps, in a stable order."""
    from dagsorden.cases.models import Case
    from dagsorden.meetings.models import AgendaItem, Decision, Meeting, Section

    return {
        "meetings": sorted(
            Meeting.objects.values_list(
                "organization__slug", "organization__municipality__slug", "start", "state"
            )
        ),
        "cases": sorted(Case.objects.values_list("municipality__slug", "title", "journal_number")),
        "items": sorted(
            AgendaItem.objects.values_list(
                "meeting__start", "number", "order", "title", "item_type", "draft_state", "public"
            )
        ),
        "sections": sorted(Section.objects.values_list("item__title", "order", "heading", "body")),
        "decisions": sorted(Decision.objects.values_list("item__title", "outcome", "text")),
        "entries": sorted(
            SearchEntry.objects.values_list(
                "title",
                "text",
                "start",
                "year",
                "item_type",
                "outcome",
                "journal_number",
                "journal_key",
                "municipality__slug",
                "organization__slug",
            )
        ),
        "case_links": sorted(
            SearchEntry.objects.filter(case_id__isnull=False).values_list("title", "journal_number")
        ),
    }


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_copy_writes_the_same_archive_as_bulk_create_and_it_is_searchable():
    with transaction.atomic():
        call_command("synth", items=80, municipalities=2, no_copy=True, stdout=io.StringIO())
        inserted = _archive()
        transaction.set_rollback(True)
    assert not SearchEntry.objects.exists()

    gin_before = _gin_indexes()
    call_command("synth", items=80, municipalities=2, stdout=io.StringIO())
    # The GIN indexes were dropped for the load and built again after it.
    assert _gin_indexes() == gin_before and len(gin_before) >= 3
    copied = _archive()
    assert {name: len(rows) for name, rows in copied.items()} == {
        "meetings": 8,
        "cases": 8,
        "items": 80,
        "sections": 160,
        "decisions": 80,
        "entries": 80,
        "case_links": 8,
    }
    assert copied == inserted
    # The generated tsvector is filled in by PostgreSQL for COPY rows too: a title word
    # and the very frequent word are found, with facets.
    title_word = SearchEntry.objects.order_by("item_id").first().title.split()[0].rstrip(".")
    assert search(SearchRequest(text=title_word)).total >= 1
    result = search(SearchRequest(text="forvaltningen"))
    assert result.total >= 0.8 * 80 and len(result.facets["municipality"]) == 2
    # A phrase is found through the rebuilt pair index.
    text = SearchEntry.objects.order_by("item_id").first().text.split("\n")[2]
    phrase = " ".join(text.rstrip(".").split()[1:3])
    assert search(SearchRequest(text=f'"{phrase}"')).total >= 1
    # Ids came from the tables' own sequences: an ORM insert afterwards does not clash.
    from dagsorden.meetings.models import Meeting

    extra = Meeting.objects.create(
        organization=Meeting.objects.first().organization, start=Meeting.objects.first().start
    )
    assert extra.pk > max(Meeting.objects.exclude(pk=extra.pk).values_list("pk", flat=True))


def _gin_indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'search_searchentry' AND indexdef LIKE '%%USING gin%%' ORDER BY 1"
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_synth_refuses_a_negative_count():
    with pytest.raises(CommandError):
        call_command("synth", items=-5)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_outside_a_transaction_the_entries_are_written_beside_the_next_batch():
    # Committed batches: the index entries go through the second connection, every
    # batch's, and the six GIN indexes are there again afterwards.
    gin_before = _gin_indexes()
    call_command("synth", items=4_500, municipalities=3, stdout=io.StringIO())
    assert SearchEntry.objects.count() == 4_500
    assert set(SearchEntry.objects.values_list("item_id", flat=True)) == set(
        AgendaItem.objects.values_list("pk", flat=True)
    )
    assert _gin_indexes() == gin_before and len(gin_before) == 6
    assert search(SearchRequest(text="forvaltningen")).total >= 0.8 * 4_500


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_a_failing_entry_write_stops_the_load_and_the_indexes_come_back(monkeypatch):
    gin_before = _gin_indexes()

    def broken(objects):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(synth, "_copy_committed", broken)
    with pytest.raises(RuntimeError, match="the disk is full"):
        call_command("synth", items=4_500, municipalities=2, stdout=io.StringIO())
    assert _gin_indexes() == gin_before
    # The load stopped at the failing batch: at most the next batch was made.
    assert AgendaItem.objects.count() <= 2 * synth.BATCH
