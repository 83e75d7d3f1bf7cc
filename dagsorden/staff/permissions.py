"""Who may do what, object by object.

Roles: administrator (superuser), udvalgssekretær for a body, sagsbehandler for a body,
member of a body (a Person with a user account and a membership), and the public.
Every staff and member view asks one of these functions about the object it touches."""

from django.utils import timezone

from dagsorden.meetings.models import AgendaItem, Attendance, Meeting
from dagsorden.organisations.models import Membership, Municipality, Organization, Person

from .models import Assignment


def is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


def _assigned(user, organization_id: int, *roles: str) -> bool:
    if not user.is_authenticated:
        return False
    return (
        Assignment.objects.alive()
        .filter(user=user, organization_id=organization_id, role__in=roles)
        .exists()
    )


def person_of(user) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.alive().filter(user=user).select_related("party").first()


def is_secretary(user, organization: Organization) -> bool:
    return is_admin(user) or _assigned(user, organization.pk, Assignment.Role.SECRETARY)


def works_on(user, organization: Organization) -> bool:
    """Secretaries and case officers of the body (and administrators)."""
    return is_admin(user) or _assigned(
        user, organization.pk, Assignment.Role.SECRETARY, Assignment.Role.CASE_OFFICER
    )


def may_import(user) -> bool:
    """Secretaries of any body (and administrators) may import documents and exports."""
    return is_admin(user) or (
        user.is_authenticated
        and Assignment.objects.alive().filter(user=user, role=Assignment.Role.SECRETARY).exists()
    )


def is_staff_user(user) -> bool:
    return is_admin(user) or (
        user.is_authenticated and Assignment.objects.alive().filter(user=user).exists()
    )


def staff_bodies(user):
    bodies = Organization.objects.alive().select_related("municipality")
    if is_admin(user):
        return bodies
    return bodies.filter(assignments__user=user, assignments__deleted=False).distinct()


def is_member(user, meeting: Meeting) -> bool:
    """A member of the body on the meeting day, or the stedfortræder at this meeting."""
    person = person_of(user)
    if person is None:
        return False
    day = timezone.localtime(meeting.start).date()
    seat = Membership.objects.active_on(day).filter(
        person=person, organization=meeting.organization_id
    )
    substitute = meeting.attendances.filter(person=person).exclude(substitute_for=None)
    return seat.exists() or substitute.exists()


def can_edit_item(user, item: AgendaItem) -> bool:
    return works_on(user, item.meeting.organization)


def can_approve_item(user, item: AgendaItem) -> bool:
    return is_secretary(user, item.meeting.organization)


def can_run_meeting(user, meeting: Meeting) -> bool:
    return is_secretary(user, meeting.organization)


def can_read_closed(user, meeting: Meeting) -> bool:
    """Closed items are for the body's members and the people preparing its meetings."""
    return works_on(user, meeting.organization) or is_member(user, meeting)


def can_sign(user, meeting: Meeting) -> bool:
    person = person_of(user)
    return (
        person is not None
        and meeting.attendances.filter(person=person, status=Attendance.Status.PRESENT).exists()
    )


def own_municipality(user) -> Municipality | None:
    """The one municipality whose bodies the user works on or sits in, if just one."""
    assigned = Municipality.objects.filter(
        organizations__assignments__user=user, organizations__assignments__deleted=False
    )
    seated = Municipality.objects.filter(persons__user=user)
    found = list((assigned | seated).distinct()[:2])
    return found[0] if len(found) == 1 else None
