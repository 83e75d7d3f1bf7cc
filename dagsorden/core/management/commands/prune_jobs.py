from django.core.management.base import BaseCommand, CommandError

from dagsorden.core.jobs import PRUNE_AFTER_DAYS, job_prune


class Command(BaseCommand):
    help = (
        "Delete background jobs that finished (done or failed) more than --days days ago; "
        "queued and running jobs are kept. Run it nightly from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=PRUNE_AFTER_DAYS,
            help=f"keep finished jobs this many days (default {PRUNE_AFTER_DAYS})",
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days skal være mindst 1.")
        removed = job_prune(days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"{removed} afsluttede baggrundsjob ældre end {days} dage er slettet."
            )
        )
