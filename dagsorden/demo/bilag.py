"""Small, real PDF bilag for the demo, written with fpdf2."""

from fpdf import FPDF


def _latin1(text: str) -> str:
    # The PDF core fonts cover Latin-1 (æ, ø, å are in it); map the few typographic
    # characters that are not.
    replacements = {"–": "-", "—": "-", "’": "'", "“": '"', "”": '"', "…": "..."}
    for char, plain in replacements.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def bilag_pdf_bytes(
    *, title: str, municipality: str, case_title: str, paragraphs: list[str]
) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_author(_latin1(municipality))
    pdf.set_lang("da")
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 6, _latin1(municipality), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="I", size=10)
    pdf.multi_cell(0, 6, _latin1(f"Bilag til: {case_title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())
