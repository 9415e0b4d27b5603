"""The only fixed penalty cap shipped: £100 from 20 October 2014 (s.52(7) of the 2014 Act)."""

import datetime
from decimal import Decimal

from django.db import migrations


def add_cap(apps, schema_editor):  # type: ignore[no-untyped-def]
    cap = apps.get_model("casework", "FixedPenaltyCap")
    cap.objects.get_or_create(commences_on=datetime.date(2014, 10, 20), defaults={"amount": Decimal("100.00")})


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]
    operations = [migrations.RunPython(add_cap, migrations.RunPython.noop)]
