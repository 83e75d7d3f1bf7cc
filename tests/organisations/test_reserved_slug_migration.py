"""Migration organisations.0004: municipalities an earlier importer gave a portal word
as slug are renamed as the importer now names them; others keep theirs."""

import importlib

import pytest
from django.apps import apps

from dagsorden.organisations.models import Municipality
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("dagsorden.organisations.migrations.0004_rename_reserved_slugs")


def test_reserved_slugs_become_word_kommune_and_others_stay():
    oparl = MunicipalityFactory(name="Oparl", slug="oparl", code="901")
    search = MunicipalityFactory(name="Soeg", slug="soeg", code="902")
    taken = MunicipalityFactory(name="Oparl Kommune", slug="oparl-kommune", code="903")
    plain = MunicipalityFactory(name="Egeby Kommune", slug="egeby", code="904")

    migration.rename_reserved(apps, None)

    slugs = dict(Municipality.objects.values_list("pk", "slug"))
    assert slugs[oparl.pk] == "oparl-kommune-2"
    assert slugs[search.pk] == "soeg-kommune"
    assert slugs[taken.pk] == "oparl-kommune"
    assert slugs[plain.pk] == "egeby"
