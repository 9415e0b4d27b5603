"""The round trip through the pages: download, fill in, upload, check the summary, confirm."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.actors import system_user
from demo.partnership import demo_load
from partnership.models import Role
from planning import services
from planning.action_io import EXPORT_COLUMNS
from planning.models import Action, Update
from planning.selectors import action_owner_names
from tests.factories import MembershipFactory, UserFactory

KW = {"partnership": "test-csp", "year": "2020-21"}


def _url(name: str, **kw: str) -> str:
    return reverse(f"planning_io:{name}", kwargs=kw or KW)


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _file(rows: list[list[str]]) -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return SimpleUploadedFile("plan.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
def test_demo_round_trip_through_the_pages(client):
    partnership = demo_load(actor=system_user(), with_users=False).partnership
    coordinator = UserFactory(username="demo-coord")
    MembershipFactory(
        user=coordinator,
        partnership=partnership,
        organisation=partnership.organisations.first(),
        role=Role.COORDINATOR,
    )
    client.force_login(coordinator)
    kw = {"partnership": "tonbridge-malling", "year": "2020-21"}
    rows = _rows(client.get(_url("export_csv", **kw)).content)
    assert rows[0][0] == "Ref" and len(rows) == 31
    for row in rows[1:]:
        row[EXPORT_COLUMNS.index("Update")], row[EXPORT_COLUMNS.index("Status")] = (
            f"Done: {row[0]}",
            "on track",
        )
    page = client.post(_url("import", **kw), {"file": _file(rows), "period": "Q1"}).content.decode()
    assert "Importing it: 30 updated, 0 added, 0 unchanged" in page
    assert 'name="apply_changes"' not in page  # no changed titles or owners to apply
    response = client.post(_url("import_confirm", **kw))
    assert response.status_code == 302
    year = partnership.plan_years.get(slug="2020-21")
    assert year.actions.count() == 30
    assert Update.objects.filter(action__plan_year=year, period__code="Q1").count() == 30
    page = client.get(response["Location"]).content.decode()
    assert "Imported plan.csv into 2020/21: 30 updated, 0 added, 0 unchanged" in page
    page = client.post(_url("import", **kw), {"file": _file(rows), "period": "Q1"}).content.decode()
    assert "Importing it: 0 updated, 0 added, 30 unchanged" in page


def _changed_file(world) -> SimpleUploadedFile:
    return _file(
        [
            ["Ref", "Priority", "Action", "Owner/lead agency", "Update", "Status"],
            [str(world.action.pk), "Violent crime", "Hold a weekly meeting", "TBC; TP", "Met.", "On track"],
        ]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("tick", [False, True])
def test_tick_box_applies_changed_titles_and_owners(client, world, tick):
    client.force_login(world.coordinator)
    page = client.post(_url("import"), {"file": _changed_file(world), "period": "Q1"}).content.decode()
    assert "Importing it: 1 updated, 0 added, 0 unchanged" in page
    assert (
        'name="apply_changes"' in page
        and "Apply changed titles, owners, approaches, targets and due dates" in page
    )
    assert "Row 2, column Action: differs from action" in page and "“Hold a monthly meeting”" in page
    client.post(_url("import_confirm"), {"apply_changes": "on"} if tick else {})
    action = Action.objects.get()
    expected = (
        ("Hold a weekly meeting", ["TBC", "TP"])
        if tick
        else ("Hold a monthly meeting", ["Test Borough Council"])
    )
    assert (action.text, action_owner_names(action)) == expected
    assert action.updates.get().narrative == "Met."


@pytest.mark.django_db
def test_unchanged_row_with_differences_counts_as_unchanged_until_ticked(client, world):
    services.action_update_record(
        action=world.action, actor=world.coordinator, narrative="Met.", status=None, period=None
    )
    world.action.updates.update(status=world.partnership.statuses.get(name="On track"))
    client.force_login(world.coordinator)
    page = client.post(_url("import"), {"file": _changed_file(world), "period": "Q1"}).content.decode()
    assert "Importing it: 0 updated, 0 added, 1 unchanged" in page
    assert "ticked, importing gives: 1 updated, 0 added, 0 unchanged" in page


@pytest.mark.django_db
def test_bad_ref_and_replace_refused_on_the_upload_page(client, world):
    services.action_update_record(
        action=world.action, actor=world.coordinator, narrative="Met.", status=None, period=None
    )
    client.force_login(world.coordinator)
    rows = [
        ["Ref", "Priority", "Action", "Owner/lead agency", "Update", "Status"],
        ["424242", "Violent crime", "Ghost", "TBC", "", ""],
    ]
    page = client.post(_url("import"), {"file": _file(rows), "replace": "on"}).content.decode()
    assert "govuk-error-summary" in page
    assert "an import never deletes updates or history" in page
    page = client.post(_url("import"), {"file": _file(rows)}).content.decode()
    assert "Row 2, column Ref: there is no action 424242 in 2020/21" in page
    assert world.plan_year.actions.count() == 1 and Update.objects.count() == 1


@pytest.mark.django_db
def test_update_saved_between_check_and_confirm_is_not_overwritten(client, world):
    client.force_login(world.coordinator)
    client.post(_url("import"), {"file": _changed_file(world), "period": "Q1"})
    services.action_update_record(
        action=world.action, actor=world.lead_officer, narrative="Theirs", status=None, period=None
    )
    response = client.post(_url("import_confirm"))
    assert response.status_code == 302 and response["Location"] == _url("import")
    page = client.get(response["Location"]).content.decode()
    assert "Someone changed the action or update of row 2 since you checked the file" in page
    assert Update.objects.get().narrative == "Theirs"
