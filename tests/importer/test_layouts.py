import pytest

from dagsorden.importer.document import Document
from dagsorden.importer.layouts import FAMILIES, GENERIC, LayoutFamily, detect
from dagsorden.importer.synthetic import STYLES, generate


def test_every_family_implements_the_protocol():
    for family in (*FAMILIES, GENERIC):
        assert isinstance(family, LayoutFamily)


@pytest.mark.parametrize("style", [s for s in STYLES if s != "numbered"])
def test_each_family_recognises_its_own_structure(style):
    for seed in range(3):
        doc = Document.from_text(generate(seed, style).text)
        family, score = detect(doc)
        assert family.name == style, (seed, score)


def test_unknown_layout_falls_back_to_generic():
    doc = Document.from_text(generate(1, "numbered").text)
    family, score = detect(doc)
    assert family is GENERIC
    assert score < 0.45


def test_family_names_are_structural_not_municipal():
    municipalities = ("halsnæs", "holbæk", "helsingør", "slagelse", "kalundborg")
    for family in FAMILIES:
        text = f"{family.name} {family.description}".casefold()
        assert not any(name in text for name in municipalities)


def test_prose_scores_zero_for_every_family():
    doc = Document.from_text("Et brev uden struktur.\n\nMed venlig hilsen\n")
    assert all(family.confidence(doc) == 0.0 for family in FAMILIES)
