"""The search form: query text, facet filters and a date range, all in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dagsorden.meetings.models import AgendaItem, Decision
from dagsorden.search.facade import SearchRequest, SearchResult, search


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Søg"), required=False, max_length=200)
    kommune = forms.IntegerField(label=_("Kommune"), required=False, widget=forms.HiddenInput)
    udvalg = forms.IntegerField(label=_("Udvalg"), required=False, widget=forms.HiddenInput)
    aar = forms.IntegerField(label=_("År"), required=False, widget=forms.HiddenInput)
    type = forms.ChoiceField(
        label=_("Sagstype"),
        required=False,
        choices=[("", "")] + AgendaItem.Type.choices,
        widget=forms.HiddenInput,
    )
    resultat = forms.ChoiceField(
        label=_("Resultat"),
        required=False,
        choices=[("", "")] + Decision.Outcome.choices,
        widget=forms.HiddenInput,
    )
    fra = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    til = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    side = forms.IntegerField(required=False, min_value=1, max_value=500, widget=forms.HiddenInput)

    def search_request(self) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            text=data["q"] or "",
            organization=data["udvalg"],
            municipality=data["kommune"],
            year=data["aar"],
            item_type=data["type"] or "",
            outcome=data["resultat"] or "",
            date_from=data["fra"],
            date_to=data["til"],
            page=data["side"] or 1,
        )

    def run(self) -> SearchResult:
        return search(self.search_request())
