"""A single sign-on user's name, roles and Person, as the identity provider says.

The provider is the authority for users who log in through it: on every login their
administrator flag, their secretariat assignments and their link to a member's Person
are set from the groups and claims it sends, so leaving a group at the municipality
takes the role away here at the next login."""

import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from dagsorden.core.audit import audit_record
from dagsorden.organisations.models import Municipality, Organization, Person
from dagsorden.staff.models import Assignment

logger = logging.getLogger(__name__)

ASSIGNED_ROLES = {
    "secretary": Assignment.Role.SECRETARY,
    "case_officer": Assignment.Role.CASE_OFFICER,
}


@dataclass
class Roles:
    admin: bool = False
    member: bool = False
    # (role, body slug or "*" for every body)
    assignments: set[tuple[str, str]] = field(default_factory=set)


def group_roles(raw: str | None = None) -> dict[str, list[str]]:
    """DAGSORDEN_OIDC_GROUP_ROLES: IdP group → our roles, e.g.
    {"GG-Sekretariat": "secretary:*", "GG-TMU": ["case_officer:tmu", "member"]}."""
    raw = settings.OIDC_GROUP_ROLES if raw is None else raw
    try:
        mapping = json.loads(raw or "{}")
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"DAGSORDEN_OIDC_GROUP_ROLES is not JSON: {error}") from error
    if not isinstance(mapping, dict):
        raise ImproperlyConfigured("DAGSORDEN_OIDC_GROUP_ROLES must be a JSON object.")
    result = {}
    for group, specs in mapping.items():
        specs = [specs] if isinstance(specs, str) else list(specs)
        for spec in specs:
            role, _, _bodies = str(spec).partition(":")
            if role not in {"admin", "member", *ASSIGNED_ROLES}:
                raise ImproperlyConfigured(
                    f"DAGSORDEN_OIDC_GROUP_ROLES: unknown role {spec!r} for group {group!r} "
                    "(admin, member, secretary:<bodies>, case_officer:<bodies>)."
                )
        result[str(group)] = [str(spec) for spec in specs]
    return result


def roles_from_groups(groups) -> Roles:
    if isinstance(groups, str):
        groups = [groups]
    mapping, roles = group_roles(), Roles()
    for group in groups or []:
        for spec in mapping.get(str(group), []):
            role, _, bodies = spec.partition(":")
            if role == "admin":
                roles.admin = True
            elif role == "member":
                roles.member = True
            else:
                for slug in (bodies or "*").split(","):
                    roles.assignments.add((role, slug.strip()))
    return roles


@transaction.atomic
def user_sync_from_claims(*, user, claims: dict):
    """Name, e-mail, administrator flag, assignments and Person from the provider."""
    roles = roles_from_groups(claims.get(settings.OIDC_GROUPS_CLAIM))
    user.first_name = str(claims.get("given_name", user.first_name))[:150]
    user.last_name = str(claims.get("family_name", user.last_name))[:150]
    user.email = str(claims.get("email", user.email))[:254]
    user.is_superuser = user.is_staff = roles.admin
    user.save()
    _sync_assignments(user, roles.assignments)
    person = _sync_person(user, claims if roles.member else None)
    audit_record(
        action="sso_sync",
        obj=user,
        by=user,
        summary=user.username,
        admin=roles.admin,
        assignments=sorted(f"{role}:{slug}" for role, slug in roles.assignments),
        person=person.pk if person else None,
    )
    return user


def _sync_assignments(user, wanted: set[tuple[str, str]]) -> None:
    targets = set()
    for role, name in wanted:
        chosen = _bodies_named(name)
        targets |= {(ASSIGNED_ROLES[role], pk) for pk in chosen.values_list("pk", flat=True)}
    for assignment in Assignment.objects.filter(user=user):
        keep = (assignment.role, assignment.organization_id) in targets
        if assignment.deleted == keep:
            assignment.deleted = not keep
            assignment.save()
        targets.discard((assignment.role, assignment.organization_id))
    for role, organization_id in targets:
        Assignment.objects.create(user=user, role=role, organization_id=organization_id)


def _bodies_named(name: str):
    """`kommune/udvalg` or `kommune/*`; a bare `udvalg` or `*` means the bodies of the
    installation's own municipality (DAGSORDEN_MUNICIPALITY, else the first created), so
    a group never grants rights in another municipality that shares a body's slug."""
    municipality, _, slug = name.rpartition("/")
    bodies = Organization.objects.alive()
    if municipality:
        bodies = bodies.filter(municipality__slug=municipality)
    else:
        home = Municipality.objects.alive().order_by("pk")
        if settings.PORTAL_MUNICIPALITY:
            home = home.filter(slug=settings.PORTAL_MUNICIPALITY)
        bodies = bodies.filter(municipality__in=home.values("pk")[:1])
    return bodies if slug == "*" else bodies.filter(slug=slug)


def _sync_person(user, claims: dict | None) -> Person | None:
    """Link the member's Person named by the person claim; unlink when not a member."""
    value = str(claims.get(settings.OIDC_PERSON_CLAIM, "")).strip() if claims else ""
    matches = list(Person.objects.alive().filter(email__iexact=value)[:2]) if value else []
    person = matches[0] if len(matches) == 1 else None
    if value and len(matches) != 1:
        logger.warning("Single sign-on: %d persons have the e-mail %s", len(matches), value)
    if person is not None and person.user_id not in (None, user.pk):
        logger.warning("Single sign-on: %s already has another user account", person)
        person = None
    for linked in Person.objects.filter(user=user).exclude(pk=getattr(person, "pk", None)):
        linked.user = None
        linked.save()
    if person is not None and person.user_id != user.pk:
        person.user = user
        person.save()
    return person
