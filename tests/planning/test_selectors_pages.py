"""Reads behind the planning pages: status counts, missing updates, key figures, history."""

import pytest

from core.history import history_rows
from planning import selectors, services
from planning.models import Measure
from tests.factories import ActionFactory, PlanYearFactory, UpdateFactory, open_only


@pytest.mark.django_db
def test_status_counts_use_latest_period_with_a_status(world):
    statuses = {s.name: s for s in world.partnership.statuses.all()}
    periods = {p.code: p for p in world.plan_year.periods.all()}
    a2 = ActionFactory(priority=world.priority)
    a3 = ActionFactory(priority=world.priority)
    # world.action: On track in Q1, then a Q2 update with no status → still On track
    UpdateFactory(action=world.action, period=periods["Q1"], status=statuses["On track"])
    UpdateFactory(action=world.action, period=periods["Q2"], status=None)
    # a2: At risk in Q1 and Completed in Q3 → Completed (latest period wins, not latest saved)
    UpdateFactory(action=a2, period=periods["Q3"], status=statuses["Completed"])
    UpdateFactory(action=a2, period=periods["Q1"], status=statuses["At risk"])
    # a3: only an update without status → No status recorded
    UpdateFactory(action=a3, period=periods["Q1"], status=None)
    columns, rows, totals = selectors.status_counts(world.plan_year)
    assert columns[-1] == "No status recorded"
    assert (totals["On track"], totals["Completed"], totals["At risk"], totals["No status recorded"]) == (
        1,
        1,
        0,
        1,
    )
    assert rows[0].total == 3 and totals["Not started"] == 0


@pytest.mark.django_db
def test_missing_updates_by_organisation(world):
    shared = ActionFactory(priority=world.priority, owners=[world.organisation, world.other_organisation])
    UpdateFactory(action=world.action)  # Q1 is open: world.action is done
    [q1] = selectors.missing_updates(world.plan_year)
    groups = {org.name: [(a.pk, a.text) for a in acts] for org, acts in q1.groups}
    assert q1.period.code == "Q1"
    assert groups == {
        "Test Borough Council": [(shared.pk, shared.text)],
        "Test Police": [(shared.pk, shared.text)],
    }
    open_only(world.plan_year)
    assert selectors.missing_updates(world.plan_year) == []


@pytest.mark.django_db
def test_recent_updates_latest_first(world):
    older = UpdateFactory(action=world.action)
    newer = UpdateFactory(action=ActionFactory(priority=world.priority))
    assert list(selectors.recent_updates(world.plan_year)) == [newer, older]


@pytest.mark.django_db
def test_key_figures_grouped_by_year_newest_first(world):
    older = PlanYearFactory(partnership=world.partnership, slug="2019-20")
    Measure.objects.create(partnership=world.partnership, name="A", value=1, plan_year=older)
    Measure.objects.create(partnership=world.partnership, name="B", value=2, plan_year=world.plan_year)
    Measure.objects.create(partnership=world.partnership, name="C", value=3)
    Measure.objects.create(partnership=world.partnership, name="D", value=3, kind="update_figure")
    groups = selectors.key_figures(world.partnership)
    assert [(y.slug if y else None, [m.name for m in ms]) for y, ms in groups] == [
        ("2020-21", ["B"]),
        ("2019-20", ["A"]),
        (None, ["C"]),
    ]


@pytest.mark.django_db
def test_history_rows_name_related_records(world):
    services.action_edit(
        action=world.action, expected_version=world.action.version, actor=world.coordinator, text="New text"
    )
    rows = history_rows(world.action)
    assert rows[0]["user"] == world.coordinator and rows[0]["type"] == "Changed"
    assert {c["field"] for c in rows[0]["changes"]} == {"Text"}  # version is bookkeeping, hidden
    on_track = world.partnership.statuses.get(name="On track")
    update = services.action_update_record(
        action=world.action, actor=world.lead_officer, narrative="x", status=None, expected_version=0
    )
    services.action_update_record(
        action=world.action, actor=world.lead_officer, narrative="x", status=on_track, expected_version=1
    )
    change = history_rows(update)[0]["changes"]
    assert {"field": "Status", "old": None, "new": "On track"} in change
