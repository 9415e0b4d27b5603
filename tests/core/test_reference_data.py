"""The shipped reference data: the file, what the data migration installed, and reference_install."""

import csv
import hashlib
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.models import AuditEvent, CspArea, District, PoliceForce
from core.reference.lookup import COLUMNS, SHIPPED, LookupRefused, read_lookup
from crimedata.models import DistrictAlias

README = SHIPPED.parent / "README.md"
FORCES = SHIPPED.parent / "police_forces.csv"


def test_the_shipped_file_is_the_one_the_readme_describes():
    digest = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    readme = README.read_text(encoding="utf-8")
    assert digest in readme
    assert "Source: Office for National Statistics licensed under the Open Government Licence v.3.0" in readme
    assert "December 2023" in readme


def test_43_distinct_police_uk_slugs_one_per_force_area():
    with FORCES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 43
    assert len({r["PFA23CD"] for r in rows}) == len({r["force_slug"] for r in rows}) == 43
    assert len({r["force_name"] for r in rows}) == 43
    lookup = read_lookup(SHIPPED)
    assert {pfa: slug for pfa, (slug, _) in lookup.forces.items()} == {
        r["PFA23CD"]: r["force_slug"] for r in rows
    }
    assert (len(lookup.districts), len(lookup.areas)) == (318, 314)
    several = {code: len(csps) for code, (_, _, csps) in lookup.districts.items() if len(csps) > 1}
    assert several == {
        "E06000058": 3,
        "E06000060": 4,
        "E06000061": 4,
        "E06000062": 2,
        "E06000063": 3,
        "E06000064": 3,
        "E07000244": 2,
    }


@pytest.mark.django_db
def test_every_fresh_database_has_the_forces_and_districts():
    assert PoliceForce.objects.exclude(pfa_code=None).count() == 43
    assert District.objects.count() == 318
    assert CspArea.objects.count() == 314
    assert District.objects.filter(police_force=None).count() == 0
    cardiff = District.objects.get(code="W06000015")
    assert (cardiff.name, cardiff.police_force.slug, cardiff.police_force.name) == (
        "Cardiff",
        "south-wales",
        "South Wales Police",
    )
    assert [str(a) for a in cardiff.csp_areas.all()] == ["Cardiff (W14000015)"]
    assert District.objects.filter(police_force__slug="kent").count() == 13
    assert PoliceForce.objects.get(pfa_code="E23000032").name == "Kent Police"
    # crimedata's migration made Folkestone and Hythe first; ours gave it Kent Police.
    shepway = DistrictAlias.objects.get(alias="Shepway").district
    assert (shepway.code, shepway.police_force.slug) == ("E07000112", "kent")


def write(tmp_path: Path, *rows: str, header: str = ",".join(COLUMNS)) -> Path:
    path = tmp_path / "lookup.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


KENT = "E23000032,Kent,kent,Kent Police"


@pytest.mark.django_db
def test_a_bad_file_is_refused_whole_naming_line_column_and_why(tmp_path):
    PoliceForce.objects.filter(slug="kent").update(name="Kent (old name)")
    path = write(
        tmp_path,
        f"E07000115,Tonbridge and Malling,E22000148,Tonbridge and Malling,{KENT}",  # good
        f"E0700011,Malling,E22000148,Tonbridge and Malling,{KENT}",
        f"E07000112,,E22000145,Shepway,{KENT}",
        "E07000113,Swale,E22000146,Swale,E23000032,Kent,Kent Police,Kent Police",
        f"E07000114,Thanet,E22000147,Thanet,{KENT},extra",
        "E07000116,Tunbridge Wells,E22000149,Tunbridge Wells,E23000033,Sussex,kent,Sussex Police",
        f"E07000115,Tonbridge and Malling,E22000148,Tonbridge and Malling,{KENT}",
    )
    with pytest.raises(CommandError) as refused:
        call_command("reference_install", str(path))
    assert str(refused.value).splitlines() == [
        "Nothing installed.",
        "lookup.csv, line 3, column LAD23CD: 'E0700011' is not an ONS district code (E06, E07, E08, E09 or W06 "
        "and 6 digits).",
        "lookup.csv, line 4, column LAD23NM: is empty.",
        "lookup.csv, line 5, column force_slug: 'Kent Police' is not a police.uk force id (lower-case words and "
        "hyphens).",
        "lookup.csv, line 6: 9 cells, expected 8.",
        "lookup.csv, line 7, column force_slug: 'kent' is already the force of E23000032.",
        "lookup.csv, line 8, column CSP23CD: E07000115 and E22000148 are listed twice.",
    ]
    assert PoliceForce.objects.get(slug="kent").name == "Kent (old name)"
    assert not AuditEvent.objects.filter(purpose="reference_install").exists()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "lookup.csv, line 1: the columns must be"),
        (b"LAD23CD,LAD23NM\n", "lookup.csv, line 1: the columns must be"),
        (",".join(COLUMNS).encode() + b"\n", "lookup.csv: holds no rows."),
        (b"\xff\xfe", "lookup.csv: is not UTF-8 text (byte 1)."),
    ],
)
def test_files_that_are_not_lookups(tmp_path, content, why):
    path = tmp_path / "lookup.csv"
    path.write_bytes(content)
    with pytest.raises(LookupRefused) as refused:
        read_lookup(path)
    assert str(refused.value).startswith(why)


