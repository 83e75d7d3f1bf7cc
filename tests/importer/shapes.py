"""Test documents in the shapes other agenda systems print, with real typography.

One invented meeting (:data:`MEETING`) is written out as:

- ``firstagenda_pdf``: 'N. Title' headings in bold larger type, a two-column header
  table (Mødedato | Mødetidspunkt | Mødested over two lines | Deltagere | Afbud), running
  header and footer, sections Sagsresumé / Sagsbeskrivelse / Indstilling /
  'Beslutning <Udvalg> den dd-mm-yyyy' (an earlier body's decision first) / Bilag.
- ``edoc_pdf``: three-digit running numbers, 'Sagsnr.: … | Åben sag' rows, 'Beslutning i
  <Udvalg> den <date>' headings, 'Fraværende:' under the decision, a closed item marked
  'Lukket sag'.
- ``acadre_pdf``: 'Sag nr. N' headings, date and time on separate header lines, the
  decision printed first, a closed part of the agenda ('Lukkede punkter').
- ``word_pdf``: Word's default Heading styles (larger, not bold), 'Punkt N' headings,
  section headings the vocabulary does not know (they recur, so they are sections).
- ``word_docx``: the same as a .docx with Heading 1/2 styles and a header table.
- ``firstagenda_html``: an agenda table (number | title | case number), h2 items, h3
  sections, a dl header.

Every text here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fpdf import FPDF


@dataclass
class Item:
    number: int
    title: str
    case: str | None
    text: str
    clauses: list[str]
    decision: str
    public: bool = True
    absent: list[str] = field(default_factory=list)
    bilag: list[str] = field(default_factory=list)
    earlier: tuple[str, str, str] | None = None  # (body, dd-mm-yyyy, decision)


BODY = "Økonomiudvalget"
DATE_NUMERIC = "10-03-2026"
DATE_WORDS = "10. marts 2026"
PLACE = ("Rådhuset, mødelokale 2", "Torvet 1, 4700 Egeby")
MEMBERS = [
    ("Anne Berg", "A"),
    ("Bo Kjær", "V"),
    ("Carl Dahl", "F"),
    ("Dorte Ravn", "C"),
    ("Erik Lund", "Ø"),
]
ABSENT = "Carl Dahl"
_LONG = (
    "Forvaltningen har gennemgået forbruget i årets første måned og sammenholdt det med "
    "det vedtagne budget. Der er ikke konstateret væsentlige afvigelser på driften, men "
    "anlægsprojekterne på vejområdet er forsinket som følge af vejrforholdene i januar, "
    "og en del af midlerne forventes derfor overført til næste regnskabsår."
)
ITEMS = [
    Item(1, "Godkendelse af dagsorden", "26/1001", "Dagsordenen forelægges.",
         ["at dagsordenen godkendes."], "Godkendt."),
    Item(2, "Budgetopfølgning pr. 31. januar 2026", "26/1002", _LONG,
         ["at budgetopfølgningen tages til efterretning,",
          "at overførslen af anlægsmidler anbefales over for Byrådet."],
         "Anbefales over for Byrådet.", absent=[ABSENT],
         bilag=["Budgetopfølgning januar 2026", "Oversigt over anlægsprojekter"],
         earlier=("Teknisk Udvalg", "02-03-2026", "Anbefales.")),
    Item(3, "Ny vejbelysning på Skovvej og Engvej", "26/1003",
         "Belysningen på de to veje er udtjent og skal udskiftes med LED-armaturer.",
         ["at projektet godkendes."], "Godkendt."),
    Item(4, "Eventuelt", None, "Punktet er til drøftelse.", [], "Intet."),
    Item(5, "Salg af byggegrund på Havnevej 7", "26/1004",
         "Der er modtaget et bud på grunden.", ["at buddet accepteres."], "Godkendt.",
         public=False),
]  # fmt: skip

SHAPES = (
    "firstagenda_pdf",
    "edoc_pdf",
    "acadre_pdf",
    "word_pdf",
    "word_docx",
    "firstagenda_html",
    "table_pdf",
)


class _Pdf(FPDF):
    running_header = ""

    def header(self):
        if self.running_header:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, self.running_header, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Side {self.page_no()} af {{nb}}", align="C")

    def text_line(self, text: str, size: float = 10, style: str = "", gap: float = 2) -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def label_row(self, label: str, value_lines: list[str], width: float = 40) -> None:
        self.set_font("Helvetica", "B", 10)
        self.cell(width, 5, label)
        self.set_font("Helvetica", "", 10)
        self.multi_cell(0, 5, "\n".join(value_lines), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)


def _new_pdf(running: str) -> _Pdf:
    pdf = _Pdf()
    pdf.running_header = running
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    return pdf


def _members() -> str:
    return ", ".join(f"{name} ({party})" for name, party in MEMBERS if name != ABSENT)


def _clauses(pdf: _Pdf, item: Item, lead: str = "Direktionen indstiller,") -> None:
    if item.clauses:
        pdf.text_line(lead, gap=1)
        for clause in item.clauses:
            pdf.text_line(clause, gap=1)
        pdf.ln(1)


def firstagenda_pdf(path) -> None:
    pdf = _new_pdf(f"{BODY} - Referat - {DATE_NUMERIC}")
    pdf.text_line("Referat", 18, "B")
    pdf.text_line(BODY, 15, "B", gap=4)
    pdf.label_row("Mødedato", [f"Tirsdag den {DATE_WORDS}"])
    pdf.label_row("Mødetidspunkt", ["Kl. 16.00"])
    pdf.label_row("Mødested", list(PLACE))
    pdf.label_row("Deltagere", [_members()])
    pdf.label_row("Afbud", [f"{ABSENT} (F)"])
    for item in ITEMS:
        pdf.ln(4)
        title = f"{item.number}. {'Lukket punkt: ' if not item.public else ''}{item.title}"
        pdf.text_line(title, 13, "B")
        if item.case:
            pdf.text_line(f"Sagsnr.: {item.case}")
        pdf.text_line("Sagsresumé", 11, "B")
        pdf.text_line(item.text)
        pdf.text_line("Sagsbeskrivelse", 11, "B")
        pdf.text_line("Sagen beskrives nærmere i bilagene.")
        pdf.text_line("Indstilling", 11, "B")
        _clauses(pdf, item)
        if item.earlier:
            body, when, decision = item.earlier
            pdf.text_line(f"Beslutning {body} den {when}", 11, "B")
            pdf.text_line(decision)
        pdf.text_line(f"Beslutning {BODY} den {DATE_NUMERIC}", 11, "B")
        pdf.text_line(item.decision)
        if item.absent:
            pdf.text_line(f"Fraværende: {', '.join(item.absent)}")
        if item.bilag:
            pdf.text_line("Bilag", 11, "B")
            for name in item.bilag:
                pdf.text_line(name, gap=0.5)
    pdf.output(str(path))


def edoc_pdf(path) -> None:
    pdf = _new_pdf(f"{BODY} {DATE_WORDS}")
    pdf.text_line("Referat", 20, "B")
    pdf.text_line(BODY, 14, "B", gap=3)
    pdf.text_line(f"Mødedato: {DATE_NUMERIC} kl. 16:00", gap=1)
    pdf.text_line(f"Mødested: {', '.join(PLACE)}", gap=1)
    pdf.text_line(f"Medlemmer: {', '.join(f'{n} ({p})' for n, p in MEMBERS)}", gap=1)
    pdf.text_line(f"Fraværende: {ABSENT}", gap=4)
    for item in ITEMS:
        pdf.ln(4)
        pdf.text_line(f"{item.number + 100}. {item.title}", 12, "B")
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(90, 5, f"Sagsnr.: {item.case or ''}")
        pdf.cell(0, 5, "Åben sag" if item.public else "Lukket sag", align="R")
        pdf.ln(8)
        pdf.text_line("Resume", 11, "B")
        pdf.text_line(item.text)
        pdf.text_line("Indstilling", 11, "B")
        _clauses(pdf, item, "Forvaltningen indstiller,")
        if item.earlier:
            body, when, decision = item.earlier
            pdf.text_line(f"Beslutning i {body} den {when.replace('-', '.')}", 11, "B")
            pdf.text_line(decision)
        pdf.text_line(f"Beslutning i {BODY} den {DATE_NUMERIC.replace('-', '.')}", 11, "B")
        pdf.text_line(item.decision)
        if item.absent:
            pdf.text_line(f"Fraværende: {', '.join(item.absent)}")
        if item.bilag:
            pdf.text_line("Bilag", 11, "B")
            for name in item.bilag:
                pdf.text_line(f"- {name}", gap=0.5)
    pdf.output(str(path))


def acadre_pdf(path) -> None:
    pdf = _new_pdf(f"Referat {BODY}")
    pdf.text_line(f"Referat - {BODY}", 16, "B", gap=4)
    pdf.text_line(f"Dato: tirsdag {DATE_WORDS}", gap=1)
    pdf.text_line("Tid: kl. 16.00", gap=1)
    pdf.text_line("Sted:", gap=0.5)
    for line in PLACE:
        pdf.text_line(line, gap=0.5)
    pdf.ln(2)
    pdf.text_line(f"Til stede: {_members()}", gap=1)
    pdf.text_line(f"Afbud: {ABSENT}", gap=4)
    for item in ITEMS:
        if not item.public:
            pdf.ln(4)
            pdf.text_line("Lukkede punkter", 14, "B")
        pdf.ln(4)
        pdf.text_line(f"Sag nr. {item.number}: {item.title}", 12, "B")
        if item.case:
            pdf.text_line(f"Acadre sagsnr. {item.case}")
        pdf.text_line("Beslutning", 10, "B")
        pdf.text_line(item.decision)
        if item.absent:
            pdf.text_line(f"Fraværende: {', '.join(item.absent)}")
        pdf.text_line("Sagsfremstilling", 10, "B")
        pdf.text_line(item.text)
        if item.earlier:
            body, when, decision = item.earlier
            pdf.text_line(f"Beslutning {body} den {when}", 10, "B")
            pdf.text_line(decision)
        pdf.text_line("Indstilling", 10, "B")
        _clauses(pdf, item, "Administrationen indstiller,")
        if item.bilag:
            pdf.text_line("Bilag", 10, "B")
            for name in item.bilag:
                pdf.text_line(name, gap=0.5)
    pdf.output(str(path))


# Headings of a template the vocabulary has never seen: they are sections because they
# recur in every item, set apart by type size.
_WORD_SECTIONS = (
    "Kort fortalt",
    "Faglig vurdering",
    "Sagens forløb",
    "Indstilling",
    "Afgørelse",
    "Bilag",
)


def _earlier(item: Item) -> list[str]:
    if not item.earlier:
        return ["Sagen behandles første gang."]
    body, when, decision = item.earlier
    return [f"{when} {body}", decision]


def word_pdf(path) -> None:
    pdf = _new_pdf("")
    pdf.set_text_color(31, 56, 100)
    pdf.text_line(f"Referat {BODY}", 20)
    pdf.set_text_color(0, 0, 0)
    pdf.label_row("Mødedato:", [f"{DATE_WORDS}, kl. 16:00"])
    pdf.label_row("Mødested:", [" ".join(PLACE)])
    pdf.label_row("Deltagere:", [_members()])
    pdf.label_row("Fraværende:", [ABSENT])
    for item in ITEMS:
        pdf.ln(6)
        pdf.set_text_color(31, 56, 100)
        pdf.text_line(f"Punkt {item.number} {item.title}", 16)
        pdf.set_text_color(0, 0, 0)
        if item.case:
            pdf.text_line(f"Sagsnummer: {item.case}")
        if not item.public:
            pdf.text_line("Lukket punkt")
        for heading in _WORD_SECTIONS:
            if heading == "Bilag" and not item.bilag:
                continue
            pdf.set_text_color(31, 56, 100)
            pdf.text_line(heading, 13)
            pdf.set_text_color(0, 0, 0)
            if heading == "Kort fortalt":
                pdf.text_line(item.text)
            elif heading == "Faglig vurdering":
                pdf.text_line("Forvaltningen vurderer, at sagen kan gennemføres som beskrevet.")
            elif heading == "Sagens forløb":
                for line in _earlier(item):
                    pdf.text_line(line, gap=0.5)
            elif heading == "Indstilling":
                _clauses(pdf, item, "Forvaltningen indstiller,")
            elif heading == "Afgørelse":
                pdf.text_line(item.decision)
                if item.absent:
                    pdf.text_line(f"Fraværende: {', '.join(item.absent)}")
            else:
                for name in item.bilag:
                    pdf.text_line(name, gap=0.5)
    pdf.output(str(path))


def word_docx(path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(f"Referat {BODY}", level=0)
    table = document.add_table(rows=0, cols=2)
    for label, value in (
        ("Mødedato", f"{DATE_WORDS} kl. 16:00"),
        ("Mødested", ", ".join(PLACE)),
        ("Deltagere", _members()),
        ("Fraværende", ABSENT),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for item in ITEMS:
        document.add_heading(f"{item.number}. {item.title}", level=1)
        if item.case:
            document.add_paragraph(f"Sagsnummer: {item.case}")
        if not item.public:
            document.add_paragraph("Lukket punkt")
        for heading in _WORD_SECTIONS:
            if heading == "Bilag" and not item.bilag:
                continue
            document.add_heading(heading, level=2)
            if heading == "Kort fortalt":
                document.add_paragraph(item.text)
            elif heading == "Faglig vurdering":
                document.add_paragraph("Forvaltningen vurderer, at sagen kan gennemføres.")
            elif heading == "Sagens forløb":
                for line in _earlier(item):
                    document.add_paragraph(line)
            elif heading == "Indstilling" and item.clauses:
                document.add_paragraph("Forvaltningen indstiller,")
                for clause in item.clauses:
                    document.add_paragraph(clause)
            elif heading == "Afgørelse":
                document.add_paragraph(item.decision)
                if item.absent:
                    document.add_paragraph(f"Fraværende: {', '.join(item.absent)}")
            elif heading == "Bilag":
                for name in item.bilag:
                    document.add_paragraph(name, style="List Bullet")
    document.save(str(path))


def firstagenda_html(path) -> None:
    rows = "".join(
        f"<tr><td>{i.number}.</td><td><a href='#p{i.number}'>{i.title}</a></td>"
        f"<td>{i.case or ''}</td></tr>"
        for i in ITEMS
    )
    parts = [
        "<!doctype html><html><head><title>Referat</title><style>h2{font-size:1.4em}</style>",
        f"</head><body><nav><a href='/'>Forside</a></nav><h1>Referat</h1><h2>{BODY}</h2>",
        f"<dl><dt>Mødedato</dt><dd>{DATE_WORDS}</dd><dt>Mødetidspunkt</dt><dd>16:00</dd>",
        f"<dt>Mødested</dt><dd>{PLACE[0]}<br>{PLACE[1]}</dd>",
        f"<dt>Deltagere</dt><dd>{_members()}</dd><dt>Afbud</dt><dd>{ABSENT}</dd></dl>",
        f"<table class='agenda'><tr><th>Nr.</th><th>Punkt</th><th>Sagsnr.</th></tr>{rows}</table>",
    ]
    for item in ITEMS:
        closed = "" if item.public else "<p><em>Lukket punkt</em></p>"
        parts.append(f"<section id='p{item.number}'><h2>{item.number}. {item.title}</h2>")
        parts.append(closed + (f"<p>Sagsnr.: {item.case}</p>" if item.case else ""))
        parts.append(f"<h3>Sagsresumé</h3><p>{item.text}</p>")
        if item.clauses:
            clauses = "".join(f"<li>{c}</li>" for c in item.clauses)
            parts.append(f"<h3>Indstilling</h3><p>Direktionen indstiller,</p><ul>{clauses}</ul>")
        if item.earlier:
            body, when, decision = item.earlier
            parts.append(f"<h3>Beslutning {body} den {when}</h3><p>{decision}</p>")
        parts.append(f"<h3>Beslutning {BODY} den {DATE_NUMERIC}</h3><p>{item.decision}</p>")
        if item.absent:
            parts.append(f"<p>Fraværende: {', '.join(item.absent)}</p>")
        if item.bilag:
            links = "".join(f"<li><a href='#'>{name}</a></li>" for name in item.bilag)
            parts.append(f"<h3>Bilag</h3><ul>{links}</ul>")
        parts.append("</section>")
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def _cell_row(pdf: _Pdf, label: str, text: str, width: float = 35) -> None:
    """A label column beside a value that wraps over several lines."""
    pdf.set_font("Helvetica", "B", 10)
    y = pdf.get_y()
    pdf.cell(width, 5, label)
    pdf.set_xy(pdf.l_margin + width, y)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def table_pdf(path) -> None:
    """Everything in columns: number | title rows, label | value rows for the header and
    for each item's fields, the decision in its own column."""
    pdf = _new_pdf(f"Referat {BODY} {DATE_NUMERIC}")
    pdf.text_line(f"Referat for {BODY}", 16, "B", gap=3)
    _cell_row(pdf, "Dato", f"{DATE_WORDS}, kl. 16.00")
    _cell_row(pdf, "Sted", ", ".join(PLACE))
    _cell_row(pdf, "Medlemmer", _members())
    _cell_row(pdf, "Fraværende", ABSENT)
    for item in ITEMS:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        y = pdf.get_y()
        pdf.cell(15, 7, f"{item.number}.")
        pdf.set_xy(pdf.l_margin + 15, y)
        status = "" if item.public else "Lukket punkt: "
        pdf.multi_cell(0, 7, status + item.title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        if item.case:
            _cell_row(pdf, "Sagsnr.", item.case)
        _cell_row(pdf, "Sagsfremstilling", item.text)
        for position, line in enumerate(["Direktionen indstiller,", *item.clauses]):
            _cell_row(pdf, "" if position else "Indstilling", line)
        if item.earlier:
            body, when, decision = item.earlier
            _cell_row(pdf, "Sagens forløb", f"{when} {body}: {decision}")
        _cell_row(pdf, "Beslutning", item.decision)
        if item.absent:
            _cell_row(pdf, "Fraværende", ", ".join(item.absent))
        for position, name in enumerate(item.bilag):
            _cell_row(pdf, "" if position else "Bilag", name)
    pdf.output(str(path))


def make(shape: str, directory) -> object:
    suffix = {"word_docx": ".docx", "firstagenda_html": ".html"}.get(shape, ".pdf")
    path = directory / f"{shape}{suffix}"
    globals()[shape](path)
    return path


def differences(meeting) -> list[str]:
    """What the parse of a shape got wrong, field by field (empty when all is right)."""
    found = []

    def check(what, got, want):
        if got != want:
            found.append(f"{what}: got {got!r}, want {want!r}")

    check("body", meeting.body, BODY)
    check("start", meeting.start and meeting.start.isoformat(), "2026-03-10T16:00:00")
    check("location", (meeting.location or "").replace(",", ""), " ".join(PLACE).replace(",", ""))
    names = {p.name: p for p in meeting.participants}
    check("participants", sorted(names), sorted(name for name, _ in MEMBERS))
    check("absent", [p.name for p in meeting.participants if p.note], [ABSENT])
    offset = 100 if len(meeting.items) and meeting.items[0].number == "101" else 0
    check("numbers", [i.number for i in meeting.items], [str(i.number + offset) for i in ITEMS])
    for got, want in zip(meeting.items, ITEMS, strict=False):
        where = f"item {want.number}"
        check(f"{where} title", got.title.removeprefix("Lukket punkt: "), want.title)
        check(f"{where} case", got.case_number, want.case)
        check(f"{where} public", got.public, want.public)
        check(f"{where} decision", got.decision, want.decision)
        check(f"{where} absent", got.absent, want.absent)
        check(f"{where} bilag", got.attachments, want.bilag)
        check(f"{where} clauses", len(got.recommendation_clauses), len(want.clauses))
        history = [(h.body, h.date and h.date.strftime("%d-%m-%Y")) for h in got.history]
        check(f"{where} history", history, [want.earlier[:2]] if want.earlier else [])
    return found
