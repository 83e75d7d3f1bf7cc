"""`deferred_indexing()`: index calls inside the block are collected and run once at its end."""

import pytest
from django.db import transaction

from dagsorden.meetings.models import AgendaItem, Section
from dagsorden.search import facade
from dagsorden.search.facade import deferred_indexing
from dagsorden.search.models import SearchEntry


def indexed(*items) -> set[int]:
    return set(
        SearchEntry.objects.filter(item_id__in=[i.pk for i in items]).values_list(
            "item_id", flat=True
        )
    )


def test_items_are_indexed_once_when_the_block_ends(archive, monkeypatch):
    calls = []
    original = facade.index_documents
    monkeypatch.setattr(
        facade, "index_documents", lambda docs, **kw: calls.append(docs) or original(docs, **kw)
    )
    with deferred_indexing():
        first = archive.item(title="Vejbelysning", sections=[("Sagens kerne", "Nye lamper")])
        second = archive.item(title="Skolebus")
        facade.index_items([first.pk, second.pk])
        assert indexed(first, second) == set()
        assert calls == []
    assert indexed(first, second) == {first.pk, second.pk}
    assert len(calls) == 1


def test_the_index_holds_the_state_at_the_end_of_the_block(archive):
    with deferred_indexing():
        item = archive.item(title="Gammel titel")
        AgendaItem.objects.filter(pk=item.pk).update(title="Ny titel")
        facade.index_item(item)
    assert SearchEntry.objects.get(item_id=item.pk).title == "Ny titel"


def test_nested_blocks_join_the_outer_one(archive):
    with deferred_indexing():
        with deferred_indexing():
            item = archive.item(title="Cykelsti")
        assert indexed(item) == set()
    assert indexed(item) == {item.pk}


def test_an_item_that_became_closed_leaves_the_index(archive):
    item = archive.item(title="Ejendomskøb")
    assert indexed(item) == {item.pk}
    with deferred_indexing():
        AgendaItem.objects.filter(pk=item.pk).update(public=False)
        facade.index_item(item)
        assert indexed(item) == {item.pk}
    assert indexed(item) == set()


def test_a_failing_transaction_indexes_nothing(archive):
    item = archive.item(title="Havneplan")
    with pytest.raises(RuntimeError), transaction.atomic(), deferred_indexing():
        Section.objects.create(item=item, order=9, heading="Ny", body="Kajanlæg")
        facade.index_item(item)
        raise RuntimeError("document failed")
    assert "Kajanlæg" not in SearchEntry.objects.get(item_id=item.pk).text


def test_many_items_are_indexed_in_chunks(archive, monkeypatch):
    monkeypatch.setattr(facade, "DEFERRED_CHUNK", 2)
    with deferred_indexing():
        items = [archive.item(title=f"Punkt {n}") for n in range(5)]
    assert indexed(*items) == {item.pk for item in items}
