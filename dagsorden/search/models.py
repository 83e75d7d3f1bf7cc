"""The search index: one row per public agenda item of a public meeting.

The row holds what the facets filter on and the original text the snippets are cut
from. The matching structure depends on the database: on SQLite a separate FTS5 table
(`search_fts`, rowid = item id) holds the Snowball stems; on PostgreSQL a generated
`document` tsvector column with a GIN index sits on this table. Both are created by the
migration for the running vendor only."""

from django.db import models

from dagsorden.meetings.models import AgendaItem, Meeting
from dagsorden.organisations.models import Municipality, Organization


class SearchEntry(models.Model):
    item = models.OneToOneField(
        AgendaItem, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    # Copied from the body, so a national search filters and counts by municipality
    # without a join.
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    start = models.DateTimeField(db_index=True)
    year = models.PositiveSmallIntegerField()
    item_type = models.CharField(max_length=12, blank=True)
    outcome = models.CharField(max_length=14, blank=True)
    journal_number = models.CharField(max_length=60, blank=True)
    # Lower-cased journal number for exact, case-insensitive look-up through a plain index.
    journal_key = models.CharField(max_length=60, blank=True, db_index=True)
    title = models.CharField(max_length=400)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["organization", "start"]),
            models.Index(fields=["municipality", "start"]),
        ]

    def __str__(self):
        return self.title
