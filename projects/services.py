"""Changing projects and the money (outputs, notes, the evaluation, quotes and photographs are in
`projects.services_reporting`): each service checks access itself, runs in one transaction
and saves through `core.history.save_as`, so nothing is half-saved and history names the actor.

Refusals are `ServiceError`s with a sentence the user can act on (the money and workflow rules
themselves are the pure functions of `projects.rules`).
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max, Sum
from PIL import Image

from core.actors import Actor, person_id
from core.errors import ServiceError
from core.history import save_as
from partnership.models import Organisation, Partnership
from planning.models import Action, Place, PlanYear, Priority, Theme
from projects import access, rules
from projects.models import (
    Allocation,
    Evaluation,
    FunderKind,
    FundingPot,
    FundingSettings,
    Project,
    ProjectStatus,
    ProjectStep,
    Spend,
)

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_SIGNATURES = {b"%PDF-": ".pdf", b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


def _checked(check: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a pure rule; its refusal becomes a ServiceError with the same words."""
    try:
        return check(*args, **kwargs)
    except rules.RuleBroken as error:
        raise ServiceError(str(error)) from error


def _same_partnership(partnership: Partnership, records: Sequence[Any], what: str) -> None:
    for record in records:
        owner = (
            record.partnership_id if hasattr(record, "partnership_id") else record.plan_year.partnership_id
        )
        if owner != partnership.pk:
            raise ServiceError(f"Choose {what} of this partnership only.")


# --- Settings. ---


def funding_settings_of(partnership: Partnership) -> FundingSettings:
    """The partnership's funding settings (the defaults when none were saved)."""
    found = FundingSettings.objects.filter(partnership=partnership).first()
    return found or FundingSettings(partnership=partnership)


@transaction.atomic
def funding_settings_save(
    *, actor: Actor, partnership: Partnership, nearly_spent_percent: Decimal
) -> FundingSettings:
    access.require_coordinator(actor, partnership)
    if not isinstance(nearly_spent_percent, Decimal) or not 0 <= nearly_spent_percent <= 100:
        raise ServiceError("Enter a percentage from 0 to 100.")
    found = funding_settings_of(partnership)
    found.nearly_spent_percent = nearly_spent_percent
    save_as(found, actor)
    return found


# --- Funding pots. ---


def _pot_fields(
    partnership: Partnership,
    pot: FundingPot,
    *,
    name: str,
    funder_kind: str,
    funder_name: str,
    amount: Decimal,
    conditions: str,
    return_deadlines: Sequence[datetime.date],
) -> None:
    name = name.strip()
    if not name:
        raise ServiceError("Enter the pot's name.")
    if funder_kind not in FunderKind.values:
        raise ServiceError("Choose who funds the pot from the list.")
    if funder_kind == FunderKind.OTHER and not funder_name.strip():
        raise ServiceError("Enter the funder's name.")
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0:
        raise ServiceError("The pot's amount must be £0.00 or more.")
    if amount != amount.quantize(rules.PENNY) or amount > rules.MAX_AMOUNT:
        raise ServiceError("The pot's amount must be in whole pence and at most £9,999,999,999.99.")
    clash = FundingPot.objects.filter(plan_year=pot.plan_year, name__iexact=name)
    if pot.pk:
        clash = clash.exclude(pk=pot.pk)
    if clash.exists():
        raise ServiceError(
            f"There is already a pot called “{name}” in {pot.plan_year.label}: choose another name."
        )
    pot.name, pot.funder_kind, pot.funder_name = name, funder_kind, funder_name.strip()
    pot.amount, pot.conditions = amount, conditions.strip()
    pot.return_deadlines = sorted({d.isoformat() for d in return_deadlines})


@transaction.atomic
def pot_create(
    *,
    actor: Actor,
    plan_year: PlanYear,
    name: str,
    amount: Decimal,
    funder_kind: str = FunderKind.PCC_GRANT,
    funder_name: str = "",
    conditions: str = "",
    themes: Sequence[Theme] = (),
    return_deadlines: Sequence[datetime.date] = (),
    is_example: bool = False,
) -> FundingPot:
    """Add a funding pot to a plan year (coordinators)."""
    partnership = plan_year.partnership
    access.require_coordinator(actor, partnership)
    _same_partnership(partnership, themes, "themes")
    pot = FundingPot(plan_year=plan_year, is_example=is_example)
    _pot_fields(
        partnership,
        pot,
        name=name,
        funder_kind=funder_kind,
        funder_name=funder_name,
        amount=amount,
        conditions=conditions,
        return_deadlines=return_deadlines,
    )
    save_as(pot, actor)
    pot.themes.set(themes)
    return pot


