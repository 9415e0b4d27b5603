"""Contributions: each other owner's own report on a joint action, never silently overwritten."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db import IntegrityError, transaction

from core.actors import Actor
from core.errors import AccessDenied, ConflictError, ServiceError
from core.history import save_as
from partnership import access as partnership_access
from partnership.models import Organisation
from planning import access, reporting
from planning.models import Action, Contribution, ReportingPeriod, Status
from planning.services.updates import action_update_record, only_open_period


def _contributor(actor: Actor, action: Action, organisation: Organisation | None) -> int:
    """The organisation the contribution is for: the actor's own, or (coordinators) the one named."""
    plan_year = action.plan_year
    owners = access.owners_of(action)
    if access.can_manage_plan(actor, plan_year):
        if organisation is None:
            raise ServiceError("Choose the organisation whose contribution this is.")
        organisation_id = organisation.pk
    else:
        organisation_id = partnership_access.lead_organisation_id(actor, plan_year.partnership) or 0
        if organisation is not None and organisation.pk != organisation_id:
            raise AccessDenied("You can only add your own organisation's contribution.")
    if not reporting.writes_contribution(organisation_id, owners):
        if organisation_id == owners.lead and len(owners.all) == 1:
            raise ServiceError("This action has one owner: write its update, not a contribution.")
        if organisation_id == owners.lead:
            raise ServiceError("The lead organisation writes the action's update, not a contribution.")
        raise AccessDenied("Only the supporting owners of an action add contributions to it.")
    return organisation_id


@transaction.atomic
def action_contribution_record(
    *,
    action: Action,
    actor: Actor,
    narrative: str,
    period: ReportingPeriod | None = None,
    organisation: Organisation | None = None,
    expected_version: int | None = None,
    is_example: bool = False,
) -> Contribution:
    """Create or edit an owner's contribution to a joint action for a period (the open one).

    Lead officers write their own organisation's, for an open period; coordinators may record one
    for any other owner (a report sent by e-mail or phone). expected_version works as for updates.
    """
    plan_year = action.plan_year
    period = period or only_open_period(action)
    if period.plan_year_id != plan_year.pk:
        raise ServiceError("That reporting period belongs to another plan year.")
    if not access.can_manage_plan(actor, plan_year) and not access.is_period_open(plan_year, period):
        raise AccessDenied(f"{period.get_code_display()} is not open for updates.")
    organisation_id = _contributor(actor, action, organisation)
    if not narrative.strip():
        raise ServiceError("Write your organisation's contribution.")
    author_id = actor.pk if isinstance(actor, AbstractUser) else None
    found = Contribution.objects.select_for_update().filter(
        action=action, period=period, organisation_id=organisation_id
    )
    existing = found.first()
    if existing is None:
        if expected_version not in (None, 0):
            raise ConflictError("The contribution you were editing has been deleted.", None)
        contribution = Contribution(
            action=action,
            period=period,
            organisation_id=organisation_id,
            narrative=narrative,
            author_id=author_id,
            is_example=is_example,
        )
        try:
            with transaction.atomic():
                save_as(contribution, actor)
        except IntegrityError:
            raise ConflictError(
                "Someone else saved this contribution while you were writing yours.", found.first()
            ) from None
        return contribution
    if expected_version is None or existing.version != expected_version:
        raise ConflictError(
            "Someone else saved this contribution while you were writing yours."
            if expected_version is not None
            else "A contribution for this period already exists; review it before changing it.",
            existing,
        )
    existing.narrative = narrative
    existing.author_id = author_id
    existing.is_example = is_example
    existing.version += 1
    save_as(existing, actor)
    return existing


@dataclass(frozen=True)
class ReportEntry:
    """One action's row on the "updates for a period" page: its update or the actor's contribution."""

    action: Action
    kind: str  # "update" or "contribution"
    narrative: str
    status: Status | None
    expected_version: int


class ReportConflicts(ConflictError):
    """Someone else saved first on some rows: nothing of the page was saved."""

    def __init__(self, conflicts: dict[int, ConflictError]) -> None:
        self.conflicts = conflicts  # action id -> the conflict, with the saved record
        super().__init__(
            f"Someone else saved {len(conflicts)} of these actions' reports while you were writing: "
            "nothing has been saved yet."
        )


@transaction.atomic
def period_reports_record(*, period: ReportingPeriod, actor: Actor, entries: Sequence[ReportEntry]) -> int:
    """Save a lead officer's updates and contributions for one period together: all or nothing.

    Each row keeps its own conflict protection; when any row was saved by someone else meanwhile,
    ReportConflicts names every such row and nothing is saved. Returns how many rows were saved."""
    conflicts: dict[int, ConflictError] = {}
    for entry in entries:
        try:
            if entry.kind == "contribution":
                action_contribution_record(
                    action=entry.action,
                    actor=actor,
                    narrative=entry.narrative,
                    period=period,
                    expected_version=entry.expected_version,
                )
            else:
                action_update_record(
                    action=entry.action,
                    actor=actor,
                    narrative=entry.narrative,
                    status=entry.status,
                    period=period,
                    expected_version=entry.expected_version,
                )
        except ConflictError as conflict:
            conflicts[entry.action.pk] = conflict
    if conflicts:
        raise ReportConflicts(conflicts)
    return len(entries)
