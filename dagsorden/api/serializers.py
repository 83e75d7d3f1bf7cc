"""OParl 1.1 objects as plain dicts, without HTTP: `oparl_<kind>(obj, *, base_url)`.

Each function expects the object as `dagsorden.api.selectors` fetches it (the prefetched
`api_*` attributes and the `changed` annotation). `base_url` is the scheme and host the
ids and `web` links start with (`https://dagsorden.example.dk`, no trailing slash).

Closed items are shown by their neutral title alone: no consultation, text, decision,
votes or bilag. Decisions, votes and attendance appear only when the minutes are
approved. Extension keys start with `dk:` (documented in the README).
"""

import datetime as dt
import functools

from django.urls import reverse
from django.utils import timezone

from dagsorden.meetings.models import AgendaItem, Attendance, Meeting
from dagsorden.portal.tenancy import portal_url

OPARL = "https://schema.oparl.org/1.1/"


def oparl_type(name: str) -> str:
    return f"{OPARL}{name}"


# --- helpers ---------------------------------------------------------------------------


@functools.cache
def _prefix(name: str, *args) -> str:
    """The path of a URL pattern up to its trailing id (reverse() per object is slow)."""
    path = reverse(name, args=[*args, 987654321])
    return path[: path.rindex("987654321")], path[path.rindex("987654321") + 9 :]


def _path(name: str, pk: int, *args) -> str:
    head, tail = _prefix(name, *args)
    return f"{head}{pk}{tail}"


def api_url(base_url: str, kind: str, pk: int) -> str:
    return base_url + _path("api:object", pk, kind)


def list_url(base_url: str, body_pk: int, kind: str) -> str:
    return base_url + reverse("api:list", args=[body_pk, kind])


def _web(base_url: str, name: str, pk: int | None = None) -> str:
    return base_url + (_path(name, pk) if pk is not None else reverse(name))


