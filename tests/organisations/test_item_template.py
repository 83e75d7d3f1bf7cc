"""Section templates: a body inherits the municipality's and may narrow, reorder or add."""

import pytest

from dagsorden.organisations.item_template import item_template_for, template_headings
from tests.factories import MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

MUNICIPAL = [
    {"heading": "Sagens kerne", "guidance": "Hvad skal udvalget beslutte?", "required": True},
    "Sagsfremstilling",
    {"heading": "Økonomi", "guidance": "Beløb og finansiering.", "required": True},
]


def test_a_body_without_its_own_template_uses_the_municipalitys():
    body = OrganizationFactory(municipality=MunicipalityFactory(item_template=MUNICIPAL))
    specs = item_template_for(body)
    assert [s.heading for s in specs] == ["Sagens kerne", "Sagsfremstilling", "Økonomi"]
    assert specs[0].guidance == "Hvad skal udvalget beslutte?" and specs[0].required
    assert not specs[1].required and specs[1].guidance == ""


def test_a_body_reorders_adds_and_overrides_but_inherits_the_rest():
    body = OrganizationFactory(
        municipality=MunicipalityFactory(item_template=MUNICIPAL),
        item_template=[
            "Økonomi",
            {"heading": "sagens kerne", "required": False},
            {"heading": "Høring", "guidance": "Hvem er hørt?", "required": True},
            {"heading": "  "},
            42,
        ],
    )
    specs = item_template_for(body)
    assert [s.heading for s in specs] == ["Økonomi", "sagens kerne", "Høring"]
    economy, core, hearing = specs
    assert economy.guidance == "Beløb og finansiering." and economy.required
    assert core.guidance == "Hvad skal udvalget beslutte?" and not core.required
    assert hearing.required and hearing.guidance == "Hvem er hørt?"
    assert template_headings(body) == ["Økonomi", "sagens kerne", "Høring"]
