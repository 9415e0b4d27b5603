"""Owner layouts in the spreadsheet round trip, targets and due dates, and themes and places in the
action list and exports (issue 9: "Lead and supporting partners", "Targets, measures and RAG")."""

import csv
import datetime
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from core.errors import AccessDenied
from planning import services
from planning.action_io import (
    action_plan_csv,
    action_plan_import,
    action_plan_rows,
    action_plan_validate,
    action_plan_xlsx,
    export_columns,
)
from planning.models import Action, ActionOwner, Approach, OwnerLayout, OwnerRole, Place, Theme
from planning.owners import TO_BE_CONFIRMED
from tests.factories import ActionFactory, UpdateFactory

Y = {"partnership": "test-csp", "year": "2020-21"}
LEAD_HEADER = [
    "Ref",
    "Priority",
    "Approach",
    "Action",
    "Lead",
    "Supporting",
    "Target",
    "Due date",
    "Update",
    "Status",
]
SINGLE_HEADER = [
    "Ref",
    "Priority",
    "Approach",
    "Action",
    "Owner/lead agency",
    "Target",
    "Due date",
    "Update",
    "Status",
]


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _write(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def plan(world):
    """Four actions: one lead only (the world's), one with a lead, a supporting partner, an approach, a
    target, a due date and a theme; one whose lead is to be confirmed with a supporting partner; one
    with no organisation at all."""
    approach = Approach.objects.create(priority=world.priority, title="Prevention", order=1)
    theme = Theme.objects.create(partnership=world.partnership, name="Youth", order=1)
    full = ActionFactory(
        priority=world.priority,
        text="Run diversionary activities",
        owners=[world.organisation, world.other_organisation],
        approach=approach,
        target="Two sessions a month",
        due_date=datetime.date(2021, 3, 31),
    )
    full.themes.add(theme)
    unled = ActionFactory(priority=world.priority, text="Find a lead", owners=[world.other_organisation])
    ActionOwner.objects.filter(action=unled).update(role=OwnerRole.SUPPORTING)
    bare = ActionFactory(priority=world.priority, text="Nobody yet", owners=[world.organisation])
    ActionOwner.objects.filter(action=bare).delete()
    world.full, world.unled, world.bare, world.theme, world.approach = full, unled, bare, theme, approach
    return world


def _layout(world, layout: str) -> None:
    world.plan_year.owner_layout = layout
    world.plan_year.save()


# Export ----------------------------------------------------------------------------------------


def test_export_columns_of_each_layout():
    assert list(export_columns(OwnerLayout.LEAD_SUPPORTING)) == LEAD_HEADER
    assert list(export_columns(OwnerLayout.SINGLE)) == SINGLE_HEADER


def test_lead_supporting_export_writes_lead_supporting_target_and_iso_due_date(plan):
    _layout(plan, OwnerLayout.LEAD_SUPPORTING)
    header, *rows = _csv_rows(action_plan_csv(plan.plan_year))
    assert header == LEAD_HEADER
    by_text = {row[3]: row for row in rows}
    assert by_text["Run diversionary activities"][1:] == [
        "Violent crime",
        "Prevention",
        "Run diversionary activities",
        "Test Borough Council",
        "Test Police",
        "Two sessions a month",
        "2021-03-31",
        "",
        "",
    ]
    assert by_text["Find a lead"][4:6] == [TO_BE_CONFIRMED, "Test Police"]
    assert by_text["Nobody yet"][4:6] == [TO_BE_CONFIRMED, ""]
    assert by_text["Hold a monthly meeting"][2] == ""  # a year without approaches: an empty Approach column


def test_single_export_writes_to_be_confirmed_first_when_no_organisation_leads(plan):
    rows = {row[3]: row[4] for row in action_plan_rows(plan.plan_year)}
    assert rows == {
        "Hold a monthly meeting": "Test Borough Council",
        "Run diversionary activities": "Test Borough Council; Test Police",
        "Find a lead": "To be confirmed; Test Police",
        "Nobody yet": "To be confirmed",
    }


def test_xlsx_due_date_is_a_real_date_and_no_cell_is_a_formula(plan):
    _layout(plan, OwnerLayout.LEAD_SUPPORTING)
    plan.full.text = "=1+1"
    plan.full.save()
    sheet = load_workbook(io.BytesIO(action_plan_xlsx(plan.plan_year))).active
    assert [c.value for c in sheet[1]] == LEAD_HEADER
    due = LEAD_HEADER.index("Due date")
    cells = list(sheet.iter_rows(min_row=2))
    full = next(row for row in cells if row[3].value == "'=1+1")
    assert full[due].value == datetime.datetime(2021, 3, 31) and full[due].is_date
    assert all(cell.data_type != "f" for row in cells for cell in row)


# Round trip -------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", [OwnerLayout.SINGLE, OwnerLayout.LEAD_SUPPORTING])
@pytest.mark.parametrize("writer", [action_plan_csv, action_plan_xlsx])
def test_export_then_import_changes_nothing(plan, layout, writer):
    _layout(plan, layout)
    UpdateFactory(action=plan.full, narrative="Met.", status=plan.partnership.statuses.get(name="On track"))
    before = action_plan_rows(plan.plan_year)
    data = writer(plan.plan_year)
    for apply_changes in (False, True):
        checked = action_plan_validate(plan.plan_year, data, "Q1", apply_changes=apply_changes)
        assert not checked.problems and not checked.changes
        assert checked.summary() == "0 updated, 0 added, 4 unchanged"
    result = action_plan_import(
        plan_year=plan.plan_year, data=data, actor=plan.coordinator, period_code="Q1", apply_changes=True
    )
    assert result.summary == "0 updated, 0 added, 4 unchanged"
    assert action_plan_rows(plan.plan_year) == before
    assert Action.objects.get(pk=plan.unled.pk).owners.filter(role=OwnerRole.LEAD).count() == 0


@pytest.mark.parametrize("layout", [OwnerLayout.SINGLE, OwnerLayout.LEAD_SUPPORTING])
def test_export_of_one_layout_imports_into_a_year_of_the_other(plan, layout):
    _layout(plan, layout)
    data = action_plan_csv(plan.plan_year)
    _layout(
        plan, OwnerLayout.SINGLE if layout == OwnerLayout.LEAD_SUPPORTING else OwnerLayout.LEAD_SUPPORTING
    )
    assert action_plan_validate(plan.plan_year, data).summary() == "0 updated, 0 added, 4 unchanged"


def test_target_due_date_and_approach_change_only_with_the_tick(plan, tmp_path):
    _layout(plan, OwnerLayout.LEAD_SUPPORTING)
    rows = _csv_rows(action_plan_csv(plan.plan_year))
    row = next(r for r in rows if r[3] == "Hold a monthly meeting")
    row[2], row[6], row[7] = "Enforcement", "Twelve meetings", "31/01/2021"
    path = tmp_path / "plan.csv"
    path.write_bytes(_write(rows))
    args = ["import_actions", "test-csp", "2020-21", str(path)]
    call_command(*args, stdout=(out := StringIO()))
    text = out.getvalue()
    assert "0 updated, 0 added, 4 unchanged" in text
    assert "Row 2, column Approach: differs from action" in text
    assert "Row 2, column Target: differs from action" in text
    assert "Row 2, column Due date: differs from action" in text
    assert not Approach.objects.filter(title="Enforcement").exists()

    call_command(*args, "--apply-changes", "--as", "coord", stdout=(out := StringIO()))
    assert "1 updated, 0 added, 3 unchanged" in out.getvalue() and "1 new approaches" in out.getvalue()
    action = Action.objects.get(pk=plan.action.pk)
    assert (action.target, action.due_date) == ("Twelve meetings", datetime.date(2021, 1, 31))
    assert action.approach.title == "Enforcement" and action.approach.priority == plan.priority
    assert action.history.first().history_user == plan.coordinator


def test_new_rows_in_the_lead_layout(plan):
    data = _write(
        [
            [
                "Priority",
                "Approach",
                "Action",
                "Lead",
                "Supporting",
                "Target",
                "Due date",
                "Update",
                "Status",
            ],
            ["Violent crime", "prevention", "Unled", "to be CONFIRMED", "TP; TBC", "", "", "", ""],
            ["Violent crime", "", "Blank lead", "", "", "", "", "", ""],
            ["Hate crime", "Reporting", "Led", "Test Police", "TBC", "Five centres", "2021-06-30", "", ""],
        ]
    )
    checked = action_plan_validate(plan.plan_year, data)
    assert not checked.problems and checked.new_approaches(plan.plan_year) == ["Reporting (Hate crime)"]
    result = action_plan_import(plan_year=plan.plan_year, data=data, actor=plan.coordinator)
    assert (result.summary, result.approaches_created) == ("0 updated, 3 added, 0 unchanged", 1)
    unled = Action.objects.get(text="Unled")
    assert unled.approach == plan.approach  # matched by title within the priority, any case
    assert [(o.organisation, o.role) for o in unled.owners.all()] == [
        (plan.other_organisation, OwnerRole.SUPPORTING),
        (plan.organisation, OwnerRole.SUPPORTING),
    ]
    assert not Action.objects.get(text="Blank lead").owners.exists()
    led = Action.objects.get(text="Led")
    assert [(o.organisation, o.role) for o in led.owners.all()] == [
        (plan.other_organisation, OwnerRole.LEAD),
        (plan.organisation, OwnerRole.SUPPORTING),
    ]
    assert (led.target, led.due_date, led.approach.title) == (
        "Five centres",
        datetime.date(2021, 6, 30),
        "Reporting",
    )


def test_single_column_to_be_confirmed_first_means_no_lead(plan):
    data = _write(
        [
            ["Priority", "Action", "Owner/lead agency", "Update", "Status"],
            ["Violent crime", "Unled", "To be confirmed; Test Police", "", ""],
            ["Violent crime", "Led", "Test Police; TBC", "", ""],
        ]
    )
    action_plan_import(plan_year=plan.plan_year, data=data, actor=plan.coordinator)
    assert list(Action.objects.get(text="Unled").owners.values_list("role", flat=True)) == ["supporting"]
    assert list(Action.objects.get(text="Led").owners.values_list("role", flat=True)) == [
        "lead",
        "supporting",
    ]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            ["Priority", "Action", "Lead", "Supporting", "Update", "Status"],
            ["Violent crime", "X", "TBC; TP", "", "", ""],
            "Row 2, column Lead: names more than one organisation",
        ),
        (
            ["Priority", "Action", "Lead", "Supporting", "Update", "Status"],
            ["Violent crime", "X", "TBC", "Test Borough Council", "", ""],
            "Row 2, column Supporting: names the lead, 'TBC', again",
        ),
        (
            ["Priority", "Action", "Lead", "Supporting", "Update", "Status"],
            ["Violent crime", "X", "Nobody", "", "", ""],
            "Row 2, column Lead: no organisation is known as 'Nobody'",
        ),
        (
            ["Priority", "Action", "Owner/lead agency", "Due date", "Update", "Status"],
            ["Violent crime", "X", "TBC", "31st March", "", ""],
            "Row 2, column Due date: '31st March' is not a date: write it as yyyy-mm-dd",
        ),
        (
            ["Priority", "Action", "Owner/lead agency", "Lead", "Update", "Status"],
            ["Violent crime", "X", "TBC", "TBC", "", ""],
            "Row 1: the header row has both Owner/lead agency and Lead/Supporting columns",
        ),
        (
            ["Priority", "Action", "Lead", "Update", "Status"],
            ["Violent crime", "X", "TBC", "", ""],
            "Row 1: the header row has no 'Supporting' column",
        ),
    ],
)
def test_errors_name_file_row_and_column(plan, header, row, expected):
    problems = [str(p) for p in action_plan_validate(plan.plan_year, _write([header, row])).problems]
    assert any(p.startswith(expected) for p in problems), problems


