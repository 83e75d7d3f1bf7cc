"""The real exports in ../shared/corpus/vendor (skipped with a message when absent).

The SBSYS sample is scored against its gold with the shared scorer; the FirstAgenda and
eDoc samples are checked against what their raw data says, read here independently.
"""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dagsorden.importer.parse import parse_file
from dagsorden.importer.to_json import meeting_to_dict

from ..conftest import shared_dir

VENDOR = shared_dir() / "corpus" / "vendor"
EDOC_NS = {"e": "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"}


def samples(folder: str, pattern: str) -> list[Path]:
    return sorted((VENDOR / folder).glob(pattern)) if (VENDOR / folder).is_dir() else []


def need(paths: list[Path], what: str) -> None:
    if not paths:
        pytest.skip(f"{what} samples not found under {VENDOR} (set DAGSORDEN_SHARED)")


def _scorer():
    path = shared_dir() / "eval" / "score_import.py"
    if not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_import", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sbsys_sample_scores_at_least_097_against_gold():
    zips = samples("sbsys-xml", "*.zip")
    need(zips, "SBSYS")
    scorer = _scorer()
    for path in zips:
        gold = json.loads((VENDOR / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        scores = scorer.score_document(gold, meeting_to_dict(parse_file(path)))
        mean = sum(scores.values()) / len(scores)
        assert mean >= 0.97, (path.name, scores)


@pytest.mark.parametrize("path", samples("firstagenda-json", "*.json"), ids=lambda p: p.stem)
def test_firstagenda_samples_give_every_item_with_number_title_case_and_sections(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    parsed = parse_file(path)
    assert parsed.layout == "firstagenda" and parsed.body == raw["Udvalg"]["Navn"]
    assert parsed.kind == "minutes" and parsed.start is not None
    assert len(parsed.participants) == len(raw["Moede"]["Moededeltagere"])
    assert len(parsed.items) == len(raw["Dagsordenpunkter"])
    for item, source in zip(parsed.items, raw["Dagsordenpunkter"], strict=True):
        assert item.number == source["Punktnummer"]
        assert item.title == source["Navn"].strip()
        assert item.case_number == (source["SagsNummer"] or None)
        html = source["Felter"][0]["Html"]
        headings = [h.strip() for h in re.findall(r"<h3>(.*?)</h3>", html)]
        assert [s.heading for s in item.sections] == headings
        assert item.public == (not source["Navn"].startswith("Lukket"))
        assert item.attachments == [b["Navn"] for b in source["Bilag"]]
        if "Afbud:" in html:
            assert item.absent, item.title


def test_firstagenda_samples_absences_and_history():
    paths = samples("firstagenda-json", "greve_klima*.json")
    need(paths, "FirstAgenda")
    parsed = parse_file(paths[0])
    substitutes = [p for p in parsed.participants if (p.note or "").startswith("Stedfortræder")]
    assert len(substitutes) == 1 and "(" not in substitutes[0].name
    assert any(p.note == "Afbud" for p in parsed.participants)
    with_history = [i for i in parsed.items if i.history]
    assert with_history and all(h.date and h.body for i in with_history for h in i.history)


@pytest.mark.parametrize("path", samples("edoc-html-xml", "*.xml"), ids=lambda p: p.stem)
def test_edoc_samples_give_every_item_with_number_title_case_and_sections(path):
    root = ET.parse(path).getroot()
    elements = root.findall(".//e:AgendaElement", EDOC_NS)
    parsed = parse_file(path)
    assert parsed.layout == "edoc" and parsed.kind == "agenda" and parsed.start is not None
    assert len(parsed.items) == len(elements)
    for item, element in zip(parsed.items, elements, strict=True):
        handling = element.find("e:HandlingItem", EDOC_NS)
        assert item.number == handling.findtext("e:SerialNo", namespaces=EDOC_NS)
        assert item.title == handling.findtext("e:Title", namespaces=EDOC_NS).strip()
        assert item.case_number == (handling.findtext("e:CaseNumber", namespaces=EDOC_NS) or None)
        with_content = [
            p.findtext("e:Title", namespaces=EDOC_NS)
            for p in handling.findall("e:CasePresentations/e:CasePresentation", EDOC_NS)
            if (p.findtext("e:Content", namespaces=EDOC_NS) or "").strip()
        ]
        assert [s.heading for s in item.sections] == with_content
        public = element.findtext("e:AccessIsPublic", namespaces=EDOC_NS) == "true"
        assert item.public == public


def test_edoc_html_rendering_is_left_to_the_document_reader():
    pages = samples("edoc-html-xml", "*.html")
    need(pages, "eDoc")
    assert parse_file(pages[0]).layout not in ("edoc", "firstagenda", "sbsys")
