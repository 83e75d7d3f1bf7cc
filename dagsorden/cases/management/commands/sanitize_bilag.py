"""`dagsorden sanitize_bilag`: remove active content from PDF bilag stored before
uploads were sanitised (run once after upgrading; running it again changes nothing).

Each stored file is read once; when something is removed, the clean file is stored
next to it and every row that pointed at the old file points at the new one (size and
SHA-512 updated, an audit row written), then the old file is deleted."""

from django.core.management.base import BaseCommand

from dagsorden.cases.services import bilag_sanitize_stored


class Command(BaseCommand):
    help = "Remove JavaScript, actions, embedded files and XFA from stored PDF bilag."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report what would be removed."
        )

    def handle(self, *args, dry_run=False, **options):
        report = bilag_sanitize_stored(dry_run=dry_run)
        for path, kinds in report.cleaned.items():
            self.stdout.write(f"{path}: {', '.join(sorted(kinds))}")
        for path, reason in report.unreadable.items():
            self.stderr.write(f"{path}: not a readable PDF ({reason})")
        verb = "would be cleaned" if dry_run else "cleaned"
        self.stdout.write(
            f"{report.checked} stored PDF files checked, {len(report.cleaned)} {verb}, "
            f"{len(report.unreadable)} unreadable."
        )