@transaction.atomic
def pot_edit(
    *,
    actor: Actor,
    pot: FundingPot,
    name: str,
    amount: Decimal,
    funder_kind: str,
    funder_name: str = "",
    conditions: str = "",
    themes: Sequence[Theme] = (),
    return_deadlines: Sequence[datetime.date] = (),
) -> FundingPot:
    """Change a pot; its amount may not fall below what is already allocated from it."""
    partnership = pot.plan_year.partnership
    access.require_coordinator(actor, partnership)
    _same_partnership(partnership, themes, "themes")
    _pot_fields(
        partnership,
        pot,
        name=name,
        funder_kind=funder_kind,
        funder_name=funder_name,
        amount=amount,
        conditions=conditions,
        return_deadlines=return_deadlines,
    )
    allocated = _allocated(pot)
    if amount < allocated:
        raise ServiceError(
            f"The pot's amount cannot be less than the {rules.money(allocated)} already allocated from it."
        )
    save_as(pot, actor)
    pot.themes.set(themes)
    return pot


@transaction.atomic
def pot_publish_amounts(*, actor: Actor, pot: FundingPot, published: bool) -> FundingPot:
    """Whether the pot's amounts may appear in published documents (coordinators decide)."""
    access.require_coordinator(actor, pot.plan_year.partnership)
    pot.amounts_published = published
    save_as(pot, actor, update_fields=["amounts_published"])
    return pot


def _allocated(pot: FundingPot) -> Decimal:
    total = Allocation.objects.filter(pot=pot).aggregate(total=Sum("amount"))["total"]
    return total or rules.ZERO


def _spent(allocation: Allocation) -> Decimal:
    total = Spend.objects.filter(allocation=allocation).aggregate(total=Sum("amount"))["total"]
    return total or rules.ZERO


# --- Projects. ---


def _check_project_fields(
    plan_year: PlanYear,
    *,
    title: str,
    priorities: Sequence[Priority],
    actions: Sequence[Action],
    lead_organisation: Organisation | None,
    delivery_organisations: Sequence[Organisation],
    places: Sequence[Place],
    start_date: datetime.date | None,
    end_date: datetime.date | None,
) -> None:
    partnership = plan_year.partnership
    if not title.strip():
        raise ServiceError("Enter the project's title.")
    if len(title.strip()) > 300:
        raise ServiceError("Shorten the project's title to 300 characters or fewer.")
    _same_partnership(partnership, priorities, "priorities")
    _same_partnership(partnership, actions, "actions")
    _same_partnership(partnership, places, "places")
    _same_partnership(
        partnership,
        list(delivery_organisations) + ([lead_organisation] if lead_organisation else []),
        "organisations",
    )
    if start_date and end_date and end_date < start_date:
        raise ServiceError("The project must end on or after the day it starts.")


@transaction.atomic
def project_create(
    *,
    actor: Actor,
    plan_year: PlanYear,
    title: str,
    summary: str = "",
    priorities: Sequence[Priority] = (),
    actions: Sequence[Action] = (),
    lead_organisation: Organisation | None = None,
    delivery_organisations: Sequence[Organisation] = (),
    places: Sequence[Place] = (),
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    next_monitoring_date: datetime.date | None = None,
    in_plan_review: bool = False,
    review_order: int = 0,
    is_example: bool = False,
) -> Project:
    """Propose a project (coordinators); its first step is recorded as "proposed"."""
    access.require_coordinator(actor, plan_year.partnership)
    _check_project_fields(
        plan_year,
        title=title,
        priorities=priorities,
        actions=actions,
        lead_organisation=lead_organisation,
        delivery_organisations=delivery_organisations,
        places=places,
        start_date=start_date,
        end_date=end_date,
    )
    last = Project.objects.filter(plan_year=plan_year).aggregate(m=Max("order"))["m"] or 0
    project = Project(
        plan_year=plan_year,
        title=title.strip(),
        summary=summary.strip(),
        lead_organisation=lead_organisation,
        start_date=start_date,
        end_date=end_date,
        next_monitoring_date=next_monitoring_date,
        order=last + 1,
        in_plan_review=in_plan_review,
        review_order=review_order,
        is_example=is_example,
    )
    save_as(project, actor)
    project.priorities.set(priorities)
    project.actions.set(actions)
    project.delivery_organisations.set(delivery_organisations)
    project.places.set(places)
    _step(project, actor, "", ProjectStatus.PROPOSED, "")
    return project


@transaction.atomic
def project_edit(
    *,
    actor: Actor,
    project: Project,
    title: str,
    summary: str = "",
    priorities: Sequence[Priority] = (),
    actions: Sequence[Action] = (),
    lead_organisation: Organisation | None = None,
    delivery_organisations: Sequence[Organisation] = (),
    places: Sequence[Place] = (),
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    next_monitoring_date: datetime.date | None = None,
    in_plan_review: bool = False,
    review_order: int = 0,
) -> Project:
    access.require_coordinator(actor, project.plan_year.partnership)
    _check_project_fields(
        project.plan_year,
        title=title,
        priorities=priorities,
        actions=actions,
        lead_organisation=lead_organisation,
        delivery_organisations=delivery_organisations,
        places=places,
        start_date=start_date,
        end_date=end_date,
    )
    project.title, project.summary = title.strip(), summary.strip()
    project.lead_organisation = lead_organisation
    project.start_date, project.end_date = start_date, end_date
    project.next_monitoring_date = next_monitoring_date
    project.in_plan_review, project.review_order = in_plan_review, review_order
    save_as(project, actor)
    project.priorities.set(priorities)
    project.actions.set(actions)
    project.delivery_organisations.set(delivery_organisations)
    project.places.set(places)
    return project