def _stamp(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _label(choices, value: str) -> str:
    """A choice's Danish label (Django's get_FOO_display() rebuilds a dict per call)."""
    return str(choices(value).label) if value else ""


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _common(obj, type_name: str, kind: str, base_url: str) -> dict:
    """id, type, created, modified (the `changed` annotation when present)."""
    return {
        "id": api_url(base_url, kind, obj.pk),
        "type": oparl_type(type_name),
        "created": _stamp(obj.created),
        "modified": _stamp(getattr(obj, "changed", None) or obj.modified),
    }


def _clean(data: dict) -> dict:
    """Leave out empty optional fields (OParl: absent rather than null or "")."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


TYPE_NAMES = {
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "paper": "Paper",
    "consultation": "Consultation",
    "file": "File",
    "location": "Location",
    "legislativeterm": "LegislativeTerm",
}


def oparl_deleted(obj, *, kind: str, base_url: str) -> dict:
    """What a harvester sees of a soft-deleted (or no longer public) object."""
    return {**_common(obj, TYPE_NAMES[kind], kind, base_url), "deleted": True}


# --- system and body -------------------------------------------------------------------


def oparl_system(bodies, *, base_url: str) -> dict:
    created = min((b.created for b in bodies), default=None)
    modified = max((b.modified for b in bodies), default=None)
    return _clean(
        {
            "id": base_url + reverse("api:system"),
            "type": oparl_type("System"),
            "oparlVersion": OPARL,
            "body": base_url + reverse("api:bodies"),
            "name": "Dagsorden",
            "website": _web(base_url, "portal:home"),
            "created": _stamp(created),
            "modified": _stamp(modified),
            "web": _web(base_url, "portal:home"),
        }
    )


def oparl_body(municipality, *, base_url: str) -> dict:
    pk = municipality.pk
    terms = [oparl_legislativeterm(t, base_url=base_url) for t in municipality.terms.all()]
    return _clean(
        {
            "id": base_url + _path("api:body", pk),
            "type": oparl_type("Body"),
            "system": base_url + reverse("api:system"),
            "name": municipality.name,
            "shortName": municipality.slug,
            "website": municipality.website,
            "classification": "Kommune",
            "organization": list_url(base_url, pk, "organization"),
            "person": list_url(base_url, pk, "person"),
            "meeting": list_url(base_url, pk, "meeting"),
            "paper": list_url(base_url, pk, "paper"),
            "agendaItem": list_url(base_url, pk, "agendaitem"),
            "consultation": list_url(base_url, pk, "consultation"),
            "file": list_url(base_url, pk, "file"),
            "locationList": list_url(base_url, pk, "location"),
            "legislativeTermList": list_url(base_url, pk, "legislativeterm"),
            "membership": list_url(base_url, pk, "membership"),
            "legislativeTerm": terms,
            "dk:kommunekode": municipality.code,
            "created": _stamp(municipality.created),
            "modified": _stamp(municipality.modified),
            # The municipality's own portal: its slug address works in every setup.
            "web": base_url + portal_url("home", municipality),
        }
    ) | {"legislativeTerm": terms}


def oparl_legislativeterm(term, *, base_url: str) -> dict:
    return _clean(
        {
            **_common(term, "LegislativeTerm", "legislativeterm", base_url),
            "body": base_url + _path("api:body", term.municipality_id),
            "name": term.name,
            "startDate": _date(term.start_date),
            "endDate": _date(term.end_date),
        }
    )


def oparl_location(location, *, base_url: str) -> dict:
    return _clean(
        {
            **_common(location, "Location", "location", base_url),
            "description": location.description,
            "room": location.room,
            "streetAddress": location.street_address,
            "postalCode": location.postal_code,
            "locality": location.locality,
        }
    )


# --- organisations and people ----------------------------------------------------------


def oparl_organization(organization, *, base_url: str) -> dict:
    pk = organization.pk
    location = organization.default_location
    return _clean(
        {
            **_common(organization, "Organization", "organization", base_url),
            "body": base_url + _path("api:body", organization.municipality_id),
            "name": organization.name,
            "shortName": organization.short_name,
            "membership": [
                api_url(base_url, "membership", m.pk) for m in organization.api_memberships
            ],
            "meeting": base_url + _path("api:organization_meetings", pk),
            "organizationType": "Gremium",
            "classification": _label(organization.Kind, organization.kind),
            "startDate": _date(organization.start_date),
            "endDate": _date(organization.end_date),
            "location": oparl_location(location, base_url=base_url)
            if location and not location.deleted
            else None,
            "dk:kind": organization.kind,
            "web": _web(base_url, "portal:body_detail", pk),
        }
    )


def _party(party) -> dict | None:
    return {"letter": party.letter, "name": party.name} if party else None


def oparl_person(person, *, base_url: str) -> dict:
    return _clean(
        {
            **_common(person, "Person", "person", base_url),
            "body": base_url + _path("api:body", person.municipality_id),
            "name": person.name,
            "familyName": person.family_name,
            "givenName": person.given_name,
            "title": [person.title] if person.title else [],
            "membership": [
                oparl_membership(m, base_url=base_url, embedded=True)
                for m in person.api_memberships
            ],
            "dk:party": _party(person.party),
            "web": _web(base_url, "portal:person_detail", person.pk),
        }
    )


def oparl_membership(membership, *, base_url: str, embedded: bool = False) -> dict:
    data = {
        **_common(membership, "Membership", "membership", base_url),
        "organization": api_url(base_url, "organization", membership.organization_id),
        "role": _label(membership.Role, membership.role),
        "votingRight": membership.voting_right,
        "startDate": _date(membership.start_date),
        "endDate": _date(membership.end_date),
        "dk:role": membership.role,
        "dk:party": _party(membership.party),
    }
    if not embedded:
        data["person"] = api_url(base_url, "person", membership.person_id)
    return _clean(data) | {"votingRight": membership.voting_right}


# --- meetings and items ----------------------------------------------------------------


def _meeting_name(meeting) -> str:
    return f"{meeting.organization.name} {timezone.localtime(meeting.start):%d.%m.%Y}"


def oparl_meeting(meeting, *, base_url: str) -> dict:
    approved = meeting.state == Meeting.State.MINUTES_APPROVED
    items = [i for i in meeting.api_items if not i.deleted]
    return _clean(
        {
            **_common(meeting, "Meeting", "meeting", base_url),
            "name": _meeting_name(meeting),
            "meetingState": _label(Meeting.State, meeting.state),
            "cancelled": meeting.state == Meeting.State.CANCELLED,
            "start": _stamp(meeting.start),
            "end": _stamp(meeting.end),
            "location": oparl_location(meeting.location, base_url=base_url)
            if meeting.location and not meeting.location.deleted
            else None,
            "organization": [api_url(base_url, "organization", meeting.organization_id)],
            "participant": _participants(meeting, base_url) if approved else [],
            "agendaItem": [oparl_agendaitem(i, base_url=base_url, meeting=meeting) for i in items],
            "dk:state": meeting.state,
            "dk:cancelReason": meeting.cancel_reason
            if meeting.state == Meeting.State.CANCELLED
            else "",
            "dk:attendance": _attendance(meeting, base_url) if approved else [],
            "web": _web(base_url, "portal:meeting_detail", meeting.pk),
        }
    ) | {"cancelled": meeting.state == Meeting.State.CANCELLED}


def _participants(meeting, base_url: str) -> list[str]:
    """Members on the meeting's day without afbud/fravær, plus everyone registered present
    (stedfortrædere): the portal's `meeting_attendees`, from prefetched rows."""
    day = timezone.localdate(meeting.start)
    rows = {row.person_id: row for row in meeting.api_attendance}
    people = [
        m.person_id
        for m in meeting.organization.api_members
        if m.is_active_on(day)
        and (m.person_id not in rows or rows[m.person_id].status == Attendance.Status.PRESENT)
    ]
    people += [pid for pid, row in rows.items() if row.status == Attendance.Status.PRESENT]
    return [api_url(base_url, "person", pid) for pid in dict.fromkeys(people)]


def _attendance(meeting, base_url: str) -> list[dict]:
    """dk:attendance: afbud, fravær and stedfortrædere (who stood in for whom)."""
    lines = []
    for row in meeting.api_attendance:
        if row.substitute_for_id:
            lines.append(
                {
                    "person": api_url(base_url, "person", row.person_id),
                    "status": "stedfortraeder",
                    "substituteFor": api_url(base_url, "person", row.substitute_for_id),
                }
            )
        elif row.status != Attendance.Status.PRESENT:
            lines.append(
                _clean(
                    {
                        "person": api_url(base_url, "person", row.person_id),
                        "status": row.status,
                        "reason": row.reason,
                    }
                )
            )
    return lines


def oparl_agendaitem(item, *, base_url: str, meeting=None) -> dict:
    """An item; `meeting` is given when embedded in its meeting (saves the lookup)."""
    meeting = meeting or item.meeting
    common = {
        **_common(item, "AgendaItem", "agendaitem", base_url),
        "meeting": api_url(base_url, "meeting", item.meeting_id),
        "number": str(item.number) if item.number is not None else None,
        "order": item.order,
        "name": item.title_for(can_see_closed=False),
        "public": item.public,
        "web": _web(base_url, "portal:item_detail", item.pk),
    }
    if not item.public:
        return _clean(common) | {"public": False, "order": item.order}
    data = {
        **common,
        "consultation": api_url(base_url, "consultation", item.consultation_id)
        if item.consultation_id and not item.consultation.deleted
        else None,
        "auxiliaryFile": [oparl_file(f, base_url=base_url, item=item) for f in item.api_files],
        "dk:itemType": item.item_type,
        "dk:presenters": item.presenters,
        "dk:sections": [{"heading": s.heading, "text": s.body} for s in item.sections.all()],
        "dk:recommendation": _recommendation(item),
    }
    if meeting.state == Meeting.State.MINUTES_APPROVED:
        data |= _minutes_of(item, base_url)
    return _clean(data) | {"public": True, "order": item.order}


def _recommendation(item) -> dict | None:
    recommendation = getattr(item, "recommendation", None)
    if recommendation is None or recommendation.deleted:
        return None
    return _clean(
        {
            "by": recommendation.by,
            "to": recommendation.to,
            "clauses": list(recommendation.clauses),
        }
    )


def _minutes_of(item, base_url: str) -> dict:
    """Decision, votes and item-level absences: only from approved minutes."""
    decision = getattr(item, "decision", None)
    data = {
        "dk:votes": [
            _clean(
                {
                    "person": api_url(base_url, "person", v.person_id),
                    "vote": v.choice,
                    "party": v.party.letter if v.party else None,
                }
            )
            for v in item.api_votes
        ],
        "dk:itemAttendance": [
            _clean(
                {
                    "person": api_url(base_url, "person", row.person_id),
                    "kind": row.kind,
                    "note": row.note,
                }
            )
            for row in item.api_exceptions
        ],
    }
    if decision is not None and not decision.deleted:
        data |= {
            "result": _label(decision.Outcome, decision.outcome),
            "resolutionText": decision.text,
            "dk:outcome": decision.outcome,
            "dk:remarks": [
                {
                    "kind": remark.kind,
                    "text": remark.text,
                    "persons": [api_url(base_url, "person", p.pk) for p in remark.persons.all()],
                }
                for remark in decision.api_remarks
            ],
        }
    return data


# --- cases, consultations, files -------------------------------------------------------


def oparl_paper(case, *, base_url: str) -> dict:
    return _clean(
        {
            **_common(case, "Paper", "paper", base_url),
            "body": base_url + _path("api:body", case.municipality_id),
            "name": case.title,
            "reference": case.journal_number,
            "date": _date(timezone.localdate(case.created)),
            "paperType": "Sag",
            "consultation": [
                oparl_consultation(c, base_url=base_url, embedded=True)
                for c in case.api_consultations
            ],
            "dk:journalNumber": case.journal_number,
            "dk:kle": _kle(case),
            "dk:responsibleUnit": case.responsible_unit,
            "web": _web(base_url, "portal:case_detail", case.pk),
        }
    )


def _kle(case) -> dict | None:
    if not case.kle_subject:
        return None
    return {
        "subject": case.kle_subject,
        "facet": case.kle_facet,
        "serial": case.kle_serial,
        "year": case.kle_year,
    }


def oparl_consultation(consultation, *, base_url: str, embedded: bool = False) -> dict:
    """A body's treatment of a case; linked only to open items of public meetings."""
    items = consultation.api_items
    item = items[-1] if items else None
    data = {
        **_common(consultation, "Consultation", "consultation", base_url),
        "agendaItem": api_url(base_url, "agendaitem", item.pk) if item else None,
        "meeting": api_url(base_url, "meeting", item.meeting_id) if item else None,
        "organization": [api_url(base_url, "organization", consultation.organization_id)],
        "authoritative": consultation.role == consultation.Role.DECIDES,
        "role": _label(consultation.Role, consultation.role),
        "dk:role": consultation.role,
        "dk:order": consultation.order,
    }
    if not embedded:
        data["paper"] = api_url(base_url, "paper", consultation.case_id)
    return _clean(data) | {"authoritative": data["authoritative"]}


def oparl_file(bilag, *, base_url: str, item: AgendaItem | None = None) -> dict:
    """A public bilag; `accessUrl` is the portal's download, which checks the same rules."""
    item = item or bilag.agenda_item
    download = base_url + reverse(
        "portal:file_download", args=[bilag.pk, bilag.file_name or "bilag.pdf"]
    )
    case_public = getattr(bilag, "case_public", False)
    return _clean(
        {
            **_common(bilag, "File", "file", base_url),
            "name": bilag.name,
            "fileName": bilag.file_name,
            "mimeType": bilag.mime_type,
            "size": bilag.size or None,
            "sha512Checksum": bilag.sha512,
            "text": bilag.text,
            "accessUrl": download,
            "downloadUrl": download,
            "agendaItem": [api_url(base_url, "agendaitem", item.pk)],
            "meeting": [api_url(base_url, "meeting", item.meeting_id)],
            "paper": [api_url(base_url, "paper", bilag.case_id)]
            if bilag.case_id and case_public
            else [],
            "dk:order": bilag.order,
        }
    )


SERIALIZERS = {
    "organization": oparl_organization,
    "person": oparl_person,
    "membership": oparl_membership,
    "meeting": oparl_meeting,
    "agendaitem": oparl_agendaitem,
    "paper": oparl_paper,
    "consultation": oparl_consultation,
    "file": oparl_file,
    "location": oparl_location,
    "legislativeterm": oparl_legislativeterm,
}


def oparl_object(obj, *, kind: str, base_url: str) -> dict:
    """Any listed object: the full object when alive, else the deleted stub."""
    if not obj.api_alive:
        return oparl_deleted(obj, kind=kind, base_url=base_url)
    return SERIALIZERS[kind](obj, base_url=base_url)
