"""The English catalogue is complete, compiled and actually used.

The msgids are Danish, so an empty msgstr shows Danish to an English reader. The
catalogue is parsed here with the standard library only (polib is not a dependency).
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

import dagsorden
from dagsorden.meetings.models import Meeting
from dagsorden.organisations.models import Organization
from dagsorden.staff.forms import ItemForm

LOCALE = Path(dagsorden.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PO = LOCALE / "django.po"
MO = LOCALE / "django.mo"

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def msgctxt(self) -> str | None:
        return self.fields.get("msgctxt")

    @property
    def plural(self) -> bool:
        return "msgid_plural" in self.fields

    @property
    def msgstrs(self) -> list[str]:
        return [value for key, value in self.fields.items() if key.startswith("msgstr")]

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    def __str__(self) -> str:
        return f"django.po:{self.line}: {self.msgid!r}"


def parse_po(path: Path) -> list[Entry]:
    """Every live entry (obsolete #~ entries skipped), header included."""
    entries: list[Entry] = []
    flags: set[str] = set()
    current: Entry | None = None
    last_key: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, last_key = None, None
            continue
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue  # references, translator comments, previous msgids, obsolete entries
        match = KEYWORD.match(line)
        if match:
            key, value = match.groups()
            if key in ("msgctxt", "msgid") and (current is None or "msgid" in current.fields):
                current = Entry(line=number, flags=flags)
                entries.append(current)
                flags = set()
            assert current is not None, f"django.po:{number}: {key} outside an entry"
            current.fields[key] = ast.literal_eval(value)
            last_key = key
        elif line.startswith('"') and current is not None and last_key is not None:
            current.fields[last_key] += ast.literal_eval(line)
        else:
            raise AssertionError(f"django.po:{number}: cannot parse {raw!r}")
    return entries


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return [entry for entry in parse_po(PO) if entry.msgid]  # without the header


def test_the_parser_reads_the_whole_catalogue(entries):
    assert len(entries) > 400
    assert len({entry.key for entry in entries}) == len(entries)
    assert any(entry.plural for entry in entries)


def test_every_entry_is_translated(entries):
    untranslated = [str(entry) for entry in entries if not all(entry.msgstrs)]
    assert not untranslated, "Untranslated; run `make messages` and translate:\n" + "\n".join(
        untranslated
    )


def test_no_entry_is_fuzzy(entries):
    fuzzy = [str(entry) for entry in entries if "fuzzy" in entry.flags]
    assert not fuzzy, "Check these translations and remove the fuzzy flag:\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders(entries):
    wrong = []
    for entry in entries:
        if "python-format" not in entry.flags:
            continue
        sources = [entry.msgid, entry.fields.get("msgid_plural", entry.msgid)]
        for index, msgstr in enumerate(entry.msgstrs):
            # msgstr[0] is the singular; every other form follows msgid_plural.
            source = sources[0] if index == 0 else sources[1]
            if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(msgstr))):
                wrong.append(f"{entry}: {msgstr!r}")
    assert not wrong, "\n".join(wrong)


def test_the_compiled_catalogue_matches_the_po_file(entries):
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    compiled = {key if isinstance(key, str) else key[0] for key in catalog} - {""}
    expected = {entry.key for entry in entries if all(entry.msgstrs) and "fuzzy" not in entry.flags}
    assert len(compiled) == len(expected), "django.mo is stale; run `make messages`"
    assert compiled == expected, "django.mo is stale; run `make messages`"
    stale = [
        str(entry)
        for entry in entries
        if entry.key in compiled
        and not entry.plural
        and catalog[entry.key] != entry.fields["msgstr"]
    ]
    assert not stale, "django.mo is stale; run `make messages`:\n" + "\n".join(stale)


def test_english_is_used_end_to_end():
    with translation.override("en"):
        assert Meeting._meta.verbose_name == "meeting"
        assert Meeting._meta.verbose_name_plural == "meetings"
        assert Meeting._meta.get_field("late_reason").verbose_name == "reason for late publication"
        assert Organization.Kind.FINANCE.label == "Finance committee"
        assert str(Meeting.State.CANCELLED.label) == "Cancelled"
        assert translation.gettext("Dagsorden") == "Agenda"
        assert translation.gettext("Referat") == "Minutes"
        assert translation.gettext("%(person)s er ikke medlem af %(body)s.") % {
            "person": "Anna",
            "body": "Økonomiudvalget",
        } == ("Anna is not a member of Økonomiudvalget.")
        assert translation.ngettext("%(counter)s resultat", "%(counter)s resultater", 1) == (
            "%(counter)s result"
        )
        assert translation.ngettext("%(counter)s resultat", "%(counter)s resultater", 3) == (
            "%(counter)s results"
        )
        assert ItemForm().fields["public"].label == "Open item"
        rendered = Template(
            '{% load i18n %}{% translate "Log ind" %} · '
            "{% blocktranslate with name=n %}Stedfortræder: {{ name }}{% endblocktranslate %}"
        ).render(Context({"n": "Bo"}))
        assert rendered == "Log in · Substitute: Bo"


def test_danish_stays_the_source_language():
    with translation.override("da"):
        assert Meeting._meta.verbose_name == "møde"
        assert translation.gettext("Dagsorden") == "Dagsorden"
