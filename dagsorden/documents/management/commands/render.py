"""`dagsorden render MEETING --format html|pdf|md|txt --variant public|members [--style NAME]
[--draft] -o FILE`: a meeting (by id) or a document (text, PDF, HTML) in a municipality's layout."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dagsorden.documents.model import PUBLIC, VARIANTS
from dagsorden.documents.render import FORMATS
from dagsorden.documents.styles import STYLES, UnknownStyle, style_get


class Command(BaseCommand):
    help = (
        "Render an agenda or minutes (meeting id or document path) as HTML, PDF, Markdown or text."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("meeting", help="meeting id, or the path of a .txt/.md/.pdf/.html")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("--variant", choices=VARIANTS, default=PUBLIC)
        parser.add_argument(
            "--style", choices=sorted(STYLES), help="layout (default: the body's or detected)"
        )
        parser.add_argument(
            "--bilag",
            action="store_true",
            help="PDF only: the combined PDF, each item followed by its PDF bilag",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="mark every page UDKAST (a preview before publication; never cached)",
        )
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        from dagsorden.documents.load import SourceNotFound, document_for
        from dagsorden.documents.render import render

        try:
            style = style_get(options["style"]) if options["style"] else None
            document, warnings = document_for(
                options["meeting"], variant=options["variant"], style=style
            )
        except (SourceNotFound, UnknownStyle) as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:  # the importer's ExtractionError and friends
            raise CommandError(f"{options['meeting']}: cannot read: {exc}") from exc
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        if options["bilag"] and options["format"] != "pdf":
            raise CommandError("--bilag needs --format pdf")
        if options["draft"]:
            document = replace(document, draft=True)
        rendered = render(
            document,
            options["format"],
            with_bilag=options["bilag"],
            cached=not options["draft"],
        )
        self._write(rendered.content, options["output"], binary=options["format"] == "pdf")

    def _write(self, content: bytes, output: str | None, *, binary: bool) -> None:
        if output and output != "-":
            Path(output).write_bytes(content)
        elif binary:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            self.stdout.write(content.decode(), ending="")
