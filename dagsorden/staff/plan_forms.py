"""Forms of the meeting plan: a series, one meeting, moving and cancelling."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from dagsorden.organisations.models import Location

from .forms import DATE, TIME

MAX_SERIES = 60


class _LocationMixin(forms.Form):
    location = forms.ModelChoiceField(
        label=_("Mødested"), queryset=Location.objects.none(), required=False
    )

    def __init__(self, *args, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if locations is not None:
            self.fields["location"].queryset = locations
        self.fields["location"].empty_label = _("Udvalgets faste mødested")


class SeriesForm(_LocationMixin):
    """Meetings every n weeks from the first day to the last, at one time."""

    first_day = forms.DateField(label=_("Første møde"), widget=DATE)
    last_day = forms.DateField(label=_("Sidste møde senest"), widget=DATE)
    every_weeks = forms.IntegerField(label=_("Hver n'te uge"), min_value=1, max_value=26, initial=4)
    at = forms.TimeField(label=_("Kl."), widget=TIME, initial=dt.time(16, 0))

    field_order = ["first_day", "last_day", "every_weeks", "at", "location"]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("Sidste møde ligger før det første."))
        elif first and last and len(self.days_from(data)) > MAX_SERIES:
            self.add_error("last_day", _("Højst %(n)s møder ad gangen.") % {"n": MAX_SERIES})
        return data

    @staticmethod
    def days_from(data) -> list[dt.date]:
        step = dt.timedelta(weeks=data["every_weeks"])
        days, day = [], data["first_day"]
        while day <= data["last_day"] and len(days) <= MAX_SERIES:
            days.append(day)
            day += step
        return days

    def days(self) -> list[dt.date]:
        return self.days_from(self.cleaned_data)


class OneMeetingForm(_LocationMixin):
    day = forms.DateField(label=_("Dato"), widget=DATE)
    at = forms.TimeField(label=_("Kl."), widget=TIME, initial=dt.time(16, 0))

    field_order = ["day", "at", "location"]


class MoveForm(_LocationMixin):
    day = forms.DateField(label=_("Ny dato"), widget=DATE)
    at = forms.TimeField(label=_("Kl."), widget=TIME)
    reason = forms.CharField(label=_("Begrundelse"), max_length=300, required=False)

    field_order = ["day", "at", "location", "reason"]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse for aflysningen"),
        max_length=500,
        help_text=_("Vises ved »Aflyst« på mødet, også på den offentlige portal."),
    )


class TemplateSectionForm(forms.Form):
    heading = forms.CharField(label=_("Overskrift"), max_length=200, required=False)
    guidance = forms.CharField(
        label=_("Vejledning til forfatteren"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    required = forms.BooleanField(label=_("Skal udfyldes"), required=False)


TemplateFormSet = forms.formset_factory(TemplateSectionForm, extra=2)
