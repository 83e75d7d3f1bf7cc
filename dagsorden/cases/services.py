"""Operations on cases and their route through the bodies."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Municipality, Organization

from .extraction import pdf_text
from .models import Case, Consultation, File
from .pdf_sanitize import UnreadablePdf, pdf_sanitize

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
    public bilag is checked for CPR numbers and the item goes back for approval.

    Active content (JavaScript, actions, embedded files, XFA) is removed before the file
    is stored; what was removed is on the returned bilag as `removed_content` (Danish,
    empty when nothing was), for the uploader to be told."""
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
    try:
        data, removed = pdf_sanitize(data)
    except UnreadablePdf as error:
        raise ValidationError(
            _("%(name)s kan ikke læses som PDF-fil.") % {"name": file_name}, code="bad_pdf"
        ) from error
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
    audit_record(
        action="file_attach",
        obj=bilag,
        by=by,
        summary=name,
        sha512=digest,
        removed=sorted(removed.kinds),
    )
    bilag.removed_content = removed.message() if removed else ""
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


@dataclass
class SanitizeReport:
    checked: int = 0
    cleaned: dict[str, set[str]] = field(default_factory=dict)  # old path -> removed kinds
    unreadable: dict[str, str] = field(default_factory=dict)


def bilag_sanitize_stored(*, dry_run: bool = False, by=None) -> SanitizeReport:
    """Sanitise every stored PDF bilag (files stored before uploads were sanitised).
    One transaction per stored file, so an interrupted run keeps what it finished."""
    report = SanitizeReport()
    storage = File._meta.get_field("file").storage
    paths = File.objects.exclude(file="").values_list("file", flat=True).distinct()
    for path in sorted(paths):
        if not storage.exists(path):
            continue
        with storage.open(path, "rb") as stream:
            data = stream.read()
        if not data.startswith(PDF_MAGIC):
            continue
        report.checked += 1
        try:
            clean, removed = pdf_sanitize(data)
        except UnreadablePdf as error:
            report.unreadable[path] = str(error)
            continue
        if not removed:
            continue
        report.cleaned[path] = set(removed.kinds)
        if not dry_run:
            _replace_stored_file(path=path, data=clean, removed=removed, by=by)
    return report


@transaction.atomic
def _replace_stored_file(*, path: str, data: bytes, removed, by=None) -> None:
    storage = File._meta.get_field("file").storage
    new_path = storage.save(path, ContentFile(data))  # a free name next to the old one
    digest = hashlib.sha512(data).hexdigest()
    rows = list(File.objects.filter(file=path))
    for bilag in rows:
        bilag.file.name, bilag.size, bilag.sha512 = new_path, len(data), digest
        bilag.save(update_fields=["file", "size", "sha512", "modified"])
        audit_record(
            action="file_sanitize",
            obj=bilag,
            by=by,
            summary=bilag.name,
            removed=sorted(removed.kinds),
        )
    transaction.on_commit(lambda: storage.delete(path))
