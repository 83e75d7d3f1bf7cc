"""The importer's bulk history rows match django-simple-history's own."""

import datetime as dt

import pytest
from simple_history.utils import bulk_create_with_history

from dagsorden.cases.models import Consultation
from dagsorden.importer.history import insert_history
from dagsorden.meetings.models import Recommendation, Section
from tests.factories import AgendaItemFactory, CaseFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

IGNORED = {"history_id", "history_date", "id", "created", "modified", "item_id"}


def _rows(objects) -> list[dict]:
    history = type(objects[0]).history.model
    rows = history.objects.filter(id__in=[o.pk for o in objects]).order_by("id").values()
    return [{k: v for k, v in row.items() if k not in IGNORED} for row in rows]


def _both(make):
    """History of the same rows written by simple_history and by `insert_history`."""
    theirs = make()
    bulk_create_with_history(theirs, type(theirs[0]))
    ours = make()
    type(ours[0]).objects.bulk_create(ours)
    insert_history(type(ours[0]), ours)
    return _rows(theirs), _rows(ours)


def test_history_of_sections_matches_simple_history():
    item = AgendaItemFactory()
    theirs, ours = _both(
        lambda: [Section(item=item, order=n, heading=f"Afsnit {n}", body="Tekst") for n in (1, 2)]
    )
    assert ours == theirs and ours[0]["history_type"] == "+"


def test_history_keeps_json_and_dates():
    theirs, ours = _both(  # one recommendation per item: a new item each time
        lambda: [Recommendation(item=AgendaItemFactory(), by="Direktionen", clauses=["a", "b"])]
    )
    assert ours == theirs and ours[0]["clauses"] == ["a", "b"]
    case, body = CaseFactory(), OrganizationFactory()
    theirs, ours = _both(
        lambda: [
            Consultation(
                case=case,
                organization=body,
                order=Consultation.objects.count() + 1,
                recorded_date=dt.date(2025, 4, 3),
                recorded_absent=["Bo Hald"],
            )
        ]
    )
    assert ours == [{**theirs[0], "order": ours[0]["order"]}]
    assert ours[0]["recorded_date"] == dt.date(2025, 4, 3)


def test_history_dates_are_stored_like_the_orm_stores_them():
    item = AgendaItemFactory()
    section = Section(item=item, order=1, heading="Sagens kerne", body="")
    Section.objects.bulk_create([section])
    insert_history(Section, [section])
    row = Section.history.get(id=section.pk)
    assert row.created == section.created and row.history_date >= section.created


def test_unknown_history_columns_fall_back_to_simple_history(monkeypatch):
    from dagsorden.importer import history

    monkeypatch.setattr(history, "_HISTORY_VALUES", {"history_date": None})
    history._plan.cache_clear()
    try:
        item = AgendaItemFactory()
        section = Section(item=item, order=1, heading="Økonomi", body="")
        Section.objects.bulk_create([section])
        insert_history(Section, [section])
        assert Section.history.get(id=section.pk).history_type == "+"
    finally:
        history._plan.cache_clear()
