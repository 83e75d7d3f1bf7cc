"""Operations on cases and their route through the bodies."""

import hashlib
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Municipality, Organization

from .extraction import pdf_text
from .models import Case, Consultation, File

PDF_MAGIC = b"%PDF-"
MAX_FILE_BYTES = 100 * 1024 * 1024

RouteStep = tuple[Organization, str]


@transaction.atomic
def case_create(
    *,
    municipality: Municipality,
    title: str,
    route: Sequence[RouteStep],
    journal_number: str = "",
    responsible_unit: str = "",
    by=None,
) -> Case:
    """Create a case with its route: one consultation per (body, role), in order.

    The first body on the route can schedule the case at once; the others wait for it.
    """
    if not route:
        raise ValidationError(_("En sag skal have mindst ét udvalg på sin rute."), code="no_route")
    for organization, role in route:
        if organization.municipality_id != municipality.pk:
            raise ValidationError(
                _("%(body)s hører ikke til %(municipality)s.")
                % {"body": organization, "municipality": municipality},
                code="foreign_body",
            )
        if role not in Consultation.Role.values:
            raise ValidationError(_("Ukendt rolle: %(role)s") % {"role": role}, code="bad_role")
    if (
        journal_number
        and Case.objects.filter(
            municipality=municipality, journal_number=journal_number.strip()
        ).exists()
    ):
        raise ValidationError(
            _("Der findes allerede en sag med journalnummer %(number)s.")
            % {"number": journal_number},
            code="duplicate_journal_number",
        )
    case = Case(municipality=municipality, title=title, responsible_unit=responsible_unit)
    case.set_journal_number(journal_number)
    case.full_clean()
    case.save()
    for order, (organization, role) in enumerate(route, start=1):
        Consultation.objects.create(
            case=case,
            organization=organization,
            order=order,
            role=role,
            status=Consultation.Status.READY if order == 1 else Consultation.Status.WAITING,
        )
    audit_record(action="case_create", obj=case, by=by, summary=title)
    return case


@transaction.atomic
def case_advance(*, case: Case, by=None) -> Consultation | None:
    """Send the case on to the next body on its route, once the current one is done.

    Returns the consultation that is now ready for scheduling, or None at the route's end.
    """
    current = case.current_consultation()
    if current is None:
        return None
    if current.status != Consultation.Status.WAITING:
        raise ValidationError(
            _("Sagen er endnu ikke færdigbehandlet i %(body)s.") % {"body": current.organization},
            code="not_done",
        )
    current.status = Consultation.Status.READY
    current.save(update_fields=["status", "modified"])
    audit_record(
        action="case_advance",
        obj=case,
        by=by,
        summary=str(current.organization),
        consultation=current.pk,
    )
    return current


@transaction.atomic
def file_attach(
    *,
    data: bytes,
    name: str,
    file_name: str,
    agenda_item=None,
    case: Case | None = None,
    public: bool = True,
    by=None,
) -> File:
    """Attach a PDF bilag to an item (and its case). Identical files are stored once.

    A bilag is part of the item: approved minutes take none, and on a published agenda a
    public bilag is checked for CPR numbers and the item goes back for approval."""
    # Imported here: the meeting services import this module.
    from dagsorden.meetings.services.guard import content_change_allowed, published_item_changed

    owner = agenda_item or case
    if owner is None:
        raise ValidationError(_("Et bilag skal høre til et punkt eller en sag."), code="no_owner")
    if not data.startswith(PDF_MAGIC):
        raise ValidationError(
            _("%(name)s er ikke en PDF-fil.") % {"name": file_name}, code="not_pdf"
        )
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("Filen er for stor (højst 100 MB)."), code="too_large")
    if agenda_item is not None:
        content_change_allowed(meeting_ids=[agenda_item.meeting_id])
    municipality = (
        agenda_item.meeting.organization.municipality if agenda_item else case.municipality
    )
    digest = hashlib.sha512(data).hexdigest()
    stored = File.objects.filter(sha512=digest).exclude(file="").first()
    siblings = File.objects.filter(agenda_item=agenda_item) if agenda_item else case.files
    bilag = File(
        municipality=municipality,
        agenda_item=agenda_item,
        case=case or (agenda_item.case if agenda_item else None),
        name=name,
        file_name=file_name,
        mime_type="application/pdf",
        size=len(data),
        sha512=digest,
        text=stored.text if stored else pdf_text(data),
        public=public,
        order=siblings.count() + 1,
    )
    if stored:
        bilag.file.name = stored.file.name
        bilag.save()
    else:
        bilag.file.save(file_name, ContentFile(data), save=True)
    if agenda_item is not None:
        published_item_changed(item=agenda_item, by=by, what=name)
    audit_record(action="file_attach", obj=bilag, by=by, summary=name, sha512=digest)
    return bilag


@transaction.atomic
def consultation_plan_meeting(*, consultation: Consultation, meeting, by=None) -> Consultation:
    """Record the meeting a case is expected at; None clears it."""
    if meeting is not None and meeting.organization_id != consultation.organization_id:
        raise ValidationError(
            _("Mødet hører ikke til %(body)s.") % {"body": consultation.organization},
            code="wrong_body",
        )
    consultation.planned_meeting = meeting
    consultation.save(update_fields=["planned_meeting", "modified"])
    audit_record(
        action="consultation_plan_meeting",
        obj=consultation,
        by=by,
        meeting=meeting.pk if meeting else None,
    )
    return consultation
