"""Install the shipped reference data (ADR 0015): 43 police forces with their police.uk ids, 318
districts and their community safety partnership areas, from core/reference/lad23_csp23_pfa23.csv.

An upsert: rows made earlier (Kent by the demo or tests, Folkestone and Hythe by crimedata 0003, forces
by the crime data importer) are updated in place. Reversing leaves the rows (partnerships use them).
"""

from django.db import migrations

from core.reference.lookup import SHIPPED, install_lookup, read_lookup


def install(apps, schema_editor):
    install_lookup(read_lookup(SHIPPED), apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_reference_codes_and_csp_areas")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
