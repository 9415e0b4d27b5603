"""The demo's crime data: generated Kent street files, calibrated to the seed and marked as examples."""

from io import StringIO

import pytest
from django.db.models import Sum

from core.actors import system_user
from crimedata.models import ASB, VICTIM_BASED, CrimeCount, ForceMonth
from demo.crimedata import apportion, crime_data_load


def test_apportion_sums_exactly():
    assert sum(apportion(8394, [1.0, 1.05, 0.9])) == 8394
    assert apportion(10, [1, 1]) == [5, 5]


@pytest.mark.django_db
def test_demo_is_calibrated_marked_and_idempotent(crime_store):
    out = StringIO()
    assert crime_data_load(actor=system_user(), stdout=out) > 300_000
    tm = CrimeCount.objects.filter(district_code="E07000115")

    def total(first: str, last: str, types: list[str]) -> int:
        return tm.filter(month__range=(first, last), crime_type__in=types).aggregate(n=Sum("count"))["n"]

    assert total("2019-04-01", "2020-03-01", VICTIM_BASED) == 8394
    assert total("2018-04-01", "2019-03-01", VICTIM_BASED) == 8360
    assert total("2019-04-01", "2020-03-01", [ASB]) == 1693
    assert total("2018-04-01", "2019-03-01", [ASB]) == 1452
    months = ForceMonth.objects.all()
    assert months.count() == 24 and all(
        m.is_example and m.source_name.startswith("EXAMPLE DATA") for m in months
    )
    assert CrimeCount.objects.filter(district_code="E07000112").exists()  # Shepway LSOA names
    assert crime_data_load(actor=system_user(), stdout=out) == 0 and "already imported" in out.getvalue()
