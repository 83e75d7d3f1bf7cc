"""The search form: query text, facet filters and a date range, all in the URL.

Every parameter is bounded here, so a hostile URL ends as a form error (400), never in
the database: numbers stay inside what a 64-bit column holds, text holds no control
characters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dagsorden.core.converters import MAX_ID
from dagsorden.core.text import CONTROL
from dagsorden.meetings.models import AgendaItem, Decision
from dagsorden.search.facade import SearchRequest, SearchResult, search


def no_control_characters(value: str) -> None:
    if CONTROL.search(value):
        raise ValidationError(_("Søgeteksten indeholder tegn, der ikke kan søges på."))


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søg"), required=False, max_length=200, validators=[no_control_characters]
    )
    udvalg = forms.IntegerField(
        label=_("Udvalg"), required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    aar = forms.IntegerField(
        label=_("År"), required=False, min_value=1, max_value=9999, widget=forms.HiddenInput
    )
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
    kommune = forms.IntegerField(
        label=_("Kommune"), required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    side = forms.IntegerField(required=False, min_value=1, max_value=500, widget=forms.HiddenInput)

    def __init__(self, *args, municipality=None, **kwargs):
        # A municipality's portal searches that municipality alone, whatever the URL
        # says; the national search may narrow to one by the `kommune` facet.
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def municipality_id(self) -> int | None:
        if self.municipality is not None:
            return self.municipality.pk
        return self.cleaned_data.get("kommune")

    def search_request(self) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            text=data["q"] or "",
            organization=data["udvalg"],
            municipality=self.municipality_id(),
            year=data["aar"],
            item_type=data["type"] or "",
            outcome=data["resultat"] or "",
            date_from=data["fra"],
            date_to=data["til"],
            page=data["side"] or 1,
        )

    def run(self) -> SearchResult:
        return search(self.search_request())
