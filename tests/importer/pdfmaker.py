"""Build small agenda PDFs for tests and benchmarks (fpdf2, invented content)."""

from __future__ import annotations

from fpdf import FPDF

ITEMS = [
    (
        41,
        "Godkendelse af dagsorden",
        "27.00.00-A00-4-25",
        [("Indstilling", "Direktionen indstiller, at dagsordenen godkendes.")],
    ),
    (
        42,
        "Ny strategi for grønne fællesarealer i boligområderne ved Sønderengen og Kildeparken",
        "01.05.00-P22-7-24",
        [
            (
                "Sagens kerne",
                "Udvalget skal tage stilling til en ny strategi for fællesarealer. Strategien "
                "er udarbejdet i samarbejde med beboerrepræsentanter og skal sikre mere bio-"
                "diversitet, flere træer og bedre belysning på stierne om aftenen.",
            ),
            ("Indstilling", "Direktionen indstiller, at strategien godkendes."),
            (
                "Sagsfremstilling",
                "Arbejdet har været i gang siden foråret. Der er holdt tre borgermøder med i "
                "alt 140 deltagere, og der er modtaget 31 skriftlige forslag fra borgerne, som "
                "er indarbejdet i strategiens fire temaer om natur, tryghed, leg og ophold.",
            ),
            ("Bilag", "Strategi for fællesarealer 2025-2030"),
        ],
    ),
]


class _AgendaPdf(FPDF):
    def header(self):
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, "Dagsorden - Miljøudvalget - 14. maj 2025", align="R")
        self.ln(8)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Side {self.page_no()} af {{nb}}", align="C")


def agenda_pdf(path, items=ITEMS, toc_title_chars: int = 60) -> None:
    pdf = _AgendaPdf()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "DAGSORDEN Miljøudvalget d. 14-05-2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for label, value in (
        ("Mødedato", "Onsdag d. 14. maj 2025 kl. 15:00"),
        ("Mødested", "Mødelokale 4, Rådhuset"),
        ("Mødedeltagere", "Ida Holt (A), Kurt Nørby (V), Lise Munk (F)"),
    ):
        pdf.cell(0, 6, f"{label} {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for number, title, *_ in items:
        shown = title[:toc_title_chars]
        pdf.cell(160, 6, f"{shown} " + "." * max(3, 70 - len(shown)))
        pdf.cell(0, 6, str(number - 38), new_x="LMARGIN", new_y="NEXT")
    for number, title, case, sections in items:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 7, f"Punkt {number}: {title}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 6, case, new_x="LMARGIN", new_y="NEXT")
        for heading, body in sections:
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
