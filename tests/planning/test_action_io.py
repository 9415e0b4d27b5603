"""Action plan import and export: files, commands and every way a file can be wrong."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from planning.action_io import (
    COLUMNS,
    EXPORT_COLUMNS,
    ActionImportError,
    ImportProblem,
    action_plan_csv,
    action_plan_import,
    action_plan_rows,
    action_plan_validate,
    action_plan_xlsx,
)
from planning.action_io.common import unguard
from planning.action_io.importer import _ranges
from planning.models import Action, ActionOwner, Update
from planning.selectors import action_owner_names
from tests.factories import ActionFactory, PlanYearFactory, UpdateFactory

HEADER = "Priority,Action,Owner/lead agency,Update,Status\r\n"


def _csv(*rows: list[str], header: str = HEADER) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return (header + buffer.getvalue()).encode("utf-8")


def _problems(plan_year, data: bytes, period: str | None = None) -> list[str]:
    return [str(p) for p in action_plan_validate(plan_year, data, period).problems]


def _without_ref(rows: list[list[str]]) -> list[list[str]]:
    return [row[1:] for row in rows]


def _drop_ref(data: bytes) -> bytes:
    """The file with its Ref column deleted (how another year's export is copied into a year)."""
    if data.startswith(b"PK"):
        book = load_workbook(io.BytesIO(data))
        book.active.delete_cols(1)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(row[1:] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _import(world, data: bytes, **kwargs):
    return action_plan_import(plan_year=world.plan_year, data=data, actor=world.coordinator, **kwargs)


# Pure rules ------------------------------------------------------------------------------------


def test_problem_text_names_row_and_column():
    assert str(ImportProblem("is blank.", row=4, column="Action")) == "Row 4, column Action: is blank."
    assert str(ImportProblem("The file is empty.")) == "The file is empty."


def test_unguard_reverses_the_export_guard_only():
    assert unguard("'=SUM(A1)") == "=SUM(A1)"
    assert unguard("'quoted'") == "'quoted'"
    assert unguard("plain") == "plain"


def test_row_ranges():
    assert _ranges([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10"
    assert _ranges([5]) == "5"


# Export ----------------------------------------------------------------------------------------


@pytest.fixture
def rich_plan(world):
    """The world's action gets a second owner under another name, and a Q1 update with a status."""
    ActionOwner.objects.create(
        action=world.action, organisation=world.other_organisation, order=2, name_as_written="TP"
    )
    UpdateFactory(
        action=world.action, narrative="Met twice.", status=world.partnership.statuses.get(name="On track")
    )
    return world


def test_export_rows_use_latest_update_status_and_written_names(rich_plan):
    assert action_plan_rows(rich_plan.plan_year) == [
        [
            str(rich_plan.action.pk),
            "Violent crime",
            "",  # no approach
            "Hold a monthly meeting",
            "Test Borough Council; TP",
            "",  # no target
            "",  # no due date
            "Met twice.",
            "On track",
        ]
    ]


def test_export_marks_example_updates(world):
    UpdateFactory(action=world.action, narrative="Made up.", is_example=True)
    assert action_plan_rows(world.plan_year)[0][EXPORT_COLUMNS.index("Update")] == "[Example data] Made up."


def test_formula_looking_cells_are_exported_as_text(world):
    ActionFactory(priority=world.priority, text='=HYPERLINK("http://evil","x")', owners=[world.organisation])
    ActionFactory(priority=world.priority, text="+44 1732", owners=[world.organisation])
    ActionFactory(priority=world.priority, text="@SUM(1)", owners=[world.organisation])
    texts = {'=HYPERLINK("http://evil","x")', "+44 1732", "@SUM(1)"}
    rows = list(csv.reader(io.StringIO(action_plan_csv(world.plan_year).decode("utf-8-sig"))))
    assert rows[0] == list(EXPORT_COLUMNS)
    assert EXPORT_COLUMNS == (
        "Ref",
        "Priority",
        "Approach",
        "Action",
        "Owner/lead agency",
        "Target",
        "Due date",
        "Update",
        "Status",
    )
    exported = {row[EXPORT_COLUMNS.index("Action")] for row in rows[1:]}
    assert {"'" + text for text in texts} <= exported
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    sheet = load_workbook(io.BytesIO(action_plan_xlsx(world.plan_year))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
    assert {"'" + text for text in texts} <= {cell.value for cell in cells}


def test_csv_has_bom_and_keeps_non_ascii(world):
    world.priority.title = "Domestic Abuse – including stalking"
    world.priority.save()
    data = action_plan_csv(world.plan_year)
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Domestic Abuse – including stalking" in data.decode("utf-8-sig")


# Import: success -------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", [action_plan_csv, action_plan_xlsx])
def test_round_trip_into_another_year(rich_plan, writer):
    world = rich_plan
    ActionFactory(priority=world.priority, text="=1+1 is not a formula", owners=[world.other_organisation])
    data = _drop_ref(writer(world.plan_year))
    next_year = PlanYearFactory(partnership=world.partnership, slug="2021-22")
    result = action_plan_import(plan_year=next_year, data=data, actor=world.coordinator, period_code="Q1")
    assert (result.actions, result.updates, result.priorities_created) == (2, 1, 1)
    assert _without_ref(action_plan_rows(next_year)) == _without_ref(action_plan_rows(world.plan_year))
    update = Update.objects.get(action__plan_year=next_year)
    assert (update.period.code, update.author) == ("Q1", world.coordinator)


def test_priorities_matched_ignoring_case_and_created_when_new(world):
    data = _csv(
        ["VIOLENT CRIME", "New action", "TBC", "", ""], ["Hate crime", "Another", "Test Police", "", ""]
    )
    result = _import(world, data)
    assert result.priorities_created == 1
    assert world.plan_year.priorities.count() == 2
    assert world.priority.actions.filter(text="New action").exists()
    assert world.plan_year.actions.count() == 3


def test_owner_names_and_separator(world):
    data = _csv(["Violent crime", "Joint work", "tbc; Test Police;", "", ""])
    _import(world, data)
    action = world.plan_year.actions.get(text="Joint work")
    assert action_owner_names(action) == ["tbc", "Test Police"]
    assert [o.organisation for o in action.owners.all()] == [world.organisation, world.other_organisation]


def test_status_matched_ignoring_case(world):
    _import(world, _csv(["Violent crime", "Counted", "TBC", "", "on TRACK"]), period_code="Q2")
    update = Update.objects.get(action__text="Counted")
    assert (update.status.name, update.period.code, update.narrative) == ("On track", "Q2", "")


def test_replace_removes_the_years_actions_first(world):
    result = _import(world, _csv(["Violent crime", "Only this", "TBC", "", ""]), replace=True)
    assert result.removed == 1
    assert list(world.plan_year.actions.values_list("text", flat=True)) == ["Only this"]
    assert Action.history.filter(history_type="-", history_user=world.coordinator).count() == 1


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("cp1252", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")]
)
def test_reads_windows_1252_and_utf8_with_or_without_bom(world, encoding, prefix):
    text = HEADER + "Violent crime,Open a café – weekly,TBC,,\r\n"
    checked = action_plan_validate(world.plan_year, prefix + text.encode(encoding))
    assert not checked.problems
    assert checked.rows[0].action == "Open a café – weekly"


def test_blank_lines_are_skipped(world):
    data = _csv(
        ["Violent crime", "One", "TBC", "", ""], ["", "", "", "", ""], ["Violent crime", "Two", "TBC", "", ""]
    )
    assert [r.row for r in action_plan_validate(world.plan_year, data).rows] == [2, 4]


# Import: every error ---------------------------------------------------------------------------


def test_unknown_owner_lists_the_known_names(world):
    problems = _problems(world.plan_year, _csv(["Violent crime", "X", "TBC; Nobody Ltd", "", ""]))
    assert len(problems) == 1
    assert problems[0].startswith(
        "Row 2, column Owner/lead agency: no organisation is known as 'Nobody Ltd'."
    )
    for name in ("Test Borough Council", "TBC", "Test Police", "TP"):
        assert name in problems[0]
    assert "Other Community" not in problems[0]


def test_unknown_status(world):
    problems = _problems(world.plan_year, _csv(["Violent crime", "X", "TBC", "", "Green"]), "Q1")
    assert problems == [
        "Row 2, column Status: 'Green' is not in the partnership's list of statuses: Not started, On track, "
        "At risk, Off track, Completed, Ongoing, Not progressed."
    ]


def test_update_without_period(world):
    data = _csv(
        ["Violent crime", "A", "TBC", "Done", ""],
        ["Violent crime", "B", "TBC", "", ""],
        ["Violent crime", "C", "TBC", "", "On track"],
    )
    problems = _problems(world.plan_year, data)
    assert len(problems) == 1
    assert "Rows 2, 4 have an Update or Status" in problems[0] and "--period" in problems[0]


def test_blank_cells_every_bad_row_reported_with_row_numbers(world):
    data = _csv(
        ["Violent crime", "", "TBC", "", ""],
        ["", "No priority", "TBC", "", ""],
        ["Violent crime", "Fine", "TBC", "", ""],
        [
            "Violent crime",
            "No owner yet",
            " ; ",
            "",
            "",
        ],  # a blank owner cell: lead to be confirmed (issue 9)
    )
    assert _problems(world.plan_year, data) == [
        "Row 2, column Action: is blank: write the action's text.",
        "Row 3, column Priority: is blank: every action needs a priority.",
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Priority,Action,Owner/lead agency,Update\r\n", ["the header row has no 'Status' column"]),
        (
            "Priority,Action,Owner,Update,Status\r\n",
            ["heading 'Owner' (column 3) is not one of", "has no 'Owner/lead agency' column"],
        ),
        ("Priority,Action,Owner/lead agency,Update,Status,Notes\r\n", ["heading 'Notes' (column 6)"]),
        ("Priority,Action,Action,Owner/lead agency,Update,Status\r\n", ["heading 'Action' appears twice"]),
    ],
)
def test_bad_header(world, header, expected):
    problems = _problems(world.plan_year, _csv(["a", "b", "c", "d", "e"], header=header))
    assert len(problems) == len(expected)
    for problem, text in zip(problems, expected, strict=True):
        assert problem.startswith("Row 1: ") and text in problem


def test_header_is_matched_ignoring_case_spaces_and_order(world):
    header = " status ,PRIORITY,Action,owner/lead  agency,Update\r\n"
    checked = action_plan_validate(world.plan_year, (header + ",Violent crime,X,TBC,\r\n").encode())
    assert not checked.problems and checked.rows[0].owners[0][0] == world.organisation


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xff\xfeP\x00r\x00", "looks like UTF-16"),
        (HEADER.encode() + b"Violent crime,Caf\x81,TBC,,\r\n", "neither UTF-8 nor Windows-1252"),
        (b"", "The file is empty"),
        (HEADER.encode(), "no actions"),
        (b"PK\x03\x04not really a zip", "cannot be opened"),
    ],
)
def test_unreadable_files(world, data, text):
    problems = _problems(world.plan_year, data)
    assert len(problems) == 1 and text in problems[0]


def test_cells_beyond_the_headings(world):
    problems = _problems(world.plan_year, _csv(["Violent crime", "X", "TBC", "", "", "stray"]))
    assert problems == ["Row 2: has a value in column 6, which has no heading."]


def test_formula_in_an_uploaded_workbook(world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(["Violent crime", "=A1", "TBC", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _problems(world.plan_year, buffer.getvalue()) == [
        "Row 2, column Action: is a formula; type the text itself instead."
    ]


def test_nothing_saved_when_any_row_is_bad(world):
    UpdateFactory(action=world.action)
    data = _csv(["Violent crime", "Good", "TBC", "", ""], ["New priority", "Bad", "Nobody", "", ""])
    with pytest.raises(ActionImportError) as raised:
        _import(world, data)
    assert "1 problem" in str(raised.value)
    assert list(world.plan_year.actions.values_list("text", flat=True)) == ["Hold a monthly meeting"]
    assert world.plan_year.priorities.count() == 1
    assert Update.objects.count() == 1


def test_only_coordinators_import_through_the_service(world):
    from core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        action_plan_import(plan_year=world.plan_year, data=_csv(), actor=world.lead_officer)


# Commands --------------------------------------------------------------------------------------


def test_commands_round_trip_updates_in_place(rich_plan, tmp_path):
    world = rich_plan
    target = tmp_path / "plan.xlsx"
    out = StringIO()
    call_command(
        "export_actions", "test-csp", "2020-21", "--format", "xlsx", "--output", str(target), stdout=out
    )
    assert "Wrote 1 actions" in out.getvalue()
    before = action_plan_rows(world.plan_year)
    args = ["import_actions", "test-csp", "2020-21", str(target), "--period", "Q1", "--as", "coord"]
    call_command(*args, stdout=(out := StringIO()))
    assert "0 updated, 0 added, 1 unchanged" in out.getvalue()
    assert action_plan_rows(world.plan_year) == before
    with pytest.raises(CommandError) as raised:
        call_command(*args, "--replace")
    assert "2020/21's actions have 1 update: replacing the actions would delete them" in str(raised.value)
    assert action_plan_rows(world.plan_year) == before and Update.objects.count() == 1


def test_export_csv_to_stdout(world):
    out = StringIO()
    call_command("export_actions", "test-csp", "2020-21", stdout=out)
    assert out.getvalue().splitlines()[0] == ",".join(EXPORT_COLUMNS)


def test_import_command_reports_every_problem_with_file_name(world, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(
        _csv(["Violent crime", "", "TBC", "", ""], ["Violent crime", "X", "Nobody", "", "Green"])
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_actions", "test-csp", "2020-21", str(path), "--period", "Q1")
    message = str(raised.value)
    assert f"{path}: The file has 3 problems; nothing was imported." in message
    assert f"{path}: Row 2, column Action: is blank" in message
    assert f"{path}: Row 3, column Owner/lead agency: no organisation is known as 'Nobody'" in message
    assert f"{path}: Row 3, column Status: 'Green'" in message
    assert world.plan_year.actions.count() == 1


def test_import_command_needs_period_for_updates(world, tmp_path):
    path = tmp_path / "updates.csv"
    path.write_bytes(_csv(["Violent crime", "X", "TBC", "Progress", ""]))
    with pytest.raises(CommandError, match="Row 2 has an Update or Status"):
        call_command("import_actions", "test-csp", "2020-21", str(path))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nowhere", "2020-21"],
            "There is no partnership 'nowhere' you can use. Partnerships: other-csp, test-csp.",
        ),
        (
            ["test-csp", "2031-32"],
            "has no plan year '2031-32'. Its plan years: 2020-21 (use the form 2020-21).",
        ),
    ],
)
def test_commands_unknown_partnership_or_year(world, tmp_path, args, message):
    path = tmp_path / "plan.csv"
    path.write_bytes(_csv(["Violent crime", "X", "TBC", "", ""]))
    with pytest.raises(
        CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
    ):
        call_command("export_actions", *args, "--output", str(tmp_path / "out.csv"))
    with pytest.raises(
        CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
    ):
        call_command("import_actions", *args, str(path))


def test_import_command_missing_file_and_unknown_actor(world, tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("import_actions", "test-csp", "2020-21", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="no user called 'ghost'"):
        call_command("import_actions", "test-csp", "2020-21", str(tmp_path / "missing.csv"), "--as", "ghost")


def test_export_xlsx_needs_a_file(world):
    with pytest.raises(CommandError, match="--output FILE is needed"):
        call_command("export_actions", "test-csp", "2020-21", "--format", "xlsx")


def test_demo_plan_round_trips_with_the_seed_wording(db, tmp_path):
    from core.actors import system_user
    from demo.partnership import demo_load
    from planning.services import plan_year_create

    partnership = demo_load(actor=system_user(), with_users=False).partnership
    year_19 = partnership.plan_years.get(slug="2019-20")
    rows = _without_ref(action_plan_rows(year_19))
    update, status = EXPORT_COLUMNS.index("Update") - 1, EXPORT_COLUMNS.index("Status") - 1
    assert len(rows) == 26 and all(row[update] and not row[status] for row in rows)
    action, owner = EXPORT_COLUMNS.index("Action"), EXPORT_COLUMNS.index("Owner/lead agency")
    owners = {row[action]: row[owner] for row in action_plan_rows(partnership.plan_years.get(slug="2020-21"))}
    assert owners["Establish a Cyber-Stalking Café in Tonbridge"] == "Look Ahead"
    assert owners["Raise awareness of domestic abuse with partners, staff and the public"] == "TMBC; CCG"
    path = tmp_path / "review.csv"
    path.write_bytes(_drop_ref(action_plan_csv(year_19)))
    plan_year_create(partnership=partnership, slug="2018-19", actor=system_user())
    call_command(
        "import_actions", "tonbridge-malling", "2018-19", str(path), "--period", "year-end", stdout=StringIO()
    )
    assert _without_ref(action_plan_rows(partnership.plan_years.get(slug="2018-19"))) == rows
