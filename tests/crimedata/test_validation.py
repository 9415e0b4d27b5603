"""File rules, checked without a database: header, month, columns, coordinates, crime types,
encoding, file names and zip safety."""

import zipfile
from datetime import date

import pytest

from crimedata.importer import ImportValidationError, discover
from crimedata.importer.validate import check_coordinates, scan_file
from tests.crimedata.helpers import HEADER, no_location, row, write_street

SEPT = date(2019, 9, 1)


def scan_error(path) -> ImportValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportValidationError) as info:
        scan_file(path, path.name, SEPT)
    return info.value


def test_good_file_with_all_quirks_passes(tmp_path):
    rows = [
        row(),
        row(crime_type="Anti-social behaviour"),
        row(),
        no_location(),
        row(lsoa_name="Shepway 001A"),
    ]
    scan_file(write_street(tmp_path, rows, bom=True), "f", SEPT)
    scan_file(write_street(tmp_path, rows, newline="\n", name="2019-09-kent-street.csv"), "f", SEPT)


def test_wrong_header_names_the_column(tmp_path):
    path = write_street(tmp_path, [row()], header=HEADER.replace("LSOA code", "LSOA"))
    error = scan_error(path)
    assert (error.line, error.column) == (1, "8")
    assert '"LSOA code"' in str(error) and path.name in str(error)


def test_extra_header_column(tmp_path):
    error = scan_error(write_street(tmp_path, [row()], header=HEADER + ",Extra"))
    assert (error.line, error.column) == (1, "13")


def test_month_must_match_file_name(tmp_path):
    error = scan_error(write_street(tmp_path, [row(), row(month="2019-10")]))
    assert error.line == 3 and "Month" in error.column and "2019-10" in str(error)


def test_wrong_column_count(tmp_path):
    error = scan_error(write_street(tmp_path, [row(), row(), row() + ",extra"]))
    assert error.line == 4 and "13 columns" in str(error)


def test_bad_coordinates(tmp_path):
    error = scan_error(write_street(tmp_path, [row(lon="east")]))
    assert error.line == 2 and "Longitude" in error.column
    error = scan_error(write_street(tmp_path, [row(lat="95.1")]))
    assert "Latitude" in error.column and "outside" in str(error)
    error = scan_error(write_street(tmp_path, [row(lat="")]))
    assert "Latitude" in error.column and "blank" in str(error)


def test_unknown_crime_type(tmp_path):
    error = scan_error(write_street(tmp_path, [row(crime_type="Jaywalking")]))
    assert error.line == 2 and "Crime type" in error.column and "Jaywalking" in str(error)


def test_undecodable_bytes_name_line_and_column(tmp_path):
    path = write_street(tmp_path, [row(), row()])
    data = path.read_bytes().replace(b"On or near High Street", b"On or near H\xe9gh Street", 2)
    path.write_bytes(data.replace(b"H\xe9gh", b"High", 1))
    error = scan_error(path)
    assert error.line == 3 and "Location" in error.column and "UTF-8" in str(error)


def test_coordinate_rules():
    assert check_coordinates("", "") is None
    assert check_coordinates("0.1", "51.2") is None
    assert check_coordinates("nan", "51") is not None
    assert check_coordinates("0.1", "") is not None


def test_file_name_must_be_a_street_file(tmp_path):
    path = write_street(tmp_path, [row()], name="kent.csv")
    with pytest.raises(ImportValidationError, match="YYYY-MM-<force>-street.csv"):
        discover([path])
    with pytest.raises(ImportValidationError, match="not a month"):
        discover([write_street(tmp_path, [row()], name="2019-13-kent-street.csv")])


def test_folder_layout_and_skipped_files(tmp_path):
    write_street(tmp_path / "2019-09", [row()])
    write_street(tmp_path / "2019-10", [row(month="2019-10")], month="2019-10")
    (tmp_path / "2019-09" / "2019-09-kent-outcomes.csv").write_text("x")
    files, skipped = discover([tmp_path])
    assert [(f.force_slug, f.month) for f in files] == [("kent", SEPT), ("kent", date(2019, 10, 1))]
    assert skipped == [str(tmp_path / "2019-09" / "2019-09-kent-outcomes.csv")]


def test_zip_members_street_only_and_duplicates_refused(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2019-09/2019-09-kent-street.csv", HEADER + "\r\n" + row() + "\r\n")
        z.writestr("2019-09/2019-09-kent-stop-and-search.csv", "x")
    files, skipped = discover([archive])
    assert [f.member for f in files] == ["2019-09/2019-09-kent-street.csv"]
    assert skipped == [f"{archive}:2019-09/2019-09-kent-stop-and-search.csv"]
    with pytest.raises(ImportValidationError, match="given twice"):
        discover([archive, write_street(tmp_path / "x", [row()])])


@pytest.mark.parametrize(
    "name", ["../2019-09-kent-street.csv", "/abs/2019-09-kent-street.csv", "a/../../x.csv"]
)
def test_zip_unsafe_paths_refused(tmp_path, name):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(name, "x")
    with pytest.raises(ImportValidationError, match="refused"):
        discover([archive])


def test_zip_bomb_refused(tmp_path, settings):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2019-09-kent-street.csv", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(ImportValidationError, match="compresses more than"):
        discover([archive])
    settings.POLICE_UK_MAX_MEMBER_BYTES = 1000
    with pytest.raises(ImportValidationError, match="bytes uncompressed"):
        discover([archive])