# Themes in exports -----------------------------------------------------------------------------


def test_export_command_takes_a_theme(plan, tmp_path):
    call_command("export_actions", "test-csp", "2020-21", "--theme", "youth", stdout=(out := StringIO()))
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert [row[3] for row in rows[1:]] == ["Run diversionary activities"]
    with pytest.raises(CommandError, match="has no cross-cutting theme 'Elderly'; its themes: Youth"):
        call_command("export_actions", "test-csp", "2020-21", "--theme", "Elderly", stdout=StringIO())


@pytest.mark.django_db
def test_export_page_offers_themes_and_filters_by_one(client, plan):
    client.force_login(plan.member)
    index = client.get(reverse("planning_io:index", kwargs=Y)).content.decode()
    assert 'name="theme"' in index and ">Youth</option>" in index
    for name in ("export_csv", "export_xlsx"):
        response = client.get(reverse(f"planning_io:{name}", kwargs=Y) + f"?theme={plan.theme.pk}")
        assert response.status_code == 200 and f"theme-{plan.theme.pk}" in response["Content-Disposition"]
    rows = _csv_rows(
        client.get(reverse("planning_io:export_csv", kwargs=Y) + f"?theme={plan.theme.pk}").content
    )
    assert len(rows) == 2
    other = Theme.objects.create(partnership=plan.other_partnership, name="Theirs")
    assert client.get(reverse("planning_io:export_csv", kwargs=Y) + f"?theme={other.pk}").status_code == 404


