"""Importing street files: counts, district resolution, Parquet contract, all-or-nothing,
idempotent re-import and the transactional switch."""
# ruff: noqa: S608  (DuckDB SQL built from constants and sql_string()-quoted paths, never user text)

import zipfile
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.models import District
from crimedata.importer import ImportValidationError, load
from crimedata.models import CrimeCount, DistrictAlias, ForceMonth, LsoaDistrict
from crimedata.services import police_uk_import
from crimedata.store import PARQUET_COLUMNS, current_parquet_paths, duckdb_connection, parquet_source
from tests.crimedata.helpers import HEADER, no_location, row, write_street

pytestmark = pytest.mark.django_db
SEPT = date(2019, 9, 1)


def counts(**filters) -> dict[tuple[str, str | None, str], int]:  # type: ignore[no-untyped-def]
    return {
        (c.district_name, c.district_code, c.crime_type): c.count
        for c in CrimeCount.objects.filter(**filters)
    }


def kent_rows() -> list[str]:
    return [
        row(),
        row(),
        row(crime_id="dup"),
        row(crime_id="dup"),  # repeated IDs both count
        row(crime_type="Anti-social behaviour"),
        row(lsoa_code="E01024500", lsoa_name="Shepway 001A", crime_type="Shoplifting"),
        row(lsoa_code="E01099999", lsoa_name="Wealden 003B", crime_type="Robbery"),  # outside Kent
        no_location(),
    ]


# A district name that is no longer a district (merged into East Suffolk in 2019), as LSOA names keep it.
SUFFOLK_COASTAL = row(lsoa_code="E01030000", lsoa_name="Suffolk Coastal 001A", crime_type="Robbery")


def test_import_counts_districts_and_quirks(tmp_path):
    rows = [*kent_rows(), SUFFOLK_COASTAL]
    summary = police_uk_import(user=None, paths=[write_street(tmp_path, rows, bom=True)])
    assert summary.rows == 9 and summary.force_months == [("kent", SEPT, 9)]
    assert counts() == {
        ("Tonbridge and Malling", "E07000115", "Burglary"): 4,
        ("Tonbridge and Malling", "E07000115", "Anti-social behaviour"): 1,
        ("Folkestone and Hythe", "E07000112", "Shoplifting"): 1,  # Shepway alias (data migration)
        ("Wealden", "E07000065", "Robbery"): 1,  # outside Kent: known from the reference data
        ("Suffolk Coastal", None, "Robbery"): 1,  # no lookup, unknown district: code is null
        ("", None, "Violence and sexual offences"): 1,  # no location: force only
    }
    month = ForceMonth.objects.get()
    assert (month.force.slug, month.force.name, month.row_count, month.month) == (
        "kent",
        "Kent Police",
        9,
        SEPT,
    )


def test_lookup_wins_over_names_and_aliases(tmp_path):
    LsoaDistrict.objects.create(
        lsoa_code="E01024500", district_code="E07000999", district_name="Somewhere Else", vintage="2011"
    )
    police_uk_import(user=None, paths=[write_street(tmp_path, kent_rows())])
    assert counts(crime_type="Shoplifting") == {("Somewhere Else", "E07000999", "Shoplifting"): 1}
    # A district named by the lookup gives its code to LSOA names that use that name.
    police_uk_import(
        user=None,
        paths=[write_street(tmp_path, [row(lsoa_code="E01000001", lsoa_name="Somewhere Else 002A")])],
    )
    assert counts() == {("Somewhere Else", "E07000999", "Burglary"): 1}


def test_alias_added_later_is_used(tmp_path):
    DistrictAlias.objects.create(alias="Suffolk Coastal", district=District.objects.get(code="E07000244"))
    police_uk_import(user=None, paths=[write_street(tmp_path, [SUFFOLK_COASTAL])])
    assert counts(crime_type="Robbery") == {("East Suffolk", "E07000244", "Robbery"): 1}


def test_parquet_contract(tmp_path):
    police_uk_import(user=None, paths=[write_street(tmp_path, kent_rows())])
    paths = current_parquet_paths()
    assert (
        len(paths) == 1
        and paths[0].parent.name == "month=2019-09"
        and paths[0].parent.parent.name == "force=kent"
    )
    con = duckdb_connection()
    described = con.execute(f"DESCRIBE SELECT * FROM {parquet_source(paths)}").fetchall()
    assert [(d[0], d[1]) for d in described] == PARQUET_COLUMNS
    first = con.execute(
        f"SELECT month, force, longitude, district_name FROM {parquet_source(paths)} WHERE crime_id = 'abc123' AND crime_type = 'Burglary' LIMIT 1"
    ).fetchone()
    assert first == (SEPT, "kent", 0.2741, "Tonbridge and Malling")
    assert current_parquet_paths(months=[date(2019, 10, 1)]) == []
    assert current_parquet_paths(forces=["kent"]) == paths


