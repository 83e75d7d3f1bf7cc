"""`dagsorden import FILE|DIR ...`: load agendas and minutes into the database."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Import published agendas and minutes (text, PDF, HTML) and agenda systems' exports "
        "(FirstAgenda JSON, SBSYS ZIP, eDoc XML). Folders are searched "
        "recursively. Importing the same document again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="documents or folders")
        parser.add_argument(
            "--municipality", help="municipality name when the documents do not name it"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        from dagsorden.importer.batch import import_paths

        summary = import_paths(
            options["paths"],
            municipality=options.get("municipality"),
            progress=not options["no_progress"],
            stderr=self.stderr,
        )
        self.stdout.write(summary.text())
        if summary.files == 0:
            raise CommandError("no documents found")
        if summary.failed:
            raise CommandError(f"{summary.failed} document(s) could not be imported")
