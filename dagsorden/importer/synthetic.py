"""Synthetic agendas and minutes in several layout styles, with their expected parse.

Used by the tests (each layout family and the generic path must read these) and by
the import benchmark. All names, cases and texts are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

STYLES = (
    "core-first",
    "decision-first-casetype",
    "decision-first-treatment",
    "decision-last",
    "type-code",
    "numbered",
)

_FIRST = ["Ane", "Bo", "Carl", "Dorte", "Ebbe", "Frida", "Gorm", "Hanne", "Ib", "Jette", "Kaj"]
_LAST = ["Lund", "Hald", "Ry", "Vang", "Moos", "Sejr", "Krog", "Dam", "Birk", "Holm", "Friis"]
_PARTIES = ["A", "V", "F", "Ø", "C", "O", "B", "I", "Å"]
_BODIES = [
    "Vej- og Parkudvalget",
    "Skoleudvalget",
    "Kultur- og Fritidsudvalget",
    "Ældreudvalget",
    "Klimaudvalget",
    "Økonomiudvalget",
]
_TOPICS = [
    "Belysning på stier ved Engvej",
    "Ny legeplads i Nørreparken",
    "Tilskud til lokale foreninger",
    "Vinterberedskab på kommunens veje",
    "Renovering af svømmehallen",
    "Skolernes ferieaktiviteter",
    "Budgetopfølgning pr. 30. april",
    "Plan for flere træer i byen",
    "Cykelparkering ved stationen",
    "Status på madservice",
]
_OUTCOMES = ["Godkendt.", "Anbefales.", "Taget til efterretning.", "Drøftet.", "Udsat."]
_TYPES = [("beslutning", "B", "Beslutningssag"), ("orientering", "O", "Orienteringssag")]


@dataclass
class ExpectedItem:
    number: int
    title: str
    case_number: str | None
    type: str | None
    decision: str | None
    attachments: list[str] = field(default_factory=list)
    history_bodies: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)


@dataclass
class SyntheticDocument:
    style: str
    text: str
    kind: str
    body: str
    start: datetime
    participants: list[str]
    items: list[ExpectedItem]


def generate(seed: int, style: str | None = None, *, case_pool: int = 400) -> SyntheticDocument:
    """One document; the same seed always gives the same document."""
    rng = random.Random(seed)
    style = style or STYLES[seed % len(STYLES)]
    body = rng.choice(_BODIES)
    # One meeting per seed: consecutive days, so documents describe distinct meetings.
    start = datetime(2022, 1, 3, 16, 0) + timedelta(days=seed)
    kind = "agenda" if style in ("core-first", "type-code") else "minutes"
    people = _people(random.Random(body))  # a body keeps its members from meeting to meeting
    first_number = 1 if style != "numbered" else rng.randrange(100, 900)
    items = [
        _expected_item(rng, style, first_number + n, kind, case_pool)
        for n in range(rng.randrange(3, 8))
    ]
    writer = _WRITERS[style]
    text = writer(rng, body, start, kind, people, items)
    return SyntheticDocument(style, text, kind, body, start, [p[0] for p in people], items)


def _people(rng: random.Random) -> list[tuple[str, str]]:
    names = set()
    while len(names) < rng.randrange(4, 8):
        names.add(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
    return [(name, rng.choice(_PARTIES)) for name in sorted(names)]


def _case_number(rng: random.Random, style: str, case_pool: int) -> str:
    serial = rng.randrange(case_pool)
    if style == "core-first":
        return f"{serial % 90 + 1:02d}.00.00-P{serial % 30:02d}-{serial}-25"
    if style == "decision-last":
        return f"25/{10000 + serial}"
    if style == "numbered":
        return f"EMN-2025-{serial:06d}"
    return f"25-{serial:06d}"


def _expected_item(
    rng: random.Random, style: str, number: int, kind: str, case_pool: int
) -> ExpectedItem:
    topic = rng.choice(_TOPICS)
    type_word, code, _ = rng.choice(_TYPES)
    title = topic
    item_type = None
    if style == "type-code":
        title, item_type = f"{topic} ({code})", type_word
    elif style == "decision-last":
        title, item_type = f"{type_word.capitalize()}: {topic}", type_word
    elif style == "decision-first-casetype":
        item_type = type_word
    decision = rng.choice(_OUTCOMES) if kind == "minutes" else None
    attachments = [f"Bilag {n + 1} - {topic} notat" for n in range(rng.randrange(0, 3))]
    history = []
    if style in ("decision-first-casetype", "decision-first-treatment", "numbered"):
        history = rng.sample(_BODIES, rng.randrange(0, 3))
    return ExpectedItem(
        number,
        title,
        _case_number(rng, style, case_pool),
        item_type,
        decision,
        attachments,
        history,
    )


def _date(day: date | datetime) -> str:
    return day.strftime("%d-%m-%Y")


def _danish_date(day: datetime) -> str:
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august"]
    months += ["september", "oktober", "november", "december"]
    return f"{day.day}. {months[day.month - 1]} {day.year} kl. {day:%H:%M}"


def _header(kind: str, body: str, start: datetime, people, location: str, md: bool) -> list[str]:
    word = "DAGSORDEN" if kind == "agenda" else "REFERAT"
    bold = "**" if md else ""
    names = ", ".join(f"{name} ({party})" for name, party in people)
    return [
        f"{'# ' if md else ''}{word} {body} d. {_date(start)}",
        "",
        f"{bold}Mødedato{bold} Mandag d. {_danish_date(start)}",
        "",
        f"{bold}Mødested{bold} {location}",
        "",
        f"{bold}Mødedeltagere{bold} {names}",
        "",
        f"{'## ' if md else ''}Indholdsfortegnelse",
        "",
    ]


def _toc(items: list[ExpectedItem]) -> list[str]:
    return [f"{item.title}.....\t{n + 3}" for n, item in enumerate(items)] + [""]


def _history_lines(item: ExpectedItem, start: datetime) -> list[str]:
    lines = ["Sagens forløb", ""]
    for n, body in enumerate(item.history_bodies):
        lines += [f"{_date(start - timedelta(days=20 - n))[:10].replace('-', '/')} {body}", ""]
        lines += ["Anbefales.", ""]
    return lines


def _attachment_lines(item: ExpectedItem, heading: str = "Bilag") -> list[str]:
    if not item.attachments:
        return []
    return [heading, ""] + [line for a in item.attachments for line in (a, "")]


def _write_core_first(rng, body, start, kind, people, items) -> str:
    lines = _header(kind, body, start, people, "Rådhuset, lokale 2", md=True) + _toc(items)
    for item in items:
        lines += [f"# Punkt {item.number}: {item.title}", "", item.case_number, ""]
        lines += ["## Sagens kerne", "", "Udvalget skal tage stilling til sagen.", ""]
        lines += ["## Indstilling", "", "Direktionen indstiller, at sagen godkendes.", ""]
        lines += ["## Beslutningskompetence", "", body, ""]
        lines += ["## Sagsfremstilling", "", "Sagen er beskrevet i notatet.", ""]
        lines += ["## **Økonomi**", "", "Ingen bevillingsmæssige konsekvenser.", ""]
        if item.attachments:
            lines += ["## **Bilag**", ""] + [x for a in item.attachments for x in (a, "")]
    return "\n".join(lines)


def _write_decision_first_casetype(rng, body, start, kind, people, items) -> str:
    lines = _header(kind, body, start, people, "Lokale 1.12", md=False) + _toc(items)
    for item in items:
        lines += [f"Punkt {item.number}: {item.title}", "", item.case_number, ""]
        lines += ["Beslutning", "", item.decision or "", "", "Sagsfremstilling", ""]
        lines += ["Indstilling", "", "Administrationen indstiller, at:", ""]
        lines += ["1. sagen godkendes", "", "Resume", "", "Kort om sagen.", ""]
        type_word = {"beslutning": "Beslutningssag", "orientering": "Orienteringssag"}
        lines += ["Sagsgang og sagstype", "", body, "", type_word[item.type], ""]
        lines += ["Beskrivelse af sagen", "", "Sagen er beskrevet her.", ""]
        lines += ["Økonomiske konsekvenser", "", "Ingen.", ""]
        lines += _history_lines(item, start) if item.history_bodies else []
        lines += _attachment_lines(item)
    return "\n".join(lines)


def _write_decision_first_treatment(rng, body, start, kind, people, items) -> str:
    lines = _header(kind, body, start, people, "Mødelokale 8", md=False) + _toc(items)
    for item in items:
        lines += [f"Punkt {item.number}: {item.title}", "", item.case_number, ""]
        lines += ["Beslutning", "", item.decision or "", "", "Sagsfremstilling", ""]
        lines += ["Resume og sagens baggrund", "", "Baggrunden er kort.", ""]
        lines += ["Indstillinger", "", "Direktøren indstiller, at sagen godkendes.", ""]
        lines += ["Behandling", "", f"{body}.", "", "Sagsfremstilling", "", "Tekst.", ""]
        lines += ["Økonomiske konsekvenser", "", "Ingen.", ""]
        lines += _history_lines(item, start) if item.history_bodies else []
        lines += _attachment_lines(item)
    return "\n".join(lines)


def _write_decision_last(rng, body, start, kind, people, items) -> str:
    lines = _header(kind, body, start, people, "Mødesal A", md=False) + _toc(items)
    absent = people[0][0]
    for item in items:
        item.absent = [absent]
        lines += [f"Punkt {item.number}: {item.title}", "", item.case_number, ""]
        lines += ["Sagen afgøres i:", "", body, "", "Indledning", "", "Kort indledning.", ""]
        lines += ["Retsgrundlag", "", "Styrelsesloven.", "", "Sagsfremstilling", "", "Tekst.", ""]
        lines += ["Indstilling", "", "Administrationen indstiller,", "", "at sagen godkendes.", ""]
        lines += [f"Beslutninger {body} den {_date(start)}", "", item.decision or "", ""]
        lines += ["Fraværende:", "", absent, ""]
        lines += _attachment_lines(item)
    return "\n".join(lines)


def _write_type_code(rng, body, start, kind, people, items) -> str:
    lines = _header(kind, body, start, people, "Byrådssalen", md=True) + _toc(items)
    for item in items:
        lines += [f"## **Punkt {item.number}: {item.title}**", "", item.case_number, ""]
        lines += ["### Sagsfremstilling", "", "### Kompetence", "", body, ""]
        lines += ["### Beslutningstema", "", "Udvalget skal beslutte.", "", "### Indstilling", ""]
        lines += ["Direktøren indstiller,", "", "**1. at** sagen godkendes.", ""]
        lines += ["### Sagens indhold", "", "Tekst.", "", "## **Retligt grundlag**", "", "Ingen."]
        lines += ["", "## Sagens videre forløb", "", "Ingen bemærkninger.", ""]
        if item.attachments:
            lines += ["## Bilag", ""] + [x for a in item.attachments for x in (a, "")]
    return "\n".join(lines)


def _write_numbered(rng, body, start, kind, people, items) -> str:
    names = ", ".join(name for name, _ in people)
    lines = [body, "", "Referat", "", f"Mødedato: {start:%d.%m.%Y}", f"Tidspunkt: {start:%H.%M}"]
    lines += ["Mødested: Byrådssalen", f"Medlemmer: {names}", ""]
    for page, item in enumerate(items, start=1):
        lines += [f"{body} {_date(start)}          Side {page} af {len(items)}", ""]
        lines += [f"{item.number}. {item.title}", "", f"Sagsnr.: {item.case_number}", ""]
        for n, earlier in enumerate(item.history_bodies):
            when = _date(start - timedelta(days=10 - n))
            lines += [f"Beslutning i {earlier} den {when}", "Anbefales.", ""]
        lines += [f"BESLUTNING I {body.upper()} DEN {_date(start)}", item.decision or "", ""]
        lines += ["SAGSFREMSTILLING", "Sagen er beskrevet her.", ""]
        lines += ["INDSTILLING", "Kommunaldirektøren indstiller,", "at sagen godkendes.", ""]
        if item.attachments:
            lines += ["BILAG"] + item.attachments + [""]
    return "\n".join(lines)


_WRITERS = {
    "core-first": _write_core_first,
    "decision-first-casetype": _write_decision_first_casetype,
    "decision-first-treatment": _write_decision_first_treatment,
    "decision-last": _write_decision_last,
    "type-code": _write_type_code,
    "numbered": _write_numbered,
}
