"""Maps of the real data.police.uk sample files (../shared/police-uk): every record of the district
is on the map or counted as not located, in the right hexagon count, equal to an independent count
with the csv module. Skipped cleanly when the folder is absent."""

import csv
import datetime
from collections import Counter

import pytest

from assessment.analysis import Period
from assessment.mapping import build_map
from assessment.selectors import resolve_district
from crimedata.services import police_uk_import
from tests.conftest import POLICE_UK_DIR, requires_police_uk

SEPTEMBER = Period(datetime.date(2019, 9, 1), datetime.date(2019, 9, 1))


def independent(crime_type: str | None) -> tuple[int, Counter]:
    """Rows of Tonbridge and Malling (by LSOA name) in the September Kent file, and rows by point."""
    total, points = 0, Counter()
    with (POLICE_UK_DIR / "2019-09-kent-street.csv").open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            if not record["LSOA name"].startswith("Tonbridge and Malling "):
                continue
            if (
                (record["Crime type"] == crime_type)
                if crime_type
                else record["Crime type"] != "Anti-social behaviour"
            ):
                total += 1
                points[(float(record["Longitude"]), float(record["Latitude"]))] += 1
    return total, points


@pytest.mark.django_db
@pytest.mark.realdata
@requires_police_uk()
@pytest.mark.parametrize("crime_type", [None, "Burglary", "Anti-social behaviour"])
def test_real_file_map_counts_equal_an_independent_count(settings, tmp_path, crime_type):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    police_uk_import(user=None, paths=[POLICE_UK_DIR / "2019-09-kent-street.csv"])
    district = resolve_district("Tonbridge and Malling")
    result = build_map([district], SEPTEMBER, crime_type=crime_type or "all", kind="hex")
    m = result["map"]
    total, points = independent(crime_type)
    assert total > 0 and m.total + m.unmapped == total
    assert m.total == sum(points.values())
    assert sum(c["count"] for c in result["classes"]) == m.total
    busiest = max(points.values())
    assert max(a.count for a in m.areas) >= busiest  # a snap point's records share one hexagon
