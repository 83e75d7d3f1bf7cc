"""Property tests: damaged seed texts (lines deleted, duplicated, shuffled) never
raise; the parser degrades to partial results with warnings."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagsorden.importer.parse import parse_text
from dagsorden.importer.synthetic import generate
from dagsorden.importer.to_json import meeting_to_dict

from .conftest import seed_paths

_SEEDS = seed_paths()
_TEXTS: dict[str, list[str]] = {}


def _lines(index: int) -> list[str]:
    if _SEEDS:
        path = _SEEDS[index % len(_SEEDS)]
        if path.name not in _TEXTS:
            _TEXTS[path.name] = path.read_text(encoding="utf-8").split("\n")
        return _TEXTS[path.name]
    return generate(index).text.split("\n")  # without ../shared: synthetic documents


def _mutate(lines: list[str], operation: str, rng: random.Random) -> list[str]:
    lines = list(lines)
    if operation == "delete":
        for _ in range(rng.randrange(1, max(2, len(lines) // 5))):
            lines.pop(rng.randrange(len(lines)))
    elif operation == "duplicate":
        for _ in range(rng.randrange(1, 30)):
            position = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines)), lines[position])
    elif operation == "shuffle_block":
        start = rng.randrange(len(lines))
        block = lines[start : start + rng.randrange(2, 200)]
        rng.shuffle(block)
        lines[start : start + len(block)] = block
    elif operation == "truncate":
        lines = lines[: rng.randrange(len(lines))]
    else:  # shuffle everything
        rng.shuffle(lines)
    return lines


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    document=st.integers(min_value=0, max_value=4),
    operation=st.sampled_from(["delete", "duplicate", "shuffle_block", "truncate", "shuffle"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_damaged_documents_never_raise(document, operation, seed):
    lines = _mutate(_lines(document), operation, random.Random(seed))
    meeting = parse_text("\n".join(lines))
    data = meeting_to_dict(meeting)  # serialisable, whatever was found
    assert isinstance(data["items"], list)
    numbers = [int(item["number"]) for item in data["items"]]
    assert numbers == sorted(set(numbers))


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text):
    meeting = parse_text(text)
    assert meeting_to_dict(meeting)["items"] is not None


@pytest.mark.parametrize("operation", ["delete", "duplicate", "shuffle_block", "truncate"])
def test_damage_keeps_some_structure(operation):
    lines = _mutate(generate(7, "decision-first-casetype").text.split("\n"), operation,
                    random.Random(1))  # fmt: skip
    meeting = parse_text("\n".join(lines))
    assert meeting.body or meeting.items or meeting.warnings
