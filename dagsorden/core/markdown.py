"""Markdown to safe HTML: markdown-it-py renders, nh3 removes anything not on the list."""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    # Raw HTML in section texts is never passed through; tables are (municipal case texts
    # are full of them).
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_to_html(text: str) -> str:
    html = _renderer().render(text or "")
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}, "th": {"align"}, "td": {"align"}}
    )
