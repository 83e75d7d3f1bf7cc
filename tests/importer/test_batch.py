"""Batch imports: documents share a transaction per chunk, yet fail one by one."""

import pytest

from dagsorden.importer import batch, loader
from dagsorden.importer.batch import import_paths
from dagsorden.importer.models import ImportedDocument
from dagsorden.importer.synthetic import generate
from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def _write(folder, count):
    for seed in range(count):
        (folder / f"doc_{seed:03d}.txt").write_text(generate(seed).text, encoding="utf-8")


def test_a_failing_document_keeps_the_rest_of_its_chunk(tmp_path, monkeypatch):
    _write(tmp_path, 5)
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 3)
    original, calls = loader._Writer.write, []

    def fail_on_third(self):  # after rows of this document were written
        calls.append(self)
        meeting = original(self)
        if len(calls) == 3:
            raise RuntimeError("constraint violated")
        return meeting

    monkeypatch.setattr(loader._Writer, "write", fail_on_third)
    summary = import_paths([tmp_path], municipality="Egeby", progress=False)
    assert summary.failed == 1 and summary.documents == 4
    assert "doc_002.txt" in summary.problems[0] and "constraint violated" in summary.problems[0]
    assert ImportedDocument.objects.count() == 4 and Meeting.objects.count() == 4


def test_the_search_index_is_filled_when_the_import_ends(tmp_path, monkeypatch):
    _write(tmp_path, 4)
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 3)
    import_paths([tmp_path], municipality="Egeby", progress=False)
    public = AgendaItem.objects.filter(public=True).values_list("pk", flat=True)
    assert set(SearchEntry.objects.values_list("item_id", flat=True)) == set(public)


def test_importing_the_batch_again_changes_nothing(tmp_path, monkeypatch):
    _write(tmp_path, 4)
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 3)
    import_paths([tmp_path], municipality="Egeby", progress=False)
    items = AgendaItem.objects.count()
    again = import_paths([tmp_path], municipality="Egeby", progress=False)
    assert again.unchanged == 4 and again.documents == 0
    assert AgendaItem.objects.count() == items


def test_sqlite_settings_hold_for_the_import_only(tmp_path, monkeypatch):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragmas")
    _write(tmp_path, 1)
    seen = []
    original = batch._import_chunk

    def spy(*args, **kwargs):
        seen.append(_pragma("cache_size"))
        return original(*args, **kwargs)

    before = _pragma("cache_size")
    monkeypatch.setattr(batch, "_import_chunk", spy)
    import_paths([tmp_path], municipality="Egeby", progress=False)
    assert seen == [int(batch.IMPORT_PRAGMAS["cache_size"])]
    assert _pragma("cache_size") == before


def _pragma(name):
    from django.db import connection

    with connection.cursor() as cursor:
        return cursor.execute(f"PRAGMA {name}").fetchone()[0]
