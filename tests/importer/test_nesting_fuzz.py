"""Property test over hostile HTML and XML nesting: deep <div>s, nested tables, `<![`
markup, CDATA, comments and tags left open, in any mix. The whole `dagsorden parse`
path (export detection, extraction, reading) never ends in an internal error, and no
file takes long. The 2-second bound is only a guard against runaway (quadratic) work;
the speed itself is measured in bench/."""

import io
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagsorden.importer.runner import EXIT_INTERNAL, run_parse

SECONDS_PER_FILE = 2.0

TEXT = st.sampled_from(
    ["Punkt 1: Budget", "Beslutning", "Godkendt.", "Indstilling", "1. Regnskab", "æøå", "&amp;",
     "&#0;", "&#xD800;", "&nbsp;", "]]>", "<", ">", "&", "\x00", "\u202e", ""]
)  # fmt: skip
OPEN = st.sampled_from(
    ["<div>", "<table><tr><td>", "<p>", "<span>", "<ul><li>", "<h2>", "<b>", "<font size=7>",
     "<td>", "<tr>", "<li>", "<blockquote>", "<section>", "<o:p>", "<w:Sdt>", "<x:y z='"]
)  # fmt: skip
MARKUP = st.sampled_from(
    ["<![CDATA[ rå <tekst> ]]>", "<![if !supportLists]>", "<![endif]>", "<![", "<![CDATA[",
     "<!--", "-->", "<!-- x -->", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<?php ?>",
     "</div>", "</td></tr></table>", "</p>", "<br>", "<img src=x>", "<script>", "</script>",
     "<style>", "<!ENTITY x 'y'>", "&x;"]
)  # fmt: skip
CLOSE = {
    "<div>": "</div>",
    "<table><tr><td>": "</td></tr></table>",
    "<ul><li>": "</li></ul>",
}


@st.composite
def nested(draw):
    """One element repeated to a depth (up to 1,500), closed or left open, with text
    and odd markup at the bottom and around."""
    tag = draw(OPEN)
    depth = draw(st.integers(1, 1500))
    closed = draw(st.booleans())
    inner = "".join(draw(st.lists(st.one_of(TEXT, MARKUP), max_size=6)))
    closing = CLOSE.get(tag, "</" + tag[1:].split()[0].rstrip(">") + ">") if closed else ""
    return tag * depth + inner + closing * depth


@st.composite
def documents(draw):
    parts = draw(st.lists(st.one_of(nested(), TEXT, MARKUP, OPEN), min_size=1, max_size=8))
    head = draw(st.sampled_from(["<html><body>", "<?xml version='1.0'?><root>", "", "<![ "]))
    return head + "".join(parts)


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=documents(), suffix=st.sampled_from([".html", ".xml", ".htm"]))
def test_hostile_nesting_never_ends_in_an_internal_error(tmp_path, document, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(document, encoding="utf-8", errors="surrogatepass")
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = run_parse(path, as_json=True, stdout=out, stderr=err)
    elapsed = time.perf_counter() - started
    assert code != EXIT_INTERNAL, err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert elapsed < SECONDS_PER_FILE, f"{elapsed:.2f} s for {len(document)} characters"


def test_the_worst_shapes_from_the_issue_read_in_time(tmp_path):
    shapes = {
        "divs.html": "<html><body>" + "<div>" * 2000 + "<h2>Punkt 1: Budget</h2>",
        "marked.html": "<html><body>" + "<![" * 500 + "<h2>Punkt 1: Budget</h2>",
        "tables.html": "<table><tr><td>" * 3000 + "1. Budget" + "</td></tr></table>" * 3000,
        "deep.xml": "<?xml version='1.0'?>" + "<a>" * 5000 + "Punkt" + "</a>" * 5000,
    }
    for name, document in shapes.items():
        path = tmp_path / name
        path.write_text(document)
        started = time.perf_counter()
        code = run_parse(path, stdout=io.StringIO(), stderr=(err := io.StringIO()))
        assert code != EXIT_INTERNAL, (name, err.getvalue())
        assert time.perf_counter() - started < SECONDS_PER_FILE, name