# Action list -----------------------------------------------------------------------------------


def _list(query: str = "") -> str:
    return reverse("planning:action_list", kwargs=Y) + query


def _row(page: str, action: Action) -> str:
    return page[page.index(f'id="action-{action.pk}"') :].split("</tr>")[0]


@pytest.mark.django_db
def test_list_shows_target_due_date_and_overdue_in_words(client, plan):
    completed = next(s for s in plan.partnership.statuses.all() if s.meaning == "completed")
    done = ActionFactory(
        priority=plan.priority,
        text="Done late",
        owners=[plan.organisation],
        due_date=datetime.date(2021, 3, 31),
    )
    UpdateFactory(action=done, status=completed)
    client.force_login(plan.member)
    page = client.get(_list()).content.decode()
    full = _row(page, plan.full)
    assert "Two sessions a month" in full and '<time datetime="2021-03-31">31 Mar 2021</time>' in full
    assert ">Overdue</strong>" in full  # 2021 is past and no status is recorded
    assert ">Overdue</strong>" not in _row(page, done)  # completed
    assert "None set" in _row(page, plan.action)
    assert "Owner/lead agency</th>" in page and "To be confirmed<br>Test Police" in _row(page, plan.unled)


@pytest.mark.django_db
def test_list_in_the_lead_layout_shows_lead_and_supporting(client, plan):
    _layout(plan, OwnerLayout.LEAD_SUPPORTING)
    client.force_login(plan.member)
    page = client.get(_list()).content.decode()
    assert "Lead</th>" in page and "Supporting</th>" in page and "Owner/lead agency</th>" not in page
    full = _row(page, plan.full)
    assert (
        '<td class="govuk-table__cell">Test Borough Council</td>\n<td class="govuk-table__cell">Test Police</td>'
        in full
    )
    assert f'<td class="govuk-table__cell">{TO_BE_CONFIRMED}</td>' in _row(page, plan.bare)


