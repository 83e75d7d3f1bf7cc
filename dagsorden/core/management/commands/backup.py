from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dagsorden.core.backup import backup_write


class Command(BaseCommand):
    help = (
        "Write a backup of the installation (database, bilag, secret key) to FILE; "
        "consistent while the server runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if file.is_dir():
            raise CommandError(f"{file} er en mappe; angiv et filnavn, fx dagsorden.tar.gz.")
        if not file.parent.is_dir():
            raise CommandError(f"Mappen {file.parent} findes ikke.")
        summary = backup_write(path=file)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sikkerhedskopi skrevet til {summary.path}: {summary.row_total} rækker i "
                f"{len(summary.rows)} tabeller, {summary.files} filer."
            )
        )
