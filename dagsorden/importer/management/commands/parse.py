"""`dagsorden parse FILE [--json]`: print a document's structure; never touches the DB."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Parse one agenda or minutes document (text, PDF or HTML) and print its structure."
    requires_system_checks: list[str] = []  # stays quick and database-free
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="document to parse (.txt/.md, .pdf, .html)")
        parser.add_argument("--json", action="store_true", help="print the JSON contract")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="print, per item and section, the block it came from and the rule that "
            "placed it (and the runner-up where it was close)",
        )

    def handle(self, *args, **options):
        from dagsorden.importer.runner import run_parse

        code = run_parse(
            options["file"],
            as_json=options["json"],
            explain=options["explain"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
        if code:
            sys.exit(code)
