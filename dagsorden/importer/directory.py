"""The municipality's registers an import looks up, and creates on first mention:
the municipality itself, its bodies, valgperioder, cases with their routes, persons
and parties. Each keeps what it has read, so a document's many mentions cost one
query per register."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.text import slugify

from dagsorden.cases.models import Case, Consultation
from dagsorden.organisations.models import (
    LegislativeTerm,
    Municipality,
    Organization,
    Party,
    Person,
)
from dagsorden.organisations.style import portal_words

_PERIOD_SUFFIX = re.compile(r"\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$")
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slug_of(text: str) -> str:
    return slugify(text.translate(_TRANSLIT))[:50] or "x"


def municipality_named(name: str) -> Municipality:
    name = name.strip()[:120]
    found = Municipality.objects.filter(name__iexact=name).first()
    if found:
        return found
    return Municipality.objects.create(name=name, slug=_municipality_slug(name))


def _municipality_slug(name: str) -> str:
    """The slug for a municipality the importer creates. It must not be one of the
    portal's own first path words (the admin form refuses those, see
    validate_portal_slug): a municipality named "Oparl" or "Admin" in a document would
    otherwise take over `/oparl/` or `/admin/`. The document is not refused for it; its
    municipality gets "<word>-kommune" instead, which staff may rename in the admin."""
    reserved = portal_words()
    base = slug_of(name)
    if base in reserved:
        base = f"{base[:42]}-kommune"
    return unique_slug(Municipality.objects.all(), base, reserved=reserved)


def unique_slug(queryset, base: str, *, reserved: frozenset[str] | set[str] = frozenset()) -> str:
    slug, n = base, 1
    while slug in reserved or queryset.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:46]}-{n}"
    return slug


def _body_key(name: str) -> str:
    """'Socialudvalget 2022-2025' and 'Socialudvalget' are the same body."""
    return _PERIOD_SUFFIX.sub("", name.strip().rstrip(".")).casefold()


class Bodies:
    """The municipality's bodies by name, created on first mention."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self.by_key: dict[str, Organization] = {}
        for body in Organization.objects.filter(municipality=municipality).order_by("pk"):
            self.by_key.setdefault(body.name.casefold(), body)
            self.by_key.setdefault(_body_key(body.name), body)

    def get(self, name: str) -> Organization:
        name = name.strip().rstrip(".")[:160]
        found = self.by_key.get(name.casefold()) or self.by_key.get(_body_key(name))
        if found:
            return found
        bodies = Organization.objects.filter(municipality=self.municipality)
        body = Organization.objects.create(
            municipality=self.municipality, name=name, slug=unique_slug(bodies, slug_of(name)),
            kind=_organization_kind(name),
        )  # fmt: skip
        self.by_key[name.casefold()] = self.by_key.setdefault(_body_key(name), body)
        return body


def _organization_kind(name: str) -> str:
    folded = name.casefold()
    if re.search(r"kommunalbestyrelse|byråd|borgerrepræsentation", folded):
        return Organization.Kind.COUNCIL
    if "økonomiudvalg" in folded:
        return Organization.Kind.FINANCE
    if "direktion" in folded:
        return Organization.Kind.EXECUTIVE
    if "udvalg" in folded:
        return Organization.Kind.COMMITTEE
    if re.search(r"råd|nævn", folded):
        return Organization.Kind.BOARD
    return Organization.Kind.OTHER


def term_containing(municipality: Municipality, day: dt.date) -> LegislativeTerm:
    """The valgperiode containing the day; Danish terms run four years from 2022, 2026 …"""
    found = LegislativeTerm.objects.filter(
        municipality=municipality, start_date__lte=day, end_date__gte=day
    ).first()
    if found:
        return found
    first = 2022 + 4 * ((day.year - 2022) // 4)
    term, _ = LegislativeTerm.objects.get_or_create(
        municipality=municipality,
        name=f"{first}-{first + 3}",
        defaults={"start_date": dt.date(first, 1, 1), "end_date": dt.date(first + 3, 12, 31)},
    )
    return term


class Cases:
    """The municipality's cases by journal number with their routes, read on first
    mention. The route lists are shared with the writers, which update them in place."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self.cases: dict[str, Case] = {}
        self.routes: dict[str, list[Consultation]] = {}

    def lookup(self, numbers: set[str]) -> tuple[dict[str, Case], dict[str, list]]:
        if missing := numbers - self.cases.keys():
            self._read(missing)
        cases = {n: self.cases[n] for n in numbers if n in self.cases}
        return cases, {n: self.routes.setdefault(n, []) for n in cases}

    def _read(self, numbers: set[str]) -> None:
        found = Case.objects.filter(municipality=self.municipality, journal_number__in=numbers)
        by_pk = {}
        for case in found:
            self.cases[case.journal_number] = case
            self.routes[case.journal_number] = []
            by_pk[case.pk] = case.journal_number
        for consultation in Consultation.objects.filter(case_id__in=by_pk):
            self.routes[by_pk[consultation.case_id]].append(consultation)

    def remember(self, cases: dict[str, Case], routes: dict[str, list]) -> None:
        """Cases and routes a document created, once their rows are inserted."""
        self.cases.update(cases)
        self.routes.update(routes)


class Persons:
    """The municipality's persons and parties, created on first mention."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self.people = {
            (p.given_name, p.family_name): p
            for p in Person.objects.filter(municipality=municipality)
        }
        self.parties = {p.letter: p for p in Party.objects.filter(municipality=municipality)}

    def get(self, name: str, party_letter: str | None) -> Person:
        given, _, family = name.strip().rpartition(" ")
        key = ((given or family)[:120], (family if given else "")[:120])
        party = self._party(party_letter) if party_letter else None
        person = self.people.get(key)
        if person is None:
            person = Person.objects.create(
                municipality=self.municipality, given_name=key[0], family_name=key[1], party=party
            )
            self.people[key] = person
        elif party and person.party_id != party.pk:
            person.party = party
            person.save()
        return person

    def _party(self, letter: str) -> Party:
        letter = letter[:4]
        if letter not in self.parties:
            self.parties[letter] = Party.objects.create(
                municipality=self.municipality, letter=letter, name=letter
            )
        return self.parties[letter]
