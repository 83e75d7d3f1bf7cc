from django.core.management.base import BaseCommand

from dagsorden.search.facade import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index from all public agenda items."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total}")

        count = reindex_all(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Søgeindeks genopbygget: {count} punkter."))
