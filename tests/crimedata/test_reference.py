"""Reference tables: LSOA lookup, population tables and weight sets (validated first, all or nothing)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from crimedata.importer import ImportValidationError
from crimedata.models import LsoaDistrict, PopulationTable, WeightSet
from crimedata.reference import lsoa_lookup_import, population_import, weights_import

pytestmark = pytest.mark.django_db


def write(tmp_path, text: str, name: str = "f.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lsoa_lookup_ons_columns(tmp_path):
    path = write(tmp_path, "\ufeffLSOA11CD,LSOA11NM,LAD19CD,LAD19NM\nE01024500,Shepway 001A,E07000112,Folkestone and Hythe\n"
                 "E01024700,Tonbridge and Malling 001A,E07000115,Tonbridge and Malling\n")  # fmt: skip
    out = StringIO()
    call_command("import_lsoa_lookup", str(path), stdout=out)
    assert "2 LSOA" in out.getvalue()
    row = LsoaDistrict.objects.get(lsoa_code="E01024500")
    assert (row.district_code, row.district_name, row.vintage, row.lsoa_name) == (
        "E07000112",
        "Folkestone and Hythe",
        "2011",
        "Shepway 001A",
    )
    # 2021 codes are added alongside; a repeated LSOA replaces the earlier row.
    lsoa_lookup_import(
        user=None,
        path=write(
            tmp_path,
            "LSOA21CD,LAD22CD,LAD22NM\nE01024500,E07000112,Folkestone and Hythe\nE01035000,E07000115,Tonbridge and Malling\n",
        ),
    )
    assert LsoaDistrict.objects.count() == 3
    assert LsoaDistrict.objects.get(lsoa_code="E01035000").vintage == "2021"


def test_lsoa_lookup_errors_import_nothing(tmp_path):
    bad = write(
        tmp_path, "LSOA11CD,LAD19CD,LAD19NM\nE01024500,E07000112,Folkestone and Hythe\nE0102,E07000112,X\n"
    )
    with pytest.raises(ImportValidationError) as info:
        lsoa_lookup_import(user=None, path=bad)
    assert info.value.line == 3 and info.value.column == '"LSOA11CD"'
    assert not LsoaDistrict.objects.exists()
    with pytest.raises(CommandError, match=r"no district code \(e.g. LAD19CD\) column"):
        call_command("import_lsoa_lookup", str(write(tmp_path, "LSOA11CD,Name\nE01024500,x\n")))


def test_population_table(tmp_path):
    path = write(
        tmp_path, 'area code,area name,year,population\nE07000115,Tonbridge and Malling,2019,"132,153"\n'
    )
    call_command(
        "import_population",
        str(path),
        "--name",
        "Example",
        "--source",
        "Made up",
        "--example",
        stdout=StringIO(),
    )
    table = PopulationTable.objects.get()
    assert table.is_example and table.figures.get().population == 132153
    bad = write(tmp_path, "area code,area name,year,population\nE07000115,T,2019,many\n")
    with pytest.raises(ImportValidationError) as info:
        population_import(user=None, path=bad, name="Example", source="x")
    assert info.value.line == 2 and "population" in info.value.column
    assert PopulationTable.objects.get().figures.get().population == 132153  # unchanged


def test_weights(tmp_path):
    path = write(tmp_path, "crime type,weight\nBurglary,443.5\nRobbery,1500\n")
    out = StringIO()
    call_command(
        "import_weights", str(path), "--name", "CSS", "--version", "2020", "--source", "ONS", stdout=out
    )
    weight_set = WeightSet.objects.get()
    assert (weight_set.name, weight_set.version) == ("CSS", "2020")
    assert weight_set.weights.get(crime_type="Burglary").weight == Decimal("443.5")
    bad = write(tmp_path, "crime type,weight\nBurglary,1\nBurglaries,2\n")
    with pytest.raises(ImportValidationError) as info:
        weights_import(user=None, path=bad, name="CSS", version="2020", source="ONS")
    assert info.value.line == 3 and "Burglaries" in str(info.value)
    assert weight_set.weights.count() == 2
