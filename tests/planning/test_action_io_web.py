"""Action plan download (any member) and import (coordinators) pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from planning.action_io import COLUMNS, EXPORT_COLUMNS
from planning.selectors import action_owner_names

KW = {"partnership": "test-csp", "year": "2020-21"}
HEADER = ",".join(COLUMNS) + "\r\n"


def _url(name: str) -> str:
    return reverse(f"planning_io:{name}", kwargs=KW)


def _upload(client, text: str, **fields):
    data = {"file": SimpleUploadedFile("plan.csv", text.encode("utf-8"), content_type="text/csv"), **fields}
    return client.post(_url("import"), data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "index", "export", "import_page"),
    [
        ("anonymous", 302, 302, 302),
        ("outsider", 404, 404, 404),
        ("member", 200, 200, 404),
        ("lead_officer", 200, 200, 404),
        ("site_admin", 404, 404, 404),
        ("coordinator", 200, 200, 200),
    ],
)
def test_who_may_see_what(client, world, who, index, export, import_page):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    assert client.get(_url("index")).status_code == index
    assert client.get(_url("export_csv")).status_code == export
    assert client.get(_url("export_xlsx")).status_code == export
    assert client.get(_url("import")).status_code == import_page
    assert client.post(_url("import_confirm")).status_code in {import_page, 302}


@pytest.mark.django_db
def test_member_downloads_csv_and_xlsx(client, world):
    client.force_login(world.member)
    page = client.get(_url("index")).content.decode()
    assert _url("export_csv") in page and _url("export_xlsx") in page
    assert _url("import") not in page
    response = client.get(_url("export_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="test-csp-action-plan-2020-21.csv"' in response["Content-Disposition"]
    assert "Hold a monthly meeting" in response.content.decode("utf-8-sig")
    response = client.get(_url("export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == list(EXPORT_COLUMNS)
    assert (sheet["A2"].value, sheet["D2"].value) == (str(world.action.pk), "Hold a monthly meeting")


@pytest.mark.django_db
def test_bad_file_shows_every_problem_in_the_error_summary(client, world):
    client.force_login(world.coordinator)
    response = _upload(client, HEADER + "Violent crime,,TBC,,\r\nViolent crime,X,Nobody,,\r\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "<title>Error: " in page
    assert "Row 2, column Action: is blank" in page
    assert "Row 3, column Owner/lead agency: no organisation is known as &#x27;Nobody&#x27;" in page
    assert "The file has 2 problems" in page
    assert world.plan_year.actions.count() == 1


@pytest.mark.django_db
def test_upload_preview_then_confirm(client, world):
    client.force_login(world.coordinator)
    response = _upload(client, HEADER + "New priority,Fresh action,TBC; TP,Started,On track\r\n", period="Q1")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check the actions before importing them" in page
    assert "Fresh action" in page and "TP (Test Police)" in page and "New priority" in page
    assert "Importing it: 0 updated, 1 added, 0 unchanged" in page and "has no Ref column" in page
    assert world.plan_year.actions.count() == 1  # nothing saved before confirming
    response = client.post(_url("import_confirm"))
    assert response.status_code == 302 and response["Location"] == _url("index")
    action = world.plan_year.actions.get(text="Fresh action")
    assert action_owner_names(action) == ["TBC", "TP"]
    assert action.updates.get().status.name == "On track"
    page = client.get(_url("index")).content.decode()
    assert "Imported plan.csv into 2020/21: 0 updated, 1 added, 0 unchanged" in page
    assert client.post(_url("import_confirm")).status_code == 302  # a second confirm imports nothing
    assert world.plan_year.actions.count() == 2


@pytest.mark.django_db
def test_replace_warns_in_preview_and_removes_on_confirm(client, world):
    client.force_login(world.coordinator)
    page = _upload(client, HEADER + "Violent crime,Only one,TBC,,\r\n", replace="on").content.decode()
    assert "removes the 1 action 2020/21 has now" in page
    client.post(_url("import_confirm"))
    assert list(world.plan_year.actions.values_list("text", flat=True)) == ["Only one"]


@pytest.mark.django_db
def test_file_that_became_invalid_before_confirming(client, world):
    client.force_login(world.coordinator)
    _upload(client, HEADER + "Violent crime,Soon invalid,Test Police,,\r\n")
    world.other_organisation.name = "Renamed Police"
    world.other_organisation.short_name = ""
    world.other_organisation.save()
    response = client.post(_url("import_confirm"))
    assert response.status_code == 200
    assert (
        "Row 2, column Owner/lead agency: no organisation is known as &#x27;Test Police&#x27;"
        in response.content.decode()
    )
    assert world.plan_year.actions.count() == 1


@pytest.mark.django_db
def test_index_opens_on_the_current_year_and_links_other_years(client, world):
    from tests.factories import PlanYearFactory

    PlanYearFactory(partnership=world.partnership, slug="2019-20")
    client.force_login(world.member)
    page = client.get(
        reverse("planning_io:index_current", kwargs={"partnership": "test-csp"})
    ).content.decode()
    assert "Import and export the action plan 2020/21" in page
    assert reverse("planning_io:index", kwargs={"partnership": "test-csp", "year": "2019-20"}) in page


@pytest.mark.django_db
def test_upload_without_a_file(client, world):
    client.force_login(world.coordinator)
    page = client.post(_url("import"), {}).content.decode()
    assert "govuk-error-summary" in page and 'href="#id_file">Choose a CSV or Excel file to import' in page
