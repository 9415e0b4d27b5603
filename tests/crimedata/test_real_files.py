"""The real data.police.uk sample files (../shared/police-uk): our counts equal an independent
count with the csv module, per file, district and crime type, and per district across every force's
file. Skipped cleanly when the folder is absent (the project never copies the files)."""

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from django.db.models import Sum

import tests.conftest as shared
from crimedata.models import CrimeCount, ForceMonth
from crimedata.services import police_uk_import
from tests.conftest import POLICE_UK_DIR, requires_police_uk

ALIASES = {"Shepway": "Folkestone and Hythe"}
FILES = [
    ("2019-09-kent-street.csv", "kent", date(2019, 9, 1)),
    ("2019-11-kent-street.csv", "kent", date(2019, 11, 1)),
    ("2019-11-essex-street.csv", "essex", date(2019, 11, 1)),
    ("2019-09-city-of-london-street.csv", "city-of-london", date(2019, 9, 1)),
]


def independent_counts(name: str) -> Counter:
    """(district, crime type) → rows, read with the csv module: the LSOA name minus its final
    `NNNX` code, old names mapped to today's; rows with no LSOA under ""."""
    counts: Counter = Counter()
    with (POLICE_UK_DIR / name).open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            lsoa = record["LSOA name"]
            district = re.sub(r" \d{3}[A-Z]$", "", lsoa) if lsoa else ""
            counts[(ALIASES.get(district, district), record["Crime type"])] += 1
    return counts


@pytest.mark.django_db
@pytest.mark.realdata
@requires_police_uk()
def test_real_files_match_independent_count():
    police_uk_import(user=None, paths=sorted(POLICE_UK_DIR.glob("*-street.csv")))
    assert ForceMonth.objects.count() == 4
    rows = {(fm.force.slug, fm.month): fm.row_count for fm in ForceMonth.objects.select_related("force")}
    assert rows == {(slug, month): sum(independent_counts(name).values()) for name, slug, month in FILES}
    assert rows[("kent", date(2019, 9, 1))] == 18408  # SOURCES.md
    everywhere: Counter = Counter()
    for name, slug, month in FILES:
        ours = Counter(
            {
                (c["district_name"], c["crime_type"]): c["n"]
                for c in CrimeCount.objects.filter(force_month__force__slug=slug, month=month)
                .values("district_name", "crime_type")
                .annotate(n=Sum("count"))
            }
        )
        theirs = independent_counts(name)
        assert ours == theirs, name
        for (district, _), n in theirs.items():
            if district:
                everywhere[(district, month)] += n
    # A district's count includes every row whose LSOA lies in it, whichever force's file it came from.
    by_district = Counter(
        {
            (c["district_name"], c["month"]): c["n"]
            for c in CrimeCount.objects.exclude(district_name="")
            .values("district_name", "month")
            .annotate(n=Sum("count"))
        }
    )
    assert by_district == everywhere
    shepway = CrimeCount.objects.filter(district_name="Folkestone and Hythe", month=date(2019, 9, 1))
    assert shepway.aggregate(n=Sum("count"))["n"] == sum(
        n for (district, _), n in independent_counts("2019-09-kent-street.csv").items()
        if district == "Folkestone and Hythe"
    ) > 500  # fmt: skip
    assert not CrimeCount.objects.filter(district_name="Shepway").exists()


def test_real_file_tests_skip_when_the_folder_is_absent(monkeypatch, tmp_path):
    """The skip decision follows the folder: absent → skip with its path as the reason."""
    missing = tmp_path / "police-uk"
    monkeypatch.setattr(shared, "POLICE_UK_DIR", missing)
    mark = shared.requires_police_uk()
    assert mark.name == "skipif" and mark.args == (True,) and str(missing) in mark.kwargs["reason"]
    missing.mkdir()
    assert shared.requires_police_uk().args == (False,)
    assert isinstance(POLICE_UK_DIR, Path)
