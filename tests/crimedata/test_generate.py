"""The synthetic police.uk file generator (`generate_police_uk`)."""

from io import StringIO

from django.core.management import call_command

from crimedata.importer import discover
from crimedata.importer.validate import scan_file


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
