"""The meeting header: document kind, body, start, location and participants."""

from __future__ import annotations

import re
from collections import Counter

from .parsed import ParsedMeeting, ParsedParticipant
from .textutil import (
    ANY_DATE,
    PARTY_LETTER,
    Line,
    looks_like_name,
    name_and_extras,
    parse_date,
    parse_datetime,
    parse_time,
    split_names,
)
from .vocabulary import BODY_WORDS, DOCUMENT_KINDS, HEADER_LABELS

_KIND_WORDS = "|".join(sorted((re.escape(k) for k in DOCUMENT_KINDS), key=len, reverse=True))
_TITLE = re.compile(
    rf"^(?P<kind>{_KIND_WORDS})\b[\s:,-]*(?:(?:for|til|fra|af)\s+)?(?:møde(?:t)?\s+i\s+)?"
    rf"(?P<body>.*?)[\s,]*(?:(?:(?:den|d\.)\s*|,\s*)?(?P<date>{ANY_DATE})(?P<rest>.*))?$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(sorted((re.escape(k) for k in HEADER_LABELS), key=len, reverse=True))
    + r")\b *(?P<sep>[:\t]?)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_NEEDS_COLON = {"body", "absent", "time"}
_ROOM_WORDS = {"mødelokale", "lokale"}  # 'Mødelokale 3' is the place itself
_PERIOD_PREFIX = re.compile(r"^\d{2}-\d{2}\s+")  # '22-25 Socialudvalget': a sort key
_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+Kommunes?\b")
_NOT_MUNICIPALITY = {"Den", "Hver", "Denne", "Samme", "Anden", "Hele", "Egen", "Vores", "Din"}


def parse_header(lines: list[Line], meeting: ParsedMeeting) -> None:
    """Fill kind, body, start, location and participants from the header lines."""
    _read_title(lines, meeting)
    _read_labels(lines, meeting)
    if meeting.body is None:
        meeting.body = _body_from_lines(lines)
    if meeting.start is None:
        meeting.start = next((d for d in (parse_datetime(x.text) for x in lines) if d), None)


def _read_title(lines: list[Line], meeting: ParsedMeeting) -> None:
    for position, line in enumerate(lines[:25]):
        match = _TITLE.match(line.text)
        if not match:
            continue
        meeting.kind = DOCUMENT_KINDS[match.group("kind").casefold()]
        body = _PERIOD_PREFIX.sub("", match.group("body").strip(" -–,:"))
        if not body:
            body = _next_text(lines, position)
        if body and BODY_WORDS.search(body) or body and len(body.split()) <= 8:
            meeting.body = body or None
        if match.group("date"):
            when = match.group("date") + (match.group("rest") or "")
            meeting.start = parse_datetime(when)
        return


def _next_text(lines: list[Line], position: int) -> str:
    for line in lines[position + 1 : position + 4]:
        if line.text:
            if _LABEL.match(line.text) or parse_date(line.text):
                return ""
            return line.text.strip(" -–,:")
    return ""


def _read_labels(lines: list[Line], meeting: ParsedMeeting) -> None:
    position = 0
    while position < len(lines):
        match = _LABEL.match(lines[position].text)
        if not match:
            position += 1
            continue
        label = match.group("label").casefold()
        field = HEADER_LABELS[label]
        alone = not match.group("value").strip()  # 'Starttidspunkt' on its own line
        bare = not match.group("sep") and not lines[position].marked and not alone
        if bare and label in _ROOM_WORDS:
            _apply_label(meeting, "location", lines[position].text)  # 'Mødelokale 3'
            position += 1
            continue
        if field in _NEEDS_COLON and bare:
            position += 1  # 'Udvalg for ...' in running text is no label
            continue
        value, position = _label_value(lines, position, match.group("value"), field)
        _apply_label(meeting, field, value)


def _label_value(lines: list[Line], position: int, value: str, field: str) -> tuple[str, int]:
    """The label's value: the rest of the line plus wrapped continuation lines."""
    value = value.strip()
    position += 1
    if not value:  # value on the following line(s)
        while position < len(lines) and lines[position].blank:
            position += 1
        if field == "location":
            return _place(lines, position)
        if field != "participants":
            value = lines[position].text if position < len(lines) else ""
            return value, position + 1
    parts = [value] if value else []
    while position < len(lines) and lines[position].text and not _LABEL.match(lines[position].text):
        parts.append(lines[position].text)
        position += 1
    if field in ("participants", "absent"):
        names, position = _names_one_per_line(lines, position)
        if names:
            return ", ".join([*(p.lstrip("-•* ") for p in parts), *names]), position
    joiner = ", " if _is_list_block(parts) else " "
    return joiner.join(p.lstrip("-•* ") for p in parts), position


def _names_one_per_line(lines: list[Line], position: int) -> tuple[list[str], int]:
    """'Deltagere:' and then one member per paragraph ('Anne Berg (A)'), as PDFs print a
    list of short lines."""
    names: list[str] = []
    end = position
    while position < len(lines):
        line = lines[position]
        if line.blank:
            position += 1
            continue
        text = line.text.lstrip("-•* ")
        if _LABEL.match(text) or line.marked or "\t" in text or "." in text:
            break
        if not looks_like_name(text):
            break
        names.append(text)
        position += 1
        end = position
    return names, end


_ADDRESS = re.compile(
    r"(?:\b\d{4}\s+[A-ZÆØÅ]|\b[A-ZÆØÅ]\w*(?:vej|gade|torv|plads|allé|stræde)\s+\d)"
)


def _place(lines: list[Line], position: int) -> tuple[str, int]:
    """A place printed under its label over several short lines: building, street, town."""
    parts: list[str] = []
    while position < len(lines) and len(parts) < 4:
        text = lines[position].text
        if not text:
            position += 1
            continue
        if _LABEL.match(text) or parse_date(text) or len(text) > 70:
            break
        if parts and not _ADDRESS.search(text):
            break
        parts.append(text.strip(" ,"))
        position += 1
    return ", ".join(parts), position


def _is_list_block(parts: list[str]) -> bool:
    return len(parts) > 1 and all(p.lstrip().startswith(("-", "•", "*")) for p in parts[1:])


def _apply_label(meeting: ParsedMeeting, field: str, value: str) -> None:
    value = value.strip()
    if not value:
        return
    if field == "start" and parse_date(value):
        meeting.start = parse_datetime(value)
    elif field in ("start", "time") and meeting.start and (clock := parse_time(value)):
        meeting.start = meeting.start.replace(hour=clock.hour, minute=clock.minute)
    elif field == "location" and meeting.location is None:
        meeting.location = value
    elif field == "participants" and not meeting.participants:
        meeting.participants = parse_participants(value)
    elif field == "absent":
        _mark_absent(meeting, value)
    elif field == "body" and meeting.body is None:
        meeting.body = value


def parse_participants(value: str) -> list[ParsedParticipant]:
    participants = []
    for chunk in _split_outside_parens(value):
        name, extras = name_and_extras(chunk)
        if not name:
            continue
        party = next((e for e in extras if PARTY_LETTER.match(e)), None)
        notes = [e for e in extras if e != party]
        participants.append(ParsedParticipant(name, party, notes[0] if notes else None))
    return participants


def _split_outside_parens(value: str) -> list[str]:
    chunks, depth, current = [], 0, []
    for char in re.sub(r"\s+(?:og|samt)\s+(?=[A-ZÆØÅ])", ", ", value):
        depth += char == "("
        depth -= char == ")"
        if char in ",;" and depth <= 0:
            chunks.append("".join(current))
            current = []
        else:
            current.append(char)
    chunks.append("".join(current))
    return [c.strip() for c in chunks if c.strip()]


def _mark_absent(meeting: ParsedMeeting, value: str) -> None:
    for name in split_names(value):
        clean, _ = name_and_extras(name)
        known = next((p for p in meeting.participants if p.name == clean), None)
        if known:
            known.note = known.note or "Fravær"
        elif clean:
            meeting.participants.append(ParsedParticipant(clean, None, "Fravær"))


def _body_from_lines(lines: list[Line]) -> str | None:
    for line in lines[:15]:
        text = line.text
        if text and len(text) < 90 and BODY_WORDS.search(text) and not _LABEL.match(text):
            return re.sub(rf"\s*(?:(?:den|d\.)\s*)?{ANY_DATE}.*$", "", text).strip() or None
    return None


def guess_municipality(text: str) -> str | None:
    """The municipality most often named as 'X Kommune' in the document."""
    counts = Counter(name for name in _MUNICIPALITY.findall(text) if name not in _NOT_MUNICIPALITY)
    return counts.most_common(1)[0][0] if counts else None