@pytest.mark.django_db
def test_list_filters_by_theme_place_and_overdue(client, plan):
    place = Place.objects.create(partnership=plan.partnership, name="Snodland")
    plan.unled.places.add(place)
    client.force_login(plan.member)

    def rows(query: str) -> set[int]:
        page = client.get(_list(query)).content.decode()
        return {
            a.pk for a in (plan.action, plan.full, plan.unled, plan.bare) if f'id="action-{a.pk}"' in page
        }

    assert rows(f"?theme={plan.theme.pk}") == {plan.full.pk}
    assert rows(f"?place={place.pk}") == {plan.unled.pk}
    assert rows("?overdue=on") == {plan.full.pk}
    assert rows(f"?overdue=on&place={place.pk}") == set()
    page = client.get(_list()).content.decode()
    assert ">Youth</option>" in page and ">Snodland</option>" in page and 'name="overdue"' in page


# Plan year settings ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_coordinator_chooses_the_owner_layout(client, plan):
    url = reverse("planning:year_settings", kwargs=Y)
    client.force_login(plan.coordinator)
    page = client.get(url).content.decode()
    assert 'value="single" aria-describedby="layout-single-hint" checked' in page
    assert "Two columns: Lead" in page
    response = client.post(url, {"form": "layout", "layout": OwnerLayout.LEAD_SUPPORTING})
    assert response.status_code == 302
    plan.plan_year.refresh_from_db()
    assert plan.plan_year.owner_layout == OwnerLayout.LEAD_SUPPORTING
    assert plan.plan_year.history.first().history_user == plan.coordinator
    response = client.post(url, {"form": "layout", "layout": "columns"})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_only_coordinators_set_the_owner_layout(plan):
    with pytest.raises(AccessDenied):
        services.plan_year_set_owner_layout(
            plan_year=plan.plan_year, layout=OwnerLayout.LEAD_SUPPORTING, actor=plan.lead_officer
        )
