"""BENCHMARKS.md, where every bench reports: each owns one `## ` section, which a new run
replaces in place (or appends), leaving the others as they are."""

from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def write_section(section: str, *, path: Path = BENCHMARKS) -> None:
    """Put `section` (its first line is its `## ` heading) in place of the section with the
    same heading, up to the next `## ` heading, or at the end; one blank line between
    sections, whatever blank lines the bench's text ends with."""
    heading = section.split("\n", 1)[0]
    if not heading.startswith("## "):
        raise ValueError(f"a section starts with its '## ' heading, not {heading!r}")
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    lines = text.split("\n")
    start = lines.index(heading) if heading in lines else len(lines)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    before = "\n".join(lines[:start]).rstrip("\n")
    after = "\n".join(lines[end:])
    body = section.strip("\n") + "\n"
    path.write_text(before + "\n\n" + body + ("\n" + after if after else ""), encoding="utf-8")
