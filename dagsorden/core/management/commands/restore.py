from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dagsorden.core.restore import RestoreRefused, backup_restore


class Command(BaseCommand):
    help = "Restore a backup written by `dagsorden backup` into an empty installation."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} findes ikke.")
        try:
            summary = backup_restore(path=file)
        except RestoreRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(
            self.style.SUCCESS(
                f"Gendannet fra {file}: {summary.rows} rækker, {summary.files} filer. "
                "Søgeindekset er genopbygget."
            )
        )
