import pytest

from dagsorden.importer.extract import (
    ExtractionError,
    extract_bytes,
    extract_text,
)
from dagsorden.importer.parse import parse_file

from .pdfmaker import agenda_pdf


def test_empty_and_whitespace_files_are_refused():
    for data in (b"", b"  \n\n\t"):
        with pytest.raises(ExtractionError, match="empty"):
            extract_bytes(data)


def test_binary_files_are_refused():
    with pytest.raises(ExtractionError, match="binary"):
        extract_bytes(bytes(range(256)) * 20)


def test_cp1252_text_is_decoded():
    assert extract_bytes("Økonomi og ændringer".encode("cp1252")).text == "Økonomi og ændringer"


def test_damaged_pdf_and_pdf_without_text(tmp_path):
    with pytest.raises(ExtractionError, match="PDF"):
        extract_bytes(b"%PDF-1.4\nnot really a pdf")
    from fpdf import FPDF

    scanned = FPDF()
    scanned.add_page()
    scanned.rect(10, 10, 80, 80)
    path = tmp_path / "scan.pdf"
    scanned.output(str(path))
    with pytest.raises(ExtractionError, match="no text layer"):
        extract_text(path)


def test_pdf_running_headers_go_and_wrapped_lines_join_with_hyphenation_undone(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for page in range(3):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.cell(
            0, 5, "Referat - Byrådet - 3. marts 2026", align="R", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_y(40)
        pdf.set_font("Helvetica", size=10)
        words = "Den nye plan styrker arbejdet med bio- diversiteten i parkerne og langs åen " * 3
        pdf.multi_cell(120, 5, words.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(0, 5, "Kort linje.", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-15)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, f"Side {page + 1} af 3", align="C")
    path = tmp_path / "running.pdf"
    pdf.output(str(path))
    extracted = extract_text(path)
    assert "Referat - Byrådet" not in extracted.text and "Side 2" not in extracted.text
    paragraphs = extracted.text.strip().split("\n\n")
    assert len(paragraphs) == 6  # one wrapped paragraph and one short line per page
    assert paragraphs[0].startswith("Den nye plan") and "\n" not in paragraphs[0]
    assert "removed 6 running header/footer lines" in extracted.warnings


def test_pdf_agenda_is_parsed_with_toc_running_headers_and_wrapped_titles(tmp_path):
    path = tmp_path / "agenda.pdf"
    agenda_pdf(path, toc_title_chars=40)
    meeting = parse_file(path)
    assert (meeting.kind, meeting.body) == ("agenda", "Miljøudvalget")
    assert meeting.start.isoformat() == "2025-05-14T15:00:00"
    assert meeting.page_count == 3
    assert [i.number for i in meeting.items] == ["41", "42"]
    second = meeting.items[1]
    assert second.title.endswith("ved Sønderengen og Kildeparken")  # TOC entry is truncated
    assert len(meeting.toc[1].title) < len(second.title)
    assert second.case_number == "01.05.00-P22-7-24"
    assert [s.heading for s in second.sections] == [
        "Sagens kerne",
        "Indstilling",
        "Sagsfremstilling",
        "Bilag",
    ]
    assert second.attachments == ["Strategi for fællesarealer 2025-2030"]
    body_text = " ".join(s.body for s in second.sections)
    assert "Side 2" not in body_text and "Dagsorden - Miljøudvalget" not in body_text


def test_html_is_rendered_to_headings_paragraphs_lists_and_tables():
    html = (
        "<html><body><nav>menu</nav><h2>Punkt 1: Budget</h2><p>Tekst <b>fed</b>.</p>"
        "<ul><li>en</li><li>to</li></ul><table><tr><td>a</td><td>1</td></tr></table>"
        "<script>x()</script></body></html>"
    )
    text = extract_bytes(html.encode()).text
    assert "## Punkt 1: Budget" in text
    assert "Tekst fed." in text  # bold inside a sentence is emphasis, not structure
    assert "- en\n" in text and "a\t1" in text
    html = (
        "<p><b>Mødested:</b> Rådhuset</p><p><strong>Sagsfremstilling</strong></p>"
        "<dl><dt>Sted</dt><dd>Salen</dd></dl>"
    )
    assert extract_bytes(html.encode()).text.split("\n\n") == [
        "**Mødested:** Rådhuset",
        "**Sagsfremstilling**",
        "Sted\tSalen\n",
    ]
    assert "menu" not in text and "x()" not in text


def test_word_headings_numbered_by_word_itself_get_their_numbers(tmp_path):
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    document.add_heading("Referat Teknisk Udvalg", 0)
    document.add_paragraph("Mødedato: 5. marts 2026 kl. 16.00")
    for title in ("Godkendelse af dagsorden", "Vejbelysning på Skovvej", "Eventuelt"):
        heading = document.add_heading(title, level=1)
        numbering = OxmlElement("w:numPr")
        for name, value in (("w:ilvl", "0"), ("w:numId", "1")):
            child = OxmlElement(name)
            child.set(qn("w:val"), value)
            numbering.append(child)
        heading._p.get_or_add_pPr().append(numbering)
        document.add_heading("Beslutning", level=2)
        document.add_paragraph("Godkendt.")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    meeting = parse_file(path)
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."),
        ("2", "Vejbelysning på Skovvej", "Godkendt."),
        ("3", "Eventuelt", "Godkendt."),
    ]


def test_a_page_set_in_two_columns_is_read_left_column_first(tmp_path):
    from fpdf import FPDF

    columns = {
        10: [("1. Godkendelse af dagsorden", 12), ("Beslutning", 0), ("Godkendt.", 10),
             ("2. Ny cykelsti langs Ådalen", 12), ("Sagsfremstilling", 0),
             ("Forvaltningen foreslår en ny cykelsti langs åen mellem skolen og stationen, "
              "så børn kan cykle sikkert til skole hele året.", 10),
             ("Beslutning", 0),
             ("Godkendt med den bemærkning, at belysningen skal dæmpes af hensyn til dyrene.",
              10)],
        110: [("3. Vintervedligeholdelse", 12), ("Sagsfremstilling", 0),
              ("Kommunen har indgået en ny aftale om snerydning og saltning af veje og stier "
               "for de kommende tre vintre.", 10),
              ("Beslutning", 0), ("Taget til efterretning.", 10), ("4. Eventuelt", 12),
              ("Beslutning", 0), ("Intet.", 10)],
    }  # fmt: skip
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Referat - Teknisk Udvalg", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, "Mødedato: 5. marts 2026 kl. 16.00", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    for x, paragraphs in columns.items():
        pdf.set_xy(x, top)
        for text, size in paragraphs:
            pdf.set_font("Helvetica", "" if size == 10 else "B", size or 10)
            pdf.set_x(x)
            pdf.multi_cell(88, 5, text, new_x="LEFT", new_y="NEXT")
            pdf.ln(2)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    meeting = parse_file(path)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Ny cykelsti langs Ådalen"),
        ("3", "Vintervedligeholdelse"),
        ("4", "Eventuelt"),
    ]
    assert meeting.items[1].decision == (
        "Godkendt med den bemærkning, at belysningen skal dæmpes af hensyn til dyrene."
    )
    assert meeting.items[2].decision == "Taget til efterretning."
