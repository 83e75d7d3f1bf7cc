"""Active content out of PDF bilag (pikepdf).

A bilag is published to everyone and merged into the public combined PDF, so it must
not carry anything a PDF reader runs: JavaScript, actions that start on opening or on
a page (OpenAction, AA), Launch and other actions beyond plain links, embedded files and
XFA forms. Links inside the document (GoTo) and to web pages (URI) stay.

The walk goes through every dictionary reachable from the document's trailer, direct
or indirect, so actions hidden in outlines, annotations, form fields or name trees are
found wherever they sit."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from django.utils.translation import gettext as _
from pikepdf import Array, Dictionary, Pdf, Stream

# Actions that only move within the document or open a web address.
HARMLESS_ACTIONS = {"/GoTo", "/URI", "/Named", "/Thread"}
# Annotations that carry files or media rather than marks on the page.
ACTIVE_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Screen", "/Sound", "/Movie", "/3D"}


class UnreadablePdf(ValueError):
    """The bytes start like a PDF but pikepdf cannot read them."""


@dataclass
class Removed:
    """What was taken out, by kind (Danish words for the uploader)."""

    kinds: set[str] = field(default_factory=set)

    def add(self, kind: str) -> None:
        self.kinds.add(kind)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def message(self) -> str:
        return _("Fra bilaget er fjernet: %(what)s.") % {"what": ", ".join(sorted(self.kinds))}


def _action_kind(action) -> str:
    kind = str(action.get("/S", ""))
    if kind == "/JavaScript":
        return _("JavaScript")
    if kind == "/Launch":
        return _("handlinger, der starter programmer (Launch)")
    return _("handlinger (%(kind)s)") % {"kind": kind.lstrip("/") or "?"}


def _is_harmful_action(value) -> bool:
    return (
        isinstance(value, Dictionary)
        and "/S" in value
        and str(value.get("/S")) not in HARMLESS_ACTIONS
    )


def _clean_dictionary(node: Dictionary, removed: Removed) -> None:
    # /OpenAction may be a plain destination (open at page 1, fit width): that stays.
    opening = node.get("/OpenAction")
    if opening is not None and not isinstance(opening, Array) and _is_harmful_action(opening):
        removed.add(_("automatiske handlinger ved åbning og visning"))
        del node["/OpenAction"]
    if "/AA" in node:
        removed.add(_("automatiske handlinger ved åbning og visning"))
        del node["/AA"]
    # /Next chains actions after an action; in an outline item it is the next bookmark.
    for key in ("/A", "/Next") if "/S" in node else ("/A",):
        value = node.get(key)
        if _is_harmful_action(value):
            removed.add(_action_kind(value))
            del node[key]
        elif isinstance(value, Array):
            kept = [a for a in value if not _is_harmful_action(a)]
            if len(kept) != len(value):
                removed.add(_("handlinger"))
                node[key] = Array(kept)
    if "/JS" in node:
        removed.add(_("JavaScript"))
        del node["/JS"]
    annotations = node.get("/Annots")
    if isinstance(annotations, Array):
        kept = [a for a in annotations if str(a.get("/Subtype", "")) not in ACTIVE_ANNOTATIONS]
        if len(kept) != len(annotations):
            removed.add(_("indlejrede filer og medier i annoteringer"))
            node["/Annots"] = Array(kept)


def _clean_catalog(pdf: Pdf, removed: Removed) -> None:
    names = pdf.Root.get("/Names")
    if isinstance(names, Dictionary):
        if "/JavaScript" in names:
            removed.add(_("JavaScript"))
            del names["/JavaScript"]
        if "/EmbeddedFiles" in names:
            removed.add(_("indlejrede filer"))
            del names["/EmbeddedFiles"]
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, Dictionary) and "/XFA" in form:
        removed.add(_("XFA-formularer"))
        del form["/XFA"]
    for key in ("/AF", "/Collection"):  # associated files, portfolios
        if key in pdf.Root:
            removed.add(_("indlejrede filer"))
            del pdf.Root[key]


def _walk(pdf: Pdf, removed: Removed) -> None:
    """Every dictionary reachable from the trailer, each indirect object once."""
    seen: set[tuple[int, int]] = set()
    stack = [pdf.trailer]
    while stack:
        node = stack.pop()
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if isinstance(node, Dictionary | Stream):
            if isinstance(node, Dictionary):
                _clean_dictionary(node, removed)
            children = [node[key] for key in node.keys()]  # noqa: SIM118 - also for Streams
        elif isinstance(node, Array):
            children = list(node)
        else:
            continue
        stack.extend(c for c in children if isinstance(c, Dictionary | Array | Stream))


def pdf_sanitize(data: bytes) -> tuple[bytes, Removed]:
    """The PDF without active content, and what was removed. Unchanged bytes when
    there was nothing to remove, so identical uploads still share one stored file."""
    try:
        pdf = Pdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, ValueError) as error:
        raise UnreadablePdf(str(error)) from error
    with pdf:
        removed = Removed()
        _clean_catalog(pdf, removed)
        _walk(pdf, removed)
        if not removed:
            return data, removed
        output = io.BytesIO()
        # The same input gives the same bytes, so a re-import finds the stored file.
        pdf.save(output, deterministic_id=True)
        return output.getvalue(), removed


def pdf_active_content(data: bytes) -> set[str]:
    """What active content a PDF carries (empty when none); reads, never writes."""
    return pdf_sanitize(data)[1].kinds
