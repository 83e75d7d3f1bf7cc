"""The render model: plain dataclasses every output (HTML, PDF, Markdown, text) reads.

Two builders feed it: :mod:`from_db` (a meeting in the database, through the meeting
selectors) and :mod:`from_parsed` (a document read by the importer, no database).
Templates never reach back into the ORM, so what a document shows is exactly this
model, which is also what the PDF cache key is computed from.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.utils import formats, translation
from django.utils.text import capfirst

from dagsorden.meetings.wording import title_names_type

from .styles.base import (
    DECISION,
    TEXT,
    TYPE_PREFIX,
    TYPE_SUFFIX,
    DocumentStyle,
)

AGENDA = "agenda"
MINUTES = "minutes"
PUBLIC = "public"
MEMBERS = "members"
VARIANTS = (PUBLIC, MEMBERS)

# Bumped whenever templates or CSS change what a cached PDF looks like.
RENDERER_VERSION = "1"

TYPE_WORDS = {"beslutning": "Beslutning", "orientering": "Orientering", "drøftelse": "Drøftelse"}
TYPE_CODES = {"beslutning": "B", "orientering": "O", "drøftelse": "D"}
CASE_TYPE_NAMES = {
    "beslutning": "Beslutningssag",
    "orientering": "Orienteringssag",
    "drøftelse": "Drøftelsessag",
}


@dataclass
class Attachment:
    name: str
    url: str = ""
    path: str = ""  # local PDF file, appended to the combined PDF
    sha512: str = ""  # identity of the file's content, part of the cache key
    is_pdf: bool = False


@dataclass
class Block:
    """One part of an item: a template section or a structured block by role."""

    role: str
    heading: str
    body: str = ""  # Markdown
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The role as a CSS class name."""
        return self.role.lstrip("@")


@dataclass
class Item:
    anchor: str
    number: str
    title: str  # as printed, with the style's type notation
    type: str | None = None
    journal_number: str = ""
    public: bool = True
    withheld: bool = False  # a closed item in a public document: title only
    blocks: list[Block] = field(default_factory=list)
    heading: str = ""  # "Punkt 4: …", set by `finish`

    @property
    def attachments(self) -> list[Attachment]:
        return [a for block in self.blocks for a in block.attachments]


@dataclass
class Signer:
    name: str
    approved_at: str = ""  # "12-11-2026 kl. 09:14" when approved digitally


@dataclass
class SignatureSheet:
    heading: str
    signers: list[Signer] = field(default_factory=list)
    digital: bool = False


@dataclass
class Document:
    style: DocumentStyle
    kind: str  # AGENDA or MINUTES
    variant: str  # PUBLIC or MEMBERS
    body: str
    municipality: str = ""
    date_text: str = ""  # dd-mm-yyyy, for the title line and running header
    header: list[tuple[str, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    signature: SignatureSheet | None = None
    # A preview before publication: "UDKAST" on every page. Part of the fingerprint, so
    # a draft can never be served from the cache as the published document.
    draft: bool = False

    @property
    def kind_label(self) -> str:
        return translation.gettext("Referat" if self.kind == MINUTES else "Dagsorden")

    @property
    def confidential(self) -> bool:
        return self.variant == MEMBERS

    @property
    def title_line(self) -> str:
        return self.style.title_line.format(
            kind=self.kind_label.upper(), body=self.body, date=self.date_text
        ).strip(" ,:")

    @property
    def title(self) -> str:
        """The document title (HTML <title>, PDF metadata)."""
        return f"{self.kind_label} – {self.body} {self.date_text}".strip()

    def fingerprint(self) -> str:
        """Hash of everything the document shows: equal hashes mean equal documents."""
        data = asdict(self)
        data["renderer"] = RENDERER_VERSION
        data["kind_label"] = self.kind_label
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode()).hexdigest()


def finish(document: Document) -> Document:
    """Last step of both builders: what depends on the style and every item."""
    for item in document.items:
        item.heading = item_heading(document.style, item)
    return document


# --- helpers shared by both builders ----------------------------------------------------


def display_title(style: DocumentStyle, title: str, item_type: str | None) -> str:
    if title_names_type(title, item_type):
        return title  # the title already says its type, as the document printed it
    if item_type and style.type_notation == TYPE_PREFIX:
        return f"{TYPE_WORDS[item_type]}: {title}"
    if item_type and style.type_notation == TYPE_SUFFIX:
        return f"{title} ({TYPE_CODES[item_type]})"
    return title


def item_heading(style: DocumentStyle, item: Item) -> str:
    return style.item_heading.format(number=item.number, title=item.title)


def date_short(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def datetime_long(value) -> str:
    """'Onsdag d. 03. juni 2026 kl. 16:00', the way the header block prints it."""
    with translation.override("da"):
        return capfirst(formats.date_format(value, r"l \d. d. F Y \k\l. H:i"))


def date_long(value) -> str:
    with translation.override("da"):
        return formats.date_format(value, r"j. F Y")


def arrange(blocks: list[Block], style: DocumentStyle) -> list[Block]:
    """Blocks in the style's template order; the decision first or last.

    A section the template does not know stays right after the block it followed, so
    a municipality's extra headings keep their place in the text.
    """
    decisions = [b for b in blocks if b.role == DECISION]
    others = [b for b in blocks if b.role != DECISION]
    ranked: list[tuple[float, int, Block]] = []
    previous = -1.0
    for position, block in enumerate(others):
        key = block.heading.casefold().rstrip(":") if block.role == TEXT else block.role
        rank = style.rank(key)
        current = float(rank) if rank is not None else previous + 0.001
        ranked.append((current, position, block))
        previous = current
    ordered = [block for _, _, block in sorted(ranked, key=lambda r: (r[0], r[1]))]
    return decisions + ordered if style.decision_first else ordered + decisions
