"""Bad action plan files are refused with a sentence saying where and why, never a crash, and
leave the database unchanged: control characters, mixed encodings, malformed and oversized
workbooks, damaged zip members; plus the update form's figures and the first-update race."""

import base64
import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.errors import ConflictError
from planning import services
from planning.action_io import COLUMNS
from planning.action_io.reader import TableReadError, read_csv, read_table, read_xlsx
from planning.models import Action, Update
from planning.services import updates as update_service
from planning.views.io import SESSION_KEY
from tests.planning.xlsx_helpers import (
    SHEET,
    bad_crc,
    chart_sheet_only,
    huge_shared_string,
    sheet_xml,
    with_member,
    workbook,
)

HEADER = ",".join(COLUMNS) + "\r\n"
KW = {"partnership": "test-csp", "year": "2020-21"}
GOOD_ROW = ["Violent crime", "Patrol the high street", "TBC", "", ""]


def _csv_rows(count: int, bad_row: int, bad_text: str) -> bytes:
    lines = [HEADER]
    for number in range(2, count + 1):
        action = bad_text if number == bad_row else f"Action {number}"
        lines.append(f"Violent crime,{action},TBC,,\r\n")
    return "".join(lines).encode()


BILLION_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
)
XXE = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
FAR_CELL = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


@functools.cache
def bad_workbooks() -> dict[str, tuple[bytes, str]]:
    good = workbook([GOOD_ROW])
    return {
        "malformed sheet XML": (with_member(good, SHEET, b"<worksheet><sheetData><row"), "cannot be"),
        "billion laughs": (
            with_member(good, SHEET, sheet_xml(b"<sheetData/>", BILLION_LAUGHS)),
            "declares a document type",
        ),
        "external entity": (with_member(good, SHEET, sheet_xml(b"<sheetData/>", XXE)), "declares a document"),
        "chart sheet only": (chart_sheet_only(), "no worksheet"),
        "cell at XFD1048576": (
            with_member(
                good,
                SHEET,
                sheet_xml(b'<dimension ref="A1:XFD1048576"/><sheetData>' + FAR_CELL + b"</sheetData>"),
            ),
            "at most 50 columns",
        ),
        "64 MB cell in a small file": (huge_shared_string(64), "compresses more than 100 times"),
        "member CRC wrong": (bad_crc(good), "is damaged"),
        "not a zip": (b"PK\x03\x04" + b"\x00" * 200, "not a readable zip"),
    }


@pytest.mark.parametrize("case", list(bad_workbooks()))
def test_bad_workbooks_are_refused_with_a_sentence(case):
    data, expected = bad_workbooks()[case]
    with pytest.raises(TableReadError, match=expected):
        read_xlsx(data)


def test_a_cell_far_down_is_refused_by_row_count():
    far_row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    data = with_member(workbook([]), SHEET, sheet_xml(b"<sheetData>" + far_row + b"</sheetData>"))
    with pytest.raises(
        TableReadError, match="Row 1048576 has values, but the file can have at most 5,000 rows"
    ):
        read_xlsx(data)


def test_unpacked_size_is_bounded(settings):
    settings.XLSX_MAX_UNCOMPRESSED_BYTES = 20_000
    with pytest.raises(TableReadError, match="larger than 20,000 bytes when unpacked"):
        read_xlsx(workbook([GOOD_ROW] * 200))


def test_control_characters_in_cells_name_row_and_column():
    table = read_csv(_csv_rows(210, 202, "Patrol\x00 the park"))
    assert [str(p) for p in table.problems] == [
        "Row 202, column Action: contains a NUL character (byte 0) at character 7; remove it."
    ]
    # XML cannot hold control characters: a workbook whose cell refers to one is malformed
    xlsx = with_member(
        workbook([]),
        SHEET,
        sheet_xml(
            b'<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>a&#x1b;b</t></is></c></row></sheetData>'
        ),
    )
    with pytest.raises(TableReadError, match="invalid character"):
        read_xlsx(xlsx)


def test_limits_on_rows_columns_cells_and_size(settings):
    settings.IMPORT_MAX_ROWS = 3
    with pytest.raises(TableReadError, match="Row 4 has values, but the file can have at most 3 rows"):
        read_csv(_csv_rows(6, 0, ""))
    settings.IMPORT_MAX_COLUMNS = 4
    with pytest.raises(TableReadError, match="Row 1 has 5 columns; the file can have at most 4"):
        read_csv(HEADER.encode())
    settings.IMPORT_MAX_CELL_CHARS = 10
    table = read_csv(b"a,b\r\n" + b"x" * 11 + b",y\r\n")
    assert [str(p) for p in table.problems] == [
        "Row 2, column a: is 11 characters long; a cell can have at most 10."
    ]
    settings.IMPORT_MAX_FILE_BYTES = 100
    with pytest.raises(TableReadError, match="at most 100"):
        read_csv(b"x" * 101)


