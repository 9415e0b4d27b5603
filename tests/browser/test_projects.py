"""Every projects page passes axe: the list, a project with money, outputs, notes, evaluation,
quotes and photographs, each form (empty and with its errors), the pots and a pot's page."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects import services, services_reporting
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD
from tests.projects.helpers import DAY, make_pot, make_project

pytestmark = pytest.mark.browser
D = Decimal


def _records(world, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    pot = make_pot(world, "PCC grant", "1000.00", themes=[])
    make_pot(world, "Tactical pot", "100.00")
    project = make_project(world, "Crime prevention events", summary="Eight **events** in the borough.")
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("950"), date=DAY
    )
    services.spend_record(
        actor=world.lead_officer,
        allocation=allocation,
        amount=D("960.00"),
        date=DAY,
        description="Hall hire",
        override_reason="Agreed by the board",
        evidence=SimpleUploadedFile("invoice.pdf", b"%PDF-1.4 test"),
    )
    output = services_reporting.output_add(
        actor=world.lead_officer, project=project, name="Events held", target_value=D("8"), value=D("6")
    )
    services_reporting.output_value_record(
        actor=world.lead_officer, output=output, period_label="Q4", value=D("8")
    )
    services_reporting.monitoring_note_add(
        actor=world.lead_officer, project=project, date=DAY, text="On track."
    )
    services_reporting.evaluation_save(
        actor=world.lead_officer,
        project=project,
        delivered="Eight events",
        outcomes="More reports",
        learned="Book early",
        fund_again="yes",
    )
    services_reporting.quote_add(
        actor=world.lead_officer, project=project, text="Really useful", attribution="Resident"
    )
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (20, 90, 30)).save(buffer, format="PNG")
    services_reporting.photo_add(
        actor=world.lead_officer,
        project=project,
        image=SimpleUploadedFile("p.png", buffer.getvalue()),
        alt_text="A stall at the market",
        caption="Market day",
    )
    make_project(world, "Proposed idea", status="proposed")
    return pot, project, output


def test_every_projects_page_passes_axe(page, world, settings, tmp_path):
    pot, project, output = _records(world, settings, tmp_path)
    sign_in(page, "coord", PASSWORD)
    base = "/partnerships/test-csp/"
    one = f"{base}projects/{project.pk}/"
    page.goto(base + "projects/")
    assert page.get_by_role("link", name="Crime prevention events").is_visible()
    assert_accessible(page, "project list")
    page.goto(base + "projects/?status=proposed&priority=&organisation=")
    assert_accessible(page, "project list, filtered")
    page.goto(one)
    assert page.get_by_text("Overspent").first.is_visible()
    assert_accessible(page, "project page")
    for path, label in (
        ("edit/", "edit project"),
        ("status/", "change status"),
        ("allocate/", "allocate"),
        ("spend/", "record spend"),
        ("outputs/new/", "add output"),
        (f"outputs/{output.pk}/values/new/", "record value"),
        ("monitoring/new/", "monitoring note"),
        ("evaluation/", "evaluation"),
        ("quotes/new/", "add quote"),
        ("photos/new/", "add photo"),
    ):
        page.goto(one + path)
        assert_accessible(page, label)
        button = page.locator("main form button[type=submit]").first
        if path not in ("edit/", "evaluation/"):
            follow(button)
            assert page.locator(".govuk-error-summary").is_visible(), label
            assert_accessible(page, f"{label} with errors")
    page.goto(base + "projects/new/")
    assert_accessible(page, "add project")
    page.goto(base + "projects/settings/")
    assert_accessible(page, "funding settings")
    page.goto(base + "funding/")
    assert page.get_by_text("Nearly spent").first.is_visible()
    assert_accessible(page, "funding pots")
    page.goto(f"{base}funding/{pot.pk}/")
    assert_accessible(page, "pot page")
    page.goto(f"{base}funding/{pot.pk}/edit/")
    assert_accessible(page, "edit pot")
    page.goto(base + "funding/new/")
    follow(page.locator("main form button[type=submit]").first)
    assert_accessible(page, "add pot with errors")
