"""The spreadsheet round trip: export a year, fill Update and Status, import it back (issue 8, defect 3)."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.actors import system_user
from demo.partnership import demo_load
from planning.action_io import COLUMNS, EXPORT_COLUMNS, ActionImportError, action_plan_csv, action_plan_import
from planning.models import Action, Update
from planning.selectors import action_owner_names
from tests.factories import ActionFactory, UpdateFactory

STATUS_NAMES = ("On track", "at risk", "COMPLETED")  # matched ignoring case
OLD_COLUMNS = ("Ref", *COLUMNS)  # files exported before issue 9 (no Approach, Target, Due date) still import
UPDATE, STATUS = EXPORT_COLUMNS.index("Update"), EXPORT_COLUMNS.index("Status")


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _write(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _filled(data: bytes) -> bytes:
    """The export with Update and Status filled in on every row, as a coordinator would."""
    rows = _rows(data)
    for index, row in enumerate(rows[1:]):
        row[UPDATE] = f"Quarter one progress on action {row[0]}."
        row[STATUS] = STATUS_NAMES[index % len(STATUS_NAMES)]
    return _write(rows)


@pytest.fixture
def demo_year(db):
    partnership = demo_load(actor=system_user(), with_users=False).partnership
    return partnership.plan_years.get(slug="2020-21")


def _import_command(path, *extra: str) -> str:
    out = StringIO()
    call_command(
        "import_actions", "tonbridge-malling", "2020-21", str(path), "--period", "Q1", *extra, stdout=out
    )
    return out.getvalue()


def test_demo_export_filled_and_imported_twice_updates_in_place(demo_year, tmp_path):
    export = action_plan_csv(demo_year)
    header, *rows = _rows(export)
    assert header == list(EXPORT_COLUMNS) and header[0] == "Ref" and len(rows) == 30
    assert {int(row[0]) for row in rows} == set(demo_year.actions.values_list("pk", flat=True))
    path = tmp_path / "filled.csv"
    path.write_bytes(_filled(export))

    first = _import_command(path)
    assert "30 updated, 0 added, 0 unchanged" in first
    assert demo_year.actions.count() == 30
    updates = Update.objects.filter(action__plan_year=demo_year)
    assert updates.count() == 30 and set(updates.values_list("period__code", flat=True)) == {"Q1"}
    action = demo_year.actions.order_by("pk").first()
    update = action.updates.get()
    assert update.narrative == f"Quarter one progress on action {action.pk}."
    assert update.status.name in {"On track", "At risk", "Completed"}
    assert update.history.count() == 1  # recorded through the update service, with history

    second = _import_command(path)
    assert "0 updated, 0 added, 30 unchanged" in second
    assert demo_year.actions.count() == 30 and updates.count() == 30
    assert update.history.count() == 1


def test_changed_update_makes_a_new_version_with_history(demo_year, tmp_path):
    path = tmp_path / "filled.csv"
    path.write_bytes(_filled(action_plan_csv(demo_year)))
    _import_command(path)
    rows = _rows(path.read_bytes())
    rows[3][UPDATE] = "Revised after the meeting."
    path.write_bytes(_write(rows))
    assert "1 updated, 0 added, 29 unchanged" in _import_command(path)
    update = Update.objects.get(action_id=int(rows[3][0]))
    assert (update.narrative, update.version, update.history.count()) == ("Revised after the meeting.", 2, 2)


def test_blank_ref_adds_and_bad_ref_is_refused_naming_the_row(demo_year, tmp_path):
    rows = _rows(action_plan_csv(demo_year))
    rows.append(["", rows[1][1], "", "A brand new action", "TMBC", "", "", "", ""])
    path = tmp_path / "plan.csv"
    path.write_bytes(_write(rows))
    assert "0 updated, 1 added, 30 unchanged" in _import_command(path)
    assert demo_year.actions.count() == 31

    other_year = demo_year.partnership.plan_years.get(slug="2019-20").actions.first()
    rows[5][0] = str(other_year.pk)
    rows[7][0] = "seven"
    rows[9][0] = rows[2][0]
    path.write_bytes(_write(rows))
    with pytest.raises(CommandError) as raised:
        _import_command(path)
    message = str(raised.value)
    assert f"Row 6, column Ref: there is no action {other_year.pk} in 2020/21" in message
    assert "Row 8, column Ref: 'seven' is not a Ref" in message
    assert f"Row 10, column Ref: action {rows[2][0]} is already on row 3" in message
    assert demo_year.actions.count() == 31 and not Update.objects.filter(action__plan_year=demo_year).exists()


def test_a_bad_ref_stops_the_whole_file(world):
    """All or nothing: the good rows before a bad Ref are not written either."""
    data = _write(
        [
            list(OLD_COLUMNS),
            [str(world.action.pk), "Violent crime", "Hold a monthly meeting", "TBC", "Met.", "On track"],
            ["", "Violent crime", "Another", "TBC", "", ""],
            ["999999", "Violent crime", "Ghost", "TBC", "", ""],
        ]
    )
    with pytest.raises(ActionImportError) as raised:
        action_plan_import(plan_year=world.plan_year, data=data, actor=world.coordinator, period_code="Q1")
    assert [p.row for p in raised.value.problems] == [4]
    assert world.plan_year.actions.count() == 1 and not Update.objects.exists()


def _ref_file(world, text: str, owners: str, priority: str = "Violent crime") -> bytes:
    return _write([list(OLD_COLUMNS), [str(world.action.pk), priority, text, owners, "", ""]])


def test_changed_titles_and_owners_only_when_asked(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(_ref_file(world, "Hold a fortnightly meeting", "TBC; Test Police"))
    args = ["import_actions", "test-csp", "2020-21", str(path)]
    call_command(*args, stdout=(out := StringIO()))
    text = out.getvalue()
    assert "0 updated, 0 added, 1 unchanged" in text
    assert "Row 2, column Action: differs from action" in text and "pass --apply-changes" in text
    assert "Row 2, column Owner/lead agency: differs from action" in text
    world.action.refresh_from_db()
    assert (world.action.text, world.action.version) == ("Hold a monthly meeting", 1)

    call_command(*args, "--apply-changes", "--as", "coord", stdout=(out := StringIO()))
    assert "1 updated, 0 added, 0 unchanged" in out.getvalue()
    action = Action.objects.get(pk=world.action.pk)
    assert action.text == "Hold a fortnightly meeting" and action_owner_names(action) == [
        "TBC",
        "Test Police",
    ]
    assert action.history.first().history_user == world.coordinator
    assert Action.objects.count() == 1


def test_a_different_priority_is_reported_and_never_applied(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(
        _ref_file(world, "Hold a monthly meeting", "Test Borough Council", priority="Hate crime")
    )
    call_command(
        "import_actions", "test-csp", "2020-21", str(path), "--apply-changes", stdout=(out := StringIO())
    )
    assert "0 updated, 0 added, 1 unchanged" in out.getvalue()
    assert "Row 2, column Priority: “Hate crime” differs from action" in out.getvalue()
    world.action.refresh_from_db()
    assert world.action.priority == world.priority and world.plan_year.priorities.count() == 1


def test_replace_refused_when_any_update_exists(world, tmp_path):
    ActionFactory(priority=world.priority, text="Second", owners=[world.organisation])
    UpdateFactory(action=world.action)
    path = tmp_path / "plan.csv"
    path.write_bytes(_write([list(OLD_COLUMNS), ["", "Violent crime", "Only this", "TBC", "", ""]]))
    with pytest.raises(CommandError, match="an import never deletes updates or history"):
        call_command("import_actions", "test-csp", "2020-21", str(path), "--replace")
    assert world.plan_year.actions.count() == 2 and Update.objects.count() == 1


def test_file_without_ref_column_adds_every_row_and_says_so(world, tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(_write([list(COLUMNS), ["Violent crime", "Hold a monthly meeting", "TBC", "", ""]]))
    call_command("import_actions", "test-csp", "2020-21", str(path), stdout=(out := StringIO()))
    assert "0 updated, 1 added, 0 unchanged" in out.getvalue()
    assert "has no Ref column" in out.getvalue()
    assert world.plan_year.actions.count() == 2


def test_update_recorded_since_the_check_is_not_overwritten(world):
    """The update service's conflict rule applies: an update made meanwhile stops the import."""
    from planning import services
    from planning.action_io import action_plan_validate

    data = _write(
        [
            list(OLD_COLUMNS),
            [str(world.action.pk), "Violent crime", "Hold a monthly meeting", "TBC", "Mine", ""],
        ]
    )
    checked = action_plan_validate(world.plan_year, data, "Q1")
    assert checked.summary() == "1 updated, 0 added, 0 unchanged"
    services.action_update_record(
        action=world.action, actor=world.coordinator, narrative="Theirs", status=None
    )
    from core.errors import ConflictError

    with pytest.raises(
        ConflictError, match="Someone changed the action or update of row 2 since you checked"
    ):
        action_plan_import(
            plan_year=world.plan_year,
            data=data,
            actor=world.coordinator,
            period_code="Q1",
            expected_basis=checked.basis(),
        )
    assert Update.objects.get().narrative == "Theirs"


def test_next_quarter_does_not_copy_last_quarters_words(world, tmp_path):
    """Rows left as exported record nothing for Q2; edited rows get a Q2 update, Q1 is untouched."""
    on_track = world.partnership.statuses.get(name="On track")
    UpdateFactory(action=world.action, narrative="Met twice.", status=on_track)
    second = ActionFactory(priority=world.priority, text="Second", owners=[world.organisation])
    UpdateFactory(action=second, narrative="Planned.", status=on_track)
    path = tmp_path / "plan.csv"
    rows = _rows(action_plan_csv(world.plan_year))
    rows[2][UPDATE] = "Held in July."
    path.write_bytes(_write(rows))
    args = ["import_actions", "test-csp", "2020-21", str(path), "--period", "Q2"]
    call_command(*args, stdout=(out := StringIO()))
    assert "1 updated, 0 added, 1 unchanged" in out.getvalue()
    assert "Row 2, column Update: the Update and Status are those exported from action" in out.getvalue()
    assert not world.action.updates.filter(period__code="Q2").exists()
    assert second.updates.get(period__code="Q2").narrative == "Held in July."
    assert second.updates.get(period__code="Q1").narrative == "Planned."
