"""The pages and downloads: forms through the browser's eyes (no JavaScript), refusals shown."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from projects import services, services_reporting
from projects.models import Spend
from tests.projects.helpers import DAY, make_pot, make_project

pytestmark = pytest.mark.django_db
D = Decimal


def url(name: str, *args: object) -> str:
    return reverse(f"projects:{name}", args=["test-csp", *args])


def test_coordinator_creates_a_pot_and_a_project_through_the_forms(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        url("pot_create"),
        {
            "name": "PCC grant",
            "funder_kind": "pcc_grant",
            "amount": "£12,000.50",
            "return_deadlines": "31/10/2020",
        },
    )
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert "£12,000.50" in response.content.decode()
    response = client.post(
        url("project_create"),
        {
            "title": "Crime prevention events",
            "lead_organisation": world.organisation.pk,
            "priorities": [world.priority.pk],
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Crime prevention events" in page and "Proposed" in page


def test_bad_pot_input_is_refused_with_specific_messages(client, world):
    client.force_login(world.coordinator)
    page = client.post(
        url("pot_create"),
        {"name": "", "funder_kind": "other", "amount": "12.345", "return_deadlines": "soon"},
    ).content.decode()
    for message in ("Enter the pot&#x27;s name", "Enter the funder&#x27;s name", "whole pence", "Line 1"):
        assert message in page


def test_overspend_through_the_form_is_refused_and_nothing_saved(client, world):
    pot = make_pot(world)
    project = make_project(world)
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("100"), date=DAY
    )
    client.force_login(world.lead_officer)
    data = {"allocation": allocation.pk, "amount": "100.01", "date": "1/6/2020", "description": "Hall hire"}
    page = client.post(url("spend_create", project.pk), data).content.decode()
    assert "more than is left of its allocation" in page
    assert Spend.objects.count() == 0
    response = client.post(url("spend_create", project.pk), {**data, "override_reason": "Agreed"})
    assert response.status_code == 302
    assert "Overspent" in client.get(url("project", project.pk)).content.decode()


def test_list_filters(client, world):
    make_project(world, "Alpha")
    make_project(world, "Beta", status="proposed", priorities=[], lead_organisation=world.other_organisation)
    client.force_login(world.member)
    page = client.get(url("list"), {"status": "proposed"}).content.decode()
    assert "Beta" in page and "Alpha" not in page
    page = client.get(url("list"), {"organisation": world.organisation.pk}).content.decode()
    assert "Alpha" in page and "Beta" not in page
    page = client.get(url("list"), {"priority": world.priority.pk}).content.decode()
    assert "Alpha" in page and "Beta" not in page


def test_summary_and_return_downloads(client, world):
    pot = make_pot(world, "PCC grant", "1000.00")
    project = make_project(world)
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("600"), date=DAY
    )
    for amount in ("100.10", "0.05", "99.99"):
        services.spend_record(
            actor=world.lead_officer, allocation=allocation, amount=D(amount), date=DAY, description="x"
        )
    services_reporting.output_add(
        actor=world.lead_officer, project=project, name="Events held", target_value=D("8"), value=D("8")
    )
    client.force_login(world.member)
    rows = list(
        csv.reader(io.StringIO(client.get(url("pot_return", pot.pk, "csv")).content.decode("utf-8-sig")))
    )
    assert rows[0] == ["Pot", "Project", "Allocated", "Spent", "Remaining", "Output", "Target", "Actual"]
    assert rows[1] == [
        "PCC grant",
        "Crime prevention events",
        "600.00",
        "200.14",
        "399.86",
        "Events held",
        "8",
        "8",
    ]
    response = client.get(reverse("projects:year_return", args=["test-csp", "2020-21", "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["All pots", "PCC grant"]
    assert workbook["All pots"]["D2"].value == 200.14
    response = client.get(url("pot_return", pot.pk, "pdf"))
    assert response.content.startswith(b"%PDF")
    summary = client.get(url("summary_download", "csv")).content.decode("utf-8-sig")
    assert "PCC grant" in summary and "1000.00" in summary
    assert client.get(url("summary_download", "xlsx")).status_code == 200
    assert client.get(url("pot_return", pot.pk, "exe")).status_code == 404


def test_dashboard_lists_decisions_overdue_monitoring_and_nearly_spent_pots(client, world):
    import datetime

    pot = make_pot(world, "Small pot", "100.00")
    running = make_project(world, "Late project", next_monitoring_date=datetime.date(2020, 5, 1))
    make_project(world, "New idea", status="proposed")
    services.allocation_record(actor=world.coordinator, project=running, pot=pot, amount=D("95.00"), date=DAY)
    client.force_login(world.member)
    page = client.get(reverse("planning:dashboard_year", args=["test-csp", "2020-21"])).content.decode()
    assert "Projects needing a decision" in page and "New idea</a>: proposed: approve or decline" in page
    assert "Late project</a>: monitoring was due on 1 May 2020" in page
    assert "Small pot</a>: £5.00 of £100.00 left (below 10%)" in page
