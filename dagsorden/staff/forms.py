"""Forms of the secretariat and member pages. Field labels are Danish (gettext)."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dagsorden.cases.models import Consultation
from dagsorden.meetings.models import AgendaItem, Attendance, Decision, DecisionRemark
from dagsorden.organisations.models import Organization, Person


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=400)
    journal_number = forms.CharField(label=_("Journalnummer"), max_length=60, required=False)
    responsible_unit = forms.CharField(label=_("Ansvarlig enhed"), max_length=200, required=False)


class RouteStepForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Udvalg"), queryset=Organization.objects.none(), required=False
    )
    role = forms.ChoiceField(label=_("Rolle"), choices=Consultation.Role.choices, required=False)

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            bodies if bodies is not None else (Organization.objects.none())
        )


RouteFormSet = forms.formset_factory(RouteStepForm, extra=4, max_num=6)


class ScheduleForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Møde"), queryset=None, empty_label=None)

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class ItemForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Titel"), max_length=400)
    item_type = forms.ChoiceField(
        label=_("Sagstype"), choices=[("", "—"), *AgendaItem.Type.choices], required=False
    )
    public = forms.BooleanField(label=_("Åbent punkt"), required=False)
    public_title = forms.CharField(
        label=_("Offentlig titel (lukket punkt)"), max_length=400, required=False
    )
    presenters = forms.CharField(label=_("Fremlæggere"), max_length=300, required=False)
    recommendation_by = forms.CharField(
        label=_("Hvem indstiller?"),
        max_length=200,
        required=False,
        help_text=_("Kun navnet, fx »Direktionen«. Dokumentet skriver selv »indstiller, at:«."),
    )
    recommendation_to = forms.CharField(
        label=_("Til hvem?"),
        max_length=300,
        required=False,
        help_text=_("Fx »Økonomiudvalget og Kommunalbestyrelsen«. Tomt: udvalget selv."),
    )
    recommendation_clauses = forms.CharField(
        label=_("Hvad indstilles? (ét at-punkt pr. linje)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Skriv hvert punkt uden »at« og uden nummer, fx »planen godkendes«. "
            "Dokumentet nummererer og skriver »at« foran."
        ),
    )

    def clean(self):
        data = super().clean()
        if not data.get("public") and not (data.get("public_title") or "").strip():
            self.add_error("public_title", _("Et lukket punkt skal have en neutral titel."))
        return data


class SectionForm(forms.Form):
    heading = forms.CharField(label=_("Overskrift"), max_length=200, required=False)
    body = forms.CharField(
        label=_("Tekst (Markdown)"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )


SectionFormSet = forms.formset_factory(SectionForm, extra=1)


MAX_UPLOAD_BYTES = settings.MAX_UPLOAD_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Fil"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Filen er for stor (højst %(mb)s MB).") % {"mb": MAX_UPLOAD_BYTES // 2**20},
                code="too_large",
            )
        return upload


class BilagForm(UploadForm):
    name = forms.CharField(label=_("Titel"), max_length=300)
    file = forms.FileField(label=_("Fil (PDF eller Word)"))
    public = forms.BooleanField(label=_("Offentligt"), required=False, initial=True)

    field_order = ["name", "file", "public"]


class NewItemForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=400)
    public = forms.BooleanField(label=_("Åbent punkt"), required=False, initial=True)


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label=_("Begrundelse, hvis fristen er overskredet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.all(), widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=Attendance.Status.choices)
    reason = forms.CharField(label=_("Årsag"), max_length=300, required=False)
    substitute = forms.ModelChoiceField(
        label=_("Stedfortræder"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, substitutes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if substitutes is not None:
            self.fields["substitute"].queryset = substitutes


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Beslutning"), choices=[("", "—"), *Decision.Outcome.choices]
    )
    text = forms.CharField(
        label=_("Beslutningstekst"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    # The decision's version when the page was shown (0: none yet), so a stale save is
    # refused instead of overwriting someone else's.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class RemarkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art"), choices=DecisionRemark.Kind.choices)
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    shared_with_party = forms.BooleanField(label=_("Del med min partigruppe"), required=False)


TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CloseMeetingForm(forms.Form):
    """The meeting's real times. On the meeting day the end may be left empty (it ends
    now); a meeting recorded afterwards ("efter mødet") needs its end."""

    start_time = forms.TimeField(label=_("Mødet begyndte kl."), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Mødet sluttede kl."), required=False, widget=TIME)

    def times(self, day):
        """(start, end) as aware datetimes on `day`; None where not given. An end before
        the start is taken to be after midnight."""
        combine = lambda at: timezone.make_aware(dt.datetime.combine(day, at))  # noqa: E731
        start = self.cleaned_data.get("start_time")
        end = self.cleaned_data.get("end_time")
        start_at = combine(start) if start else None
        end_at = combine(end) if end else None
        if start and end and end_at <= start_at:
            end_at += dt.timedelta(days=1)
        return start_at, end_at
