"""Search entries carry their municipality (copied from the body), so a national search
filters and counts by municipality from the entry alone."""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = (
    "UPDATE search_searchentry SET municipality_id = ("
    "SELECT o.municipality_id FROM organisations_organization o "
    "WHERE o.id = search_searchentry.organization_id)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("search", "0003_title_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="municipality",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.municipality",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="searchentry",
            name="municipality",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.municipality",
            ),
        ),
        # Hits are summarised per case (all of a case's treatments): found by case id.
        migrations.AlterField(
            model_name="searchentry",
            name="case_id",
            field=models.BigIntegerField(blank=True, db_index=True, null=True),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["municipality", "start"], name="search_sear_municip_21a27d_idx"
            ),
        ),
    ]
