"""The real eDoc agenda pages in ../shared/corpus/vendor/ (HTML rendered by eDoc's XSLT,
no heading tags: item numbers in table cells, section labels in styled divs) are read
with every item, its case number, its closed flag and its sections. The expectation is
taken from the XML export each page was rendered from."""

import xml.etree.ElementTree as ET

import pytest

from dagsorden.importer.parse import parse_file

_EDOC = "{http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/}"


def _pages(shared):
    folder = shared / "corpus" / "vendor" / "edoc-html-xml"
    pages = sorted(folder.glob("*.html"))
    if not pages:
        pytest.skip(f"no eDoc HTML pages under {folder}")
    return pages


def _expected(xml_path):
    root = ET.parse(xml_path).getroot()
    items = []
    for element in root.iter(_EDOC + "AgendaElement"):
        case = next((c.text for c in element.iter(_EDOC + "CaseNumber")), None)
        public = next(element.iter(_EDOC + "AccessIsPublic")).text == "true"
        sections = [
            title.text
            for presentation in element.iter(_EDOC + "CasePresentation")
            for title in presentation.findall(_EDOC + "Title")
        ]
        items.append((case, public, sections))
    return items


def _is_subsequence(wanted: list[str], got: list[str]) -> bool:
    remaining = iter(got)
    return all(any(g == w for g in remaining) for w in wanted)


def test_edoc_pages_parse_with_every_item_case_number_and_section(shared):
    for page in _pages(shared):
        meeting = parse_file(page)
        expected = _expected(page.with_suffix(".xml"))
        assert len(meeting.items) == len(expected), page.name
        assert meeting.body == "Hennys testudvalg"
        assert meeting.start.isoformat() == "2017-05-02T10:00:00"
        for item, (case, public, sections) in zip(meeting.items, expected, strict=True):
            assert item.case_number == case, (page.name, item.number)
            assert item.public == public, (page.name, item.number)
            headings = [s.heading.rstrip(":") for s in item.sections]
            assert _is_subsequence(sections, headings), (page.name, item.number, headings)
            assert "beskrivelse" not in headings  # body text is never a heading