def _step(project: Project, actor: Actor, from_status: str, to_status: str, note: str) -> ProjectStep:
    full_name = getattr(actor, "get_full_name", lambda: "")()
    name = full_name or getattr(actor, "username", "")
    step = ProjectStep(
        project=project,
        from_status=from_status,
        to_status=to_status,
        actor_id=person_id(actor) or None,
        actor_name=name,
        note=note,
    )
    return save_as(step, actor)


@transaction.atomic
def project_transition(*, actor: Actor, project: Project, to: str, note: str = "") -> Project:
    """Move a project along its workflow (coordinators): approve, decline, start, withdraw, close
    (completed) or mark evaluated (only with an approved evaluation)."""
    access.require_coordinator(actor, project.plan_year.partnership)
    locked = Project.objects.select_for_update().get(pk=project.pk)
    evaluation = Evaluation.objects.filter(project=locked).first()
    _checked(
        rules.check_transition,
        locked.status,
        to,
        has_approved_evaluation=evaluation is not None and evaluation.is_approved,
    )
    from_status = locked.status
    project.status = to
    save_as(project, actor, update_fields=["status"])
    _step(project, actor, from_status, to, note.strip())
    return project


# --- Money. ---


@transaction.atomic
def allocation_record(
    *,
    actor: Actor,
    project: Project,
    pot: FundingPot,
    amount: Decimal,
    date: datetime.date,
    decision_ref: str = "",
    override_reason: str = "",
    is_example: bool = False,
) -> Allocation:
    """Allocate money from a pot to a project (coordinators). Refused when it would take the pot
    below zero, unless an override reason is given (the project then shows as overspent)."""
    partnership = project.plan_year.partnership
    access.require_coordinator(actor, partnership)
    if pot.plan_year.partnership_id != partnership.pk:
        raise ServiceError("Choose a pot of this partnership.")
    if project.status not in rules.FUNDABLE:
        raise ServiceError(
            f"Money can be allocated only to an approved, running or completed project; this one is "
            f"{project.get_status_display().lower()}."
        )
    if len(decision_ref) > 100:
        raise ServiceError("Shorten the decision reference to 100 characters or fewer.")
    # Lock the pot so two allocations at once cannot both pass the check.
    locked = FundingPot.objects.select_for_update().get(pk=pot.pk)
    money = rules.PotMoney(locked.amount, _allocated(locked), rules.ZERO)
    used = _checked(rules.check_allocation, money, amount, override_reason)
    allocation = Allocation(
        pot=locked,
        project=project,
        amount=amount,
        date=date,
        decision_ref=decision_ref.strip(),
        override_reason=override_reason.strip() if used else "",
        is_example=is_example,
    )
    return save_as(allocation, actor)


def _evidence_extension(evidence: Any) -> str:
    size = getattr(evidence, "size", None) or 0
    if size > MAX_EVIDENCE_BYTES:
        raise ServiceError("The evidence file must be 10 MB or smaller.")
    evidence.seek(0)
    head = evidence.read(16)
    evidence.seek(0)
    for signature, extension in EVIDENCE_SIGNATURES.items():
        if head.startswith(signature):
            if extension != ".pdf":
                try:
                    with Image.open(evidence) as picture:
                        picture.verify()
                except (OSError, ValueError, SyntaxError) as error:
                    raise ServiceError("The evidence image is damaged and cannot be read.") from error
                finally:
                    evidence.seek(0)
            return extension
    raise ServiceError("The evidence must be a PDF, JPEG or PNG file.")


@transaction.atomic
def spend_record(
    *,
    actor: Actor,
    allocation: Allocation,
    amount: Decimal,
    date: datetime.date,
    description: str,
    evidence: Any = None,
    override_reason: str = "",
    is_example: bool = False,
) -> Spend:
    """Record spend charged to one allocation (the project's delivery organisations' lead officers
    and coordinators). Spend above the allocation is refused unless an override reason is given."""
    project = allocation.project
    access.require_reporter(actor, project)
    if project.status not in rules.FUNDABLE:
        raise ServiceError(
            f"Spend can be recorded only on an approved, running or completed project; this one is "
            f"{project.get_status_display().lower()}."
        )
    description = description.strip()
    if not description:
        raise ServiceError("Describe what the money was spent on.")
    if len(description) > 300:
        raise ServiceError("Shorten the description to 300 characters or fewer.")
    locked = Allocation.objects.select_for_update().get(pk=allocation.pk)
    money = rules.AllocationMoney(locked.amount, _spent(locked))
    used = _checked(rules.check_spend, money, amount, override_reason)
    spend = Spend(
        allocation=locked,
        amount=amount,
        date=date,
        description=description,
        override_reason=override_reason.strip() if used else "",
        recorded_by_id=person_id(actor) or None,
        is_example=is_example,
    )
    if evidence is not None:
        evidence.name = f"evidence{_evidence_extension(evidence)}"
        spend.evidence = evidence
    return save_as(spend, actor)