def test_a_missing_or_huge_file_is_refused(tmp_path):
    with pytest.raises(LookupRefused, match=r"^nothing.csv: cannot be read"):
        read_lookup(tmp_path / "nothing.csv")
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"x" * 1_000_001)
    with pytest.raises(LookupRefused, match=r"^huge.csv: 1,000,001 bytes is more than"):
        read_lookup(huge)


@pytest.mark.django_db
def test_a_newer_file_updates_in_place_and_adds(tmp_path, capsys):
    kent = PoliceForce.objects.get(slug="kent")
    tm = District.objects.get(code="E07000115")
    path = write(
        tmp_path,
        "E07000115,Tonbridge and Malling,E22000999,West Kent,E23000032,Kent,kent,Kent Police Service",
        "E07000999,Newtown,E22000999,West Kent,E23000032,Kent,kent,Kent Police Service",
    )
    call_command("reference_install", str(path))
    out = capsys.readouterr().out
    assert out.startswith(
        "Installed lookup.csv: 1 forces, 2 districts, 1 CSP areas (0 forces created, 1 forces"
    )
    assert "1 areas created" in out and "1 districts created, 1 districts updated" in out
    kent.refresh_from_db()
    assert kent.name == "Kent Police Service" and kent.pfa_code == "E23000032"
    assert [a.name for a in tm.csp_areas.all()] == ["West Kent"]
    assert District.objects.get(code="E07000999").police_force == kent
    assert District.objects.count() == 319  # nothing deleted
    event = AuditEvent.objects.get(purpose="reference_install")
    assert re.search(r'"districts created": 1', event.detail)


@pytest.mark.django_db
def test_the_shipped_file_again_changes_nothing_and_dry_run_rolls_back(tmp_path, capsys):
    call_command("reference_install")
    assert (
        "0 forces created, 0 forces updated, 0 areas created, 0 areas updated, 0 districts created, 0 "
        in (capsys.readouterr().out)
    )
    District.objects.filter(code="W06000015").update(name="Caerdydd")
    call_command("reference_install", "--dry-run")
    assert "Would install" in capsys.readouterr().out
    assert District.objects.get(code="W06000015").name == "Caerdydd"
    call_command("reference_install")
    assert District.objects.get(code="W06000015").name == "Cardiff"


@pytest.mark.django_db
def test_a_district_holding_another_districts_name_is_refused(tmp_path):
    District.objects.create(code="E07009999", name="Odd one")
    path = write(
        tmp_path, "W06000015,Odd one,W14000015,Cardiff,W15000003,South Wales,south-wales,South Wales Police"
    )
    with pytest.raises(
        CommandError, match="Nothing was installed: the district Odd one .E07009999. holds the name"
    ):
        call_command("reference_install", str(path))
    assert District.objects.get(code="W06000015").name == "Cardiff"


@pytest.mark.django_db
def test_a_force_id_held_by_another_force_row_is_refused_and_nothing_changes(tmp_path):
    PoliceForce.objects.create(slug="kentish", name="Another row")
    path = write(
        tmp_path, "E07000115,Renamed,E22000148,Tonbridge and Malling,E23000032,Kent,kentish,Kent Police"
    )
    with pytest.raises(CommandError, match="Nothing was installed: an existing row stands in the way"):
        call_command("reference_install", str(path))
    assert PoliceForce.objects.get(pfa_code="E23000032").slug == "kent"
    assert District.objects.get(code="E07000115").name == "Tonbridge and Malling"
