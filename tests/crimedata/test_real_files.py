"""The real data.police.uk sample files (../shared/police-uk): our counts equal an independent
count with the csv module, per district and crime type."""

import csv
import re
from collections import Counter
from datetime import date

import pytest
from django.db.models import Sum

from crimedata.models import CrimeCount, ForceMonth
from crimedata.services import police_uk_import
from tests.conftest import POLICE_UK_DIR, requires_police_uk

pytestmark = [pytest.mark.django_db, pytest.mark.realdata, requires_police_uk()]
ALIASES = {"Shepway": "Folkestone and Hythe"}


def independent_counts(name: str) -> Counter:
    counts: Counter = Counter()
    with (POLICE_UK_DIR / name).open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            lsoa = record["LSOA name"]
            district = re.sub(r" \d{3}[A-Z]$", "", lsoa) if lsoa else ""
            counts[(ALIASES.get(district, district), record["Crime type"])] += 1
    return counts


def test_real_files_match_independent_count():
    police_uk_import(user=None, paths=sorted(POLICE_UK_DIR.glob("*-street.csv")))
    assert ForceMonth.objects.count() == 4
    assert ForceMonth.objects.get(force__slug="kent", month=date(2019, 9, 1)).row_count == 18408
    for name, slug, month in [
        ("2019-09-kent-street.csv", "kent", date(2019, 9, 1)),
        ("2019-11-essex-street.csv", "essex", date(2019, 11, 1)),
        ("2019-09-city-of-london-street.csv", "city-of-london", date(2019, 9, 1)),
    ]:
        ours = Counter(
            {
                (c["district_name"], c["crime_type"]): c["n"]
                for c in CrimeCount.objects.filter(force_month__force__slug=slug, month=month)
                .values("district_name", "crime_type")
                .annotate(n=Sum("count"))
            }
        )
        assert ours == independent_counts(name)
    expected = independent_counts("2019-09-kent-street.csv")
    tm = CrimeCount.objects.filter(district_name="Tonbridge and Malling", month=date(2019, 9, 1))
    assert (
        tm.aggregate(n=Sum("count"))["n"]
        == sum(n for (district, _), n in expected.items() if district == "Tonbridge and Malling")
        > 500
    )
