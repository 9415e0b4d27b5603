"""The services: who may do what, the money refusals (nothing half-saved), the workflow log."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import AccessDenied, ServiceError
from planning.models import MeasureKind
from projects import selectors, services, services_reporting
from projects.models import Allocation, ProjectStatus, ProjectStep, Spend
from tests.projects.helpers import DAY, make_pot, make_project

pytestmark = pytest.mark.django_db
D = Decimal


def test_pot_names_are_unique_in_a_year_whatever_the_case(world):
    make_pot(world, "Tactical pot", "500")
    with pytest.raises(ServiceError, match="already a pot called"):
        make_pot(world, "tactical POT", "600")


def test_only_the_coordinator_creates_pots_and_projects(world):
    for person in (world.lead_officer, world.member, world.outsider):
        with pytest.raises(AccessDenied):
            services.pot_create(actor=person, plan_year=world.plan_year, name="X", amount=D("1"))
        with pytest.raises(AccessDenied):
            services.project_create(actor=person, plan_year=world.plan_year, title="X")


def test_allocation_beyond_the_pot_is_refused_and_nothing_saved_unless_overridden(world):
    pot = make_pot(world, amount="1000.00")
    project = make_project(world)
    services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("900.00"), date=DAY
    )
    with pytest.raises(ServiceError, match=r"more than the pot has left \(£100.00\)"):
        services.allocation_record(
            actor=world.coordinator, project=project, pot=pot, amount=D("100.01"), date=DAY
        )
    assert Allocation.objects.count() == 1
    services.allocation_record(
        actor=world.coordinator,
        project=project,
        pot=pot,
        amount=D("100.01"),
        date=DAY,
        override_reason="Board agreed",
    )
    row = selectors.pot_row(world.coordinator, pot)
    assert row.money.remaining == D("-0.01")
    assert selectors.project_row(world.coordinator, project).overspent is True


def test_overspend_without_override_is_refused_with_a_clear_message_and_nothing_saved(world):
    pot = make_pot(world)
    project = make_project(world)
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("250.00"), date=DAY
    )
    services.spend_record(
        actor=world.lead_officer, allocation=allocation, amount=D("200.00"), date=DAY, description="Hall hire"
    )
    with pytest.raises(ServiceError, match=r"more than is left of its allocation \(£50.00 of £250.00\)"):
        services.spend_record(
            actor=world.lead_officer,
            allocation=allocation,
            amount=D("50.01"),
            date=DAY,
            description="Leaflets",
        )
    assert Spend.objects.count() == 1
    assert selectors.project_row(world.coordinator, project).overspent is False
    services.spend_record(
        actor=world.lead_officer,
        allocation=allocation,
        amount=D("50.01"),
        date=DAY,
        description="Leaflets",
        override_reason="Reprint agreed",
    )
    row = selectors.project_row(world.coordinator, project)
    assert (row.allocated, row.spent, row.overspent) == (D("250.00"), D("250.01"), True)


def test_spend_by_lead_officers_of_other_organisations_is_refused(world):
    pot = make_pot(world)
    project = make_project(world)
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("10"), date=DAY
    )
    for person in (world.other_lead_officer, world.member):
        with pytest.raises(AccessDenied):
            services.spend_record(
                actor=person, allocation=allocation, amount=D("1"), date=DAY, description="x"
            )


def test_a_delivery_organisation_lead_officer_records_spend(world):
    pot = make_pot(world)
    project = make_project(world, lead_organisation=None, delivery_organisations=[world.other_organisation])
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("10"), date=DAY
    )
    services.spend_record(
        actor=world.other_lead_officer, allocation=allocation, amount=D("1"), date=DAY, description="x"
    )
    with pytest.raises(AccessDenied):
        services.spend_record(
            actor=world.lead_officer, allocation=allocation, amount=D("1"), date=DAY, description="x"
        )


def test_money_only_for_fundable_projects(world):
    pot = make_pot(world)
    project = make_project(world, status="proposed")
    with pytest.raises(ServiceError, match="this one is proposed"):
        services.allocation_record(actor=world.coordinator, project=project, pot=pot, amount=D("1"), date=DAY)


def test_evidence_must_be_pdf_jpeg_or_png(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    pot = make_pot(world)
    project = make_project(world)
    allocation = services.allocation_record(
        actor=world.coordinator, project=project, pot=pot, amount=D("10"), date=DAY
    )
    with pytest.raises(ServiceError, match="PDF, JPEG or PNG"):
        services.spend_record(
            actor=world.lead_officer,
            allocation=allocation,
            amount=D("1"),
            date=DAY,
            description="x",
            evidence=SimpleUploadedFile("invoice.pdf", b"<html>not a pdf</html>"),
        )
    assert Spend.objects.count() == 0
    spend = services.spend_record(
        actor=world.lead_officer,
        allocation=allocation,
        amount=D("1"),
        date=DAY,
        description="x",
        evidence=SimpleUploadedFile("invoice.PDF", b"%PDF-1.4 test"),
    )
    assert spend.evidence.name.startswith("projects/evidence/") and spend.evidence.name.endswith(".pdf")
    assert "invoice" not in spend.evidence.name


def test_workflow_log_and_evaluation(world):
    project = make_project(world, status="running")
    services.project_transition(actor=world.coordinator, project=project, to="completed", note="Closed")
    with pytest.raises(ServiceError, match="evaluation is approved"):
        services.project_transition(actor=world.coordinator, project=project, to="evaluated")
    evaluation = services_reporting.evaluation_save(
        actor=world.lead_officer,
        project=project,
        delivered="8 events",
        outcomes="More reports",
        learned="Book early",
        fund_again="yes",
    )
    with pytest.raises(AccessDenied):
        services_reporting.evaluation_approve(actor=world.lead_officer, evaluation=evaluation)
    services_reporting.evaluation_approve(actor=world.coordinator, evaluation=evaluation)
    services.project_transition(actor=world.coordinator, project=project, to="evaluated")
    project.refresh_from_db()
    assert project.status == ProjectStatus.EVALUATED
    steps = list(ProjectStep.objects.filter(project=project).order_by("pk"))
    assert [(s.from_status, s.to_status) for s in steps] == [
        ("", "proposed"),
        ("proposed", "approved"),
        ("approved", "running"),
        ("running", "completed"),
        ("completed", "evaluated"),
    ]
    assert all(s.actor_id == world.coordinator.pk for s in steps)
    with pytest.raises(ServiceError, match="cannot change status"):
        services.project_transition(actor=world.coordinator, project=project, to="withdrawn")


def test_lead_officers_cannot_decide(world):
    project = make_project(world, status="proposed")
    with pytest.raises(AccessDenied):
        services.project_transition(actor=world.lead_officer, project=project, to="approved")


def test_outputs_are_project_output_measures_with_values(world):
    project = make_project(world)
    output = services_reporting.output_add(
        actor=world.lead_officer, project=project, name="Events held", target_value=D("8"), value=D("6")
    )
    assert output.measure.kind == MeasureKind.PROJECT_OUTPUT
    row = selectors.project_row(world.member, project)
    assert row.outputs[0].actual == D("6")
    services_reporting.output_value_record(
        actor=world.lead_officer, output=output, period_label="Q4 2020/21", value=D("8")
    )
    row = selectors.project_row(world.member, project)
    assert row.outputs[0].actual == D("8") and row.outputs[0].target_text == "8"
    with pytest.raises(AccessDenied):
        services_reporting.output_add(actor=world.other_lead_officer, project=project, name="x")


def test_photo_needs_alt_text(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    project = make_project(world)
    with pytest.raises(ServiceError, match="alternative text"):
        services_reporting.photo_add(
            actor=world.lead_officer, project=project, image=SimpleUploadedFile("a.png", b""), alt_text=" "
        )


def test_pot_amount_cannot_fall_below_allocations(world):
    pot = make_pot(world, amount="100")
    project = make_project(world)
    services.allocation_record(actor=world.coordinator, project=project, pot=pot, amount=D("60"), date=DAY)
    with pytest.raises(ServiceError, match="already allocated"):
        services.pot_edit(
            actor=world.coordinator, pot=pot, name=pot.name, amount=D("59.99"), funder_kind="pcc_grant"
        )
