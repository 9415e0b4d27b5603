"""LSOA hotspots from a tiny Parquet file written with DuckDB in the test."""

import datetime

import pytest

from assessment.analysis import Period
from assessment.selectors import DistrictRef, hotspots
from tests.assessment.helpers import add_counts, district, force_month, write_parquet

pytestmark = pytest.mark.django_db
APR, MAY = datetime.date(2019, 4, 1), datetime.date(2019, 5, 1)
PREV = datetime.date(2019, 3, 1)


def test_hotspots_rank_lsoas_with_change(settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    ref = DistrictRef.of(district())
    tm, sev = ("Tonbridge and Malling", "E07000115"), ("Sevenoaks", "E07000111")
    rows = (
        [(APR, "Burglary", "E01000001", "Tonbridge and Malling 001A", *tm)] * 3
        + [(MAY, "Violence and sexual offences", "E01000002", "Tonbridge and Malling 002B", *tm)] * 5
        + [(PREV, "Burglary", "E01000002", "Tonbridge and Malling 002B", *tm)] * 2
        + [(APR, "Anti-social behaviour", "E01000001", "Tonbridge and Malling 001A", *tm)] * 9  # ASB left out
        + [(APR, "Burglary", "E01000009", "Sevenoaks 001A", *sev)] * 20  # another district
        + [
            (APR, "Burglary", "E01000003", "Tonbridge and Malling 003C", "Tonbridge and Malling", None)
        ]  # name only
    )
    for month in (PREV, APR, MAY):
        relative = f"force=kent/month={month:%Y-%m}/part.parquet"
        write_parquet([r for r in rows if r[0] == month], relative)
        force_month(month, path=relative)
        add_counts(month, {"Burglary": 1})  # so the file is known to hold the district's rows
    result = hotspots([ref], Period(APR, MAY))
    assert [(r["lsoa_name"], r["count"], r["previous"]) for r in result] == [
        ("Tonbridge and Malling 002B", 5, 2),
        ("Tonbridge and Malling 001A", 3, 0),
        ("Tonbridge and Malling 003C", 1, 0),
    ]
    assert result[0]["change"] == {"count": 3, "percent": 150.0}
    with_asb = hotspots([ref], Period(APR, MAY), include_asb=True)
    assert with_asb[0] == {**with_asb[0], "lsoa_name": "Tonbridge and Malling 001A", "count": 12}


def test_no_files_means_no_hotspots(settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    ref = DistrictRef.of(district())
    add_counts(APR, {"Burglary": 1})  # the force-month's file does not exist
    assert hotspots([ref], Period(APR, APR)) == []
