"""Municipalities that an earlier importer created with one of the portal's own first
path words as slug (a municipality named "Oparl" got `/oparl/`, whose pages the API
answered): renamed to "<word>-kommune", as the importer now names them. Their old
addresses never showed the municipality, so no working link changes."""

from django.db import migrations


def rename_reserved(apps, schema_editor):
    from dagsorden.organisations.style import portal_words

    Municipality = apps.get_model("organisations", "Municipality")
    reserved = portal_words()
    for municipality in Municipality.objects.filter(slug__in=reserved):
        base = f"{municipality.slug[:42]}-kommune"
        slug, n = base, 1
        while slug in reserved or Municipality.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base[:46]}-{n}"
        municipality.slug = slug
        municipality.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_municipality_host_accent")]

    operations = [migrations.RunPython(rename_reserved, migrations.RunPython.noop)]
