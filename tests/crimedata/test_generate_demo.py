"""The synthetic file generator and the demo data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from crimedata.demo import apportion, load_demo
from crimedata.importer import discover
from crimedata.importer.validate import scan_file
from crimedata.models import ASB, VICTIM_BASED, CrimeCount, ForceMonth


def test_generator_is_deterministic_and_valid(tmp_path):
    for out in ("a", "b"):
        call_command("generate_police_uk", "--forces", "2", "--months", "2", "--rows", "3000", "--seed", "7",
                     "--output", str(tmp_path / out), stdout=StringIO())  # fmt: skip
    files, _ = discover([tmp_path / "a"])
    assert len(files) == 4
    for item in files:
        assert item.path.read_bytes() == (tmp_path / "b" / item.path.relative_to(tmp_path / "a")).read_bytes()
        scan_file(item.path, item.display_name, item.month)
    text = (tmp_path / "a" / "2019-04" / "2019-04-kent-street.csv").read_bytes().decode("utf-8")
    lines = text.split("\r\n")
    assert len(lines) == 3002 and "\n" not in lines[1]
    assert ",No Location," in text and "Shepway 0" in text
    asb = [line for line in lines if ",Anti-social behaviour," in line]
    assert asb and all(line.startswith(",") for line in asb)
    ids = [line.split(",")[0] for line in lines[1:] if line and not line.startswith(",")]
    assert len(ids) > len(set(ids))  # some Crime IDs repeat
    assert "Avon and Somerset" in text  # rows in another force's LSOAs


def test_apportion_sums_exactly():
    assert sum(apportion(8394, [1.0, 1.05, 0.9])) == 8394
    assert apportion(10, [1, 1]) == [5, 5]


@pytest.mark.django_db
def test_demo_is_calibrated_marked_and_idempotent():
    out = StringIO()
    assert load_demo(user=None, stdout=out) > 300_000
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
    assert load_demo(user=None, stdout=out) == 0 and "already imported" in out.getvalue()