def test_mixed_encoding_is_refused_not_stored_as_mojibake():
    data = (
        HEADER.encode() + "Violent crime,Café réunion,TBC,,\r\n".encode() + b"Violent crime,Caf\xe9,TBC,,\r\n"
    )
    problems = [str(p) for p in read_table(data).problems]
    assert len(problems) == 1 and 'Row 3, column 2 ("Action")' in problems[0] and "0xE9" in problems[0]


@pytest.mark.django_db
def test_command_refuses_with_the_sentence_and_saves_nothing(world, tmp_path):
    before = Action.objects.count()
    path = tmp_path / "plan.csv"
    path.write_bytes(_csv_rows(210, 202, "Patrol\x00 the park"))
    with pytest.raises(CommandError) as info:
        call_command("import_actions", "test-csp", "2020-21", str(path))
    assert f"{path}: Row 202, column Action: contains a NUL character" in str(info.value)
    for data, _ in bad_workbooks().values():
        path = tmp_path / "plan.xlsx"
        path.write_bytes(data)
        with pytest.raises(CommandError, match=str(path).replace(".", r"\.")):
            call_command("import_actions", "test-csp", "2020-21", str(path))
    assert Action.objects.count() == before


@pytest.mark.django_db
def test_web_upload_and_confirm_never_give_a_server_error(client, world):
    client.force_login(world.coordinator)
    before = Action.objects.count()
    uploads = {name: data for name, (data, _) in bad_workbooks().items()}
    uploads["nul in row 202"] = _csv_rows(210, 202, "Patrol\x00 the park")
    uploads["stray byte"] = HEADER.encode() + "Violent crime,Café,TBC,,\r\n".encode() + b"x,\xff,TBC,,\r\n"
    for name, data in uploads.items():
        upload = SimpleUploadedFile("plan.xlsx" if data.startswith(b"PK") else "plan.csv", data)
        response = client.post(reverse("planning_io:import", kwargs=KW), {"file": upload})
        assert response.status_code == 200, name
        assert "govuk-error-summary" in response.content.decode(), name
    # a file that reached the confirm step some other way is checked again there
    session = client.session
    session[SESSION_KEY] = {
        "plan_year": world.plan_year.pk,
        "data": base64.b64encode(uploads["nul in row 202"]).decode(),
        "period": None,
        "replace": False,
        "name": "plan.csv",
    }
    session.save()
    response = client.post(reverse("planning_io:import_confirm", kwargs=KW))
    assert response.status_code == 200 and "Row 202, column Action" in response.content.decode()
    assert Action.objects.count() == before


@pytest.mark.django_db
def test_update_figure_too_large_is_a_field_error(client, world):
    client.force_login(world.lead_officer)
    url = reverse("planning:action_update", kwargs={**KW, "pk": world.action.pk})
    data = {"narrative": "Met.", "status": "", "version": 0, "figures_shown": "on"}
    data |= {"figure_name_1": "People", "figure_value_1": "12345678901234567890", "figure_unit_1": ""}
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and "Figure 1 must be a number between" in page
    data["figure_value_1"] = "a" * 35 + " 5"
    assert "at most 30" in client.post(url, data).content.decode()
    assert not Update.objects.filter(action=world.action).exists()


@pytest.mark.django_db
def test_first_update_race_gives_conflict_not_integrity_error(client, world, monkeypatch):
    """The other save lands between our check for an existing update and our insert."""
    winner = services.action_update_record(
        action=world.action, actor=world.coordinator, narrative="First", status=None
    )
    monkeypatch.setattr(update_service.Update.objects, "select_for_update", lambda: Update.objects.none())
    with pytest.raises(ConflictError) as info:
        services.action_update_record(
            action=world.action, actor=world.lead_officer, narrative="Second", status=None
        )
    assert info.value.current == winner
    client.force_login(world.lead_officer)
    url = reverse("planning:action_update", kwargs={**KW, "pk": world.action.pk})
    response = client.post(url, {"narrative": "Second", "status": "", "version": 0})
    assert response.status_code == 200 and "Someone else saved" in response.content.decode()
    assert Update.objects.get(action=world.action).narrative == "First"
