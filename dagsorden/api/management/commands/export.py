"""`dagsorden export --format oparl-json|csv DIR` and `dagsorden export --archive`."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from dagsorden.api.export import FORMATS, ExportError, archive_build, export_write


class Command(BaseCommand):
    help = (
        "Write the whole public data set: OParl lists as JSON and/or CSV tables into DIR, "
        "or (--archive) rebuild the zip archive the portal offers for download."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="an empty or new directory")
        parser.add_argument(
            "--format",
            action="append",
            dest="formats",
            metavar="|".join(FORMATS),
            help="what to write; repeat for both (default: both)",
        )
        parser.add_argument(
            "--archive",
            action="store_true",
            help="rebuild the portal's download archive (for a nightly timer)",
        )

    def handle(self, *args, directory=None, formats=None, archive=False, **options):
        if archive == bool(directory):
            raise CommandError("Give either a directory or --archive (not both, not neither).")
        try:
            if archive:
                info, counts = archive_build()
                self.stdout.write(f"{info.path} ({filesizeformat(info.size)})")
            else:
                counts = export_write(directory=directory, formats=formats or list(FORMATS))
        except ExportError as error:
            raise CommandError(str(error)) from None
        for name, per_list in counts.items():
            listed = ", ".join(f"{key} {count}" for key, count in per_list.items())
            self.stdout.write(f"{name}: {listed}")
