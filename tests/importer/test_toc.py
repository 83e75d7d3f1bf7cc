from dagsorden.importer.textutil import split_lines
from dagsorden.importer.toc import find_toc, split_number

TOC_TEXT = """DAGSORDEN Vejudvalget d. 01-04-2025

Indholdsfortegnelse

Godkendelse af dagsorden.....\t3
Belysning på stier langs den gamle banestrækning og\t4
Trafiktælling 2024...\t6
12. Eventuelt ........ 8

Punkt 1: Godkendelse af dagsorden
"""


def test_toc_reads_leaders_pages_and_truncated_titles():
    toc = find_toc(split_lines(TOC_TEXT))
    assert toc is not None
    assert [(e.title, e.page) for e in toc.entries] == [
        ("Godkendelse af dagsorden", 3),
        ("Belysning på stier langs den gamle banestrækning og", 4),
        ("Trafiktælling 2024", 6),
        ("Eventuelt", 8),
    ]
    assert toc.numbers == [None, None, None, "12"]


def test_toc_without_heading_is_found_from_dot_leaders():
    text = "Referat\n\nBudget ........ 2\nAnlæg ........ 3\n\nPunkt 1: Budget\n"
    toc = find_toc(split_lines(text))
    assert toc is not None and len(toc.entries) == 2


def test_split_number():
    assert split_number("Punkt 7: Status") == ("7", "Status")
    assert split_number("Status 2025") == (None, "Status 2025")