def test_reimport_replaces_and_deletes_old_file(tmp_path, django_capture_on_commit_callbacks):
    path = write_street(tmp_path, kent_rows())
    police_uk_import(user=None, paths=[path])
    old = current_parquet_paths()[0]
    with django_capture_on_commit_callbacks(execute=True):
        police_uk_import(user=None, paths=[path])
    new = current_parquet_paths()[0]
    assert new != old and new.exists() and not old.exists()
    assert sum(counts().values()) == 8 and ForceMonth.objects.count() == 1
    write_street(tmp_path, [row()])
    with django_capture_on_commit_callbacks(execute=True):
        police_uk_import(user=None, paths=[path])
    assert counts() == {("Tonbridge and Malling", "E07000115", "Burglary"): 1}


def test_one_bad_file_imports_nothing(tmp_path, crime_store):
    good = write_street(tmp_path / "a", [row()])
    bad = write_street(tmp_path / "b", [row(month="2019-10"), row(month="2019-10", lat="x")], month="2019-10")
    with pytest.raises(ImportValidationError) as info:
        police_uk_import(user=None, paths=[good, bad])
    assert info.value.line == 3 and "Latitude" in info.value.column and str(bad) in str(info.value)
    assert not ForceMonth.objects.exists() and not CrimeCount.objects.exists()
    assert not list(crime_store.rglob("*.parquet"))


def test_duckdb_structural_error_is_located(tmp_path):
    bad = write_street(tmp_path, [row(), row() + ",x"])
    with pytest.raises(ImportValidationError) as info:
        police_uk_import(user=None, paths=[bad])
    assert info.value.line == 3 and "13 columns" in str(info.value)
    path = write_street(tmp_path, [row(), row()])
    path.write_bytes(path.read_bytes().replace(b"High Street", b"High \xff Street", 1))
    with pytest.raises(ImportValidationError) as info:
        police_uk_import(user=None, paths=[path])
    assert info.value.line == 2 and "UTF-8" in str(info.value)


def test_failure_mid_import_leaves_old_data_intact(tmp_path, crime_store, monkeypatch):
    police_uk_import(user=None, paths=[write_street(tmp_path / "old", kent_rows())])
    before_files = sorted(crime_store.rglob("*.parquet"))
    before = counts()
    original = load.insert_counts

    def failing_insert(staged):  # type: ignore[no-untyped-def]
        original(staged)  # rows are written, then the transaction fails before commit
        raise RuntimeError("disk full")

    monkeypatch.setattr(load, "insert_counts", failing_insert)
    new_sept = write_street(tmp_path / "new", [row()])
    new_oct = write_street(tmp_path / "new", [row(month="2019-10")], month="2019-10")
    with pytest.raises(RuntimeError, match="disk full"):
        police_uk_import(user=None, paths=[new_sept, new_oct])
    assert sorted(crime_store.rglob("*.parquet")) == before_files
    assert counts() == before and ForceMonth.objects.count() == 1
    assert ForceMonth.objects.get().row_count == 8


def test_zip_archive_import_and_command(tmp_path):
    archive = tmp_path / "2019-10.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2019-09/2019-09-kent-street.csv", HEADER + "\r\n" + "\r\n".join(kent_rows()) + "\r\n")
        z.writestr(
            "2019-09/2019-09-essex-street.csv", HEADER + "\r\n" + row(force_name="Essex Police") + "\r\n"
        )
        z.writestr("2019-09/2019-09-kent-outcomes.csv", "x")
    out = StringIO()
    call_command("import_police_uk", str(archive), stdout=out)
    text = out.getvalue()
    assert "2 file(s), 9 rows, 2 force-month(s)" in text and "2019-09-kent-outcomes.csv" in text
    assert ForceMonth.objects.get(force__slug="essex").force.name == "Essex Police"


def test_command_error_message(tmp_path):
    bad = write_street(tmp_path, [row(crime_type="Nope")])
    with pytest.raises(CommandError, match=r"Nothing imported\. .*line 2, column 10"):
        call_command("import_police_uk", str(bad))
    with pytest.raises(CommandError, match="no user called"):
        call_command("import_police_uk", str(bad), "--as", "ghost")


def test_header_only_file_imports_zero_rows(tmp_path):
    police_uk_import(user=None, paths=[write_street(tmp_path, [])])
    assert ForceMonth.objects.get().row_count == 0
    con = duckdb_connection()
    assert con.execute(f"SELECT count(*) FROM {parquet_source(current_parquet_paths())}").fetchone() == (0,)
