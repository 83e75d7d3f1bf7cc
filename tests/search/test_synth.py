"""`dagsorden synth`: the benchmark archive, several municipalities and a word in
nearly every item (so the bench has a class above 90 %)."""

import io

import pytest
from django.core.management import CommandError, call_command

from dagsorden.organisations.models import Municipality
from dagsorden.search.facade import SearchRequest, search
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
