"""Who may see, report on and change plans: one visibility queryset and one door per record.

Members of a partnership read its plans (VIEW); coordinators change them (MANAGE); lead officers
whose organisation owns an action, and coordinators, write its progress updates (REPORT) while the
year has an open period and is not closed. Reads of actions and updates are audited.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from core.access import NotFound, Purpose, open_door, restricted
from core.actors import Actor, is_signed_in
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to
from partnership.models import Membership, Partnership, Role
from planning import reporting
from planning.models import (
    Action,
    ActionOwner,
    Approach,
    Contribution,
    Measure,
    MeasureValue,
    Outcome,
    OwnerRole,
    Place,
    PlanYear,
    PlanYearState,
    Priority,
    ReportingPeriod,
    Status,
    Strategy,
    SubTheme,
    Theme,
    Update,
    UpdateRound,
)

M = TypeVar("M", bound=Model)


# --- The rules for one loaded record (pages show or hide buttons with these). ---


def can_manage_plan(actor: Actor, plan_year: PlanYear) -> bool:
    """Coordinators create, edit, reorder and delete priorities and actions."""
    return partnership_access.is_coordinator(actor, plan_year.partnership)


def owns_action(actor: Actor, action: Action) -> bool:
    """Whether the actor is a lead officer of one of the action's owner organisations."""
    organisation_id = partnership_access.lead_organisation_id(actor, action.plan_year.partnership)
    if organisation_id is None:
        return False
    return any(owner.organisation_id == organisation_id for owner in action.owners.all())


def open_periods(plan_year: PlanYear) -> list[ReportingPeriod]:
    """The year's reporting periods open for updates, in order (several may be open at once).

    Uses the year's prefetched periods when the door loaded them."""
    return sorted((p for p in plan_year.periods.all() if p.is_open), key=lambda p: p.order)


def is_open_for_updates(plan_year: PlanYear) -> bool:
    return plan_year.state != PlanYearState.CLOSED and bool(open_periods(plan_year))


def is_period_open(plan_year: PlanYear, period: ReportingPeriod) -> bool:
    """Whether lead officers may write updates for this period now."""
    return (
        plan_year.state != PlanYearState.CLOSED
        and period.plan_year_id == plan_year.pk
        and any(p.pk == period.pk for p in open_periods(plan_year))
    )


def can_report_on(actor: Actor, action: Action) -> bool:
    """Lead officers update their organisation's actions; coordinators any action.

    Only while the year has an open period and is not closed (the year-end review included).
    """
    if not is_open_for_updates(action.plan_year):
        return False
    return can_manage_plan(actor, action.plan_year) or owns_action(actor, action)


def owners_of(action: Action) -> reporting.Owners:
    """The action's owner organisations in order and its lead, if any (prefetched owners used)."""
    owners = sorted(action.owners.all(), key=lambda owner: (owner.order, owner.pk))
    return reporting.Owners.of([(owner.organisation_id, owner.is_lead) for owner in owners])


def can_write_update(actor: Actor, action: Action) -> bool:
    """The action's update: coordinators, and lead officers of its lead organisation; the other
    owners add a contribution instead."""
    if not is_open_for_updates(action.plan_year):
        return False
    if can_manage_plan(actor, action.plan_year):
        return True
    organisation_id = partnership_access.lead_organisation_id(actor, action.plan_year.partnership)
    return reporting.writes_update(organisation_id, owners_of(action))


def can_contribute(actor: Actor, action: Action) -> bool:
    """Lead officers of an action's supporting owners add their organisation's contribution."""
    if not is_open_for_updates(action.plan_year):
        return False
    organisation_id = partnership_access.lead_organisation_id(actor, action.plan_year.partnership)
    return reporting.writes_contribution(organisation_id, owners_of(action))


def can_record_measure_values(actor: Actor, measure: Measure) -> bool:
    """A measure's periodic values: coordinators, and lead officers of an organisation that leads
    an action linked to the measure."""
    if partnership_access.is_coordinator(actor, measure.partnership):
        return True
    organisation_id = partnership_access.lead_organisation_id(actor, measure.partnership)
    if organisation_id is None:
        return False
    return ActionOwner.objects.filter(
        action__measures=measure, organisation_id=organisation_id, role=OwnerRole.LEAD
    ).exists()


# --- Visibility querysets: the one answer per model to "which of these, for what?". ---


def _in_partnerships(model: type[M], path: str, actor: Actor, for_: Purpose) -> QuerySet[M]:
    partnerships = partnerships_visible_to(actor, for_=for_)
    return model._default_manager.filter(**{f"{path}__in": partnerships})


@restricted(PlanYear, partnership="partnership")
def plan_years_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[PlanYear]:
    return _in_partnerships(PlanYear, "partnership", actor, for_)


@restricted(ReportingPeriod, partnership="plan_year__partnership")
def reporting_periods_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ReportingPeriod]:
    return _in_partnerships(ReportingPeriod, "plan_year__partnership", actor, for_)


@restricted(Status, partnership="partnership")
def statuses_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Status]:
    return _in_partnerships(Status, "partnership", actor, for_)


@restricted(Priority, partnership="plan_year__partnership")
def priorities_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Priority]:
    return _in_partnerships(Priority, "plan_year__partnership", actor, for_)


@restricted(SubTheme, partnership="priority__plan_year__partnership")
def sub_themes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[SubTheme]:
    return _in_partnerships(SubTheme, "priority__plan_year__partnership", actor, for_)


def _lead_organisations(actor: Actor) -> QuerySet[Membership, Any]:
    """The organisations the signed-in actor is an active lead officer for (ids, as a subquery)."""
    if not is_signed_in(actor):
        return Membership.objects.none().values("organisation_id")
    return Membership.objects.filter(
        user_id=actor.pk or 0, is_active=True, role=Role.LEAD_OFFICER, organisation__isnull=False
    ).values("organisation_id")


@restricted(Approach, partnership="priority__plan_year__partnership")
def approaches_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Approach]:
    return _in_partnerships(Approach, "priority__plan_year__partnership", actor, for_)


@restricted(Outcome, partnership="priority__plan_year__partnership")
def outcomes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Outcome]:
    return _in_partnerships(Outcome, "priority__plan_year__partnership", actor, for_)


@restricted(Theme, partnership="partnership")
def themes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Theme]:
    return _in_partnerships(Theme, "partnership", actor, for_)


@restricted(Place, partnership="partnership")
def places_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Place]:
    return _in_partnerships(Place, "partnership", actor, for_)


@restricted(Action, partnership="plan_year__partnership", audit_reads=True)
def actions_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Action]:
    """Actions to read (members), report on (owners' lead officers and coordinators, while the year
    is open for updates) or manage (coordinators)."""
    if for_ != Purpose.REPORT:
        return _in_partnerships(Action, "plan_year__partnership", actor, for_)
    coordinated = Q(plan_year__partnership__in=partnerships_visible_to(actor, for_=Purpose.MANAGE))
    owned = Q(
        plan_year__partnership__in=partnerships_visible_to(actor, for_=Purpose.REPORT),
        pk__in=ActionOwner.objects.filter(organisation_id__in=_lead_organisations(actor)).values("action_id"),
    )
    return (
        Action.objects.filter(coordinated | owned)
        .filter(plan_year__in=PlanYear._default_manager.filter(periods__is_open=True))
        .exclude(plan_year__state=PlanYearState.CLOSED)
    )


@restricted(ActionOwner, partnership="action__plan_year__partnership")
def action_owners_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ActionOwner]:
    return _in_partnerships(ActionOwner, "action__plan_year__partnership", actor, for_)


@restricted(Update, partnership="action__plan_year__partnership", audit_reads=True)
def updates_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Update]:
    """Updates to read (members), change (of the actions the actor may report on) or manage."""
    if for_ == Purpose.REPORT:
        return Update.objects.filter(action__in=actions_visible_to(actor, for_=Purpose.REPORT))
    return _in_partnerships(Update, "action__plan_year__partnership", actor, for_)


@restricted(Contribution, partnership="action__plan_year__partnership", audit_reads=True)
def contributions_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Contribution]:
    """Owners' contributions to joint actions: read like updates, changed by those who report."""
    if for_ == Purpose.REPORT:
        return Contribution.objects.filter(action__in=actions_visible_to(actor, for_=Purpose.REPORT))
    return _in_partnerships(Contribution, "action__plan_year__partnership", actor, for_)


@restricted(Measure, partnership="partnership")
def measures_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Measure]:
    return _in_partnerships(Measure, "partnership", actor, for_)


@restricted(MeasureValue, partnership="measure__partnership")
def measure_values_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MeasureValue]:
    return _in_partnerships(MeasureValue, "measure__partnership", actor, for_)


# --- Doors: one record by id, NotFound alike for missing and forbidden. ---


def _within(name: str, parent: Model | None) -> dict[str, Model] | None:
    return {name: parent} if parent is not None else None


def _related(*names: str) -> Callable[[QuerySet[M]], QuerySet[M]]:
    return lambda qs: qs.select_related(*names)


def access_plan_year_by_id(
    actor: Actor,
    plan_year_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> PlanYear:
    return open_door(
        PlanYear,
        actor,
        plan_year_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership", "strategy").prefetch_related("periods"),
    )


def access_plan_year(
    actor: Actor, partnership_slug: str, year_slug: str | None = None, *, for_: Purpose = Purpose.VIEW
) -> PlanYear:
    """A partnership's plan year by slugs; its current (else latest) year when no slug is given.

    The partnership must be visible to the actor; the year must allow `for_`. NotFound otherwise.
    """
    partnership = partnership_access.access_partnership_by_slug(actor, partnership_slug)
    if year_slug is not None:  # one query: the year by its slug within the partnership
        plan_year = open_door(
            PlanYear,
            actor,
            year_slug,
            by="slug",
            for_=for_,
            within={"partnership": partnership},
            queryset=lambda qs: qs.select_related("partnership", "strategy").prefetch_related("periods"),
        )
        plan_year.partnership = partnership
        return plan_year
    year_id = (
        partnership.current_plan_year_id
        or PlanYear._default_manager.filter(partnership=partnership)
        .order_by("-start_date")
        .values_list("pk", flat=True)
        .first()
    )
    if year_id is None:
        raise NotFound("No such plan year.")
    plan_year = access_plan_year_by_id(actor, year_id, for_=for_, partnership=partnership)
    plan_year.partnership = partnership
    return plan_year


def access_reporting_period_by_id(
    actor: Actor, period_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> ReportingPeriod:
    return open_door(
        ReportingPeriod,
        actor,
        period_id,
        for_=for_,
        within=_within("plan_year", plan_year),
        queryset=_related("plan_year__partnership"),
    )


def access_status_by_id(
    actor: Actor, status_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Status:
    return open_door(
        Status,
        actor,
        status_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership"),
    )


def access_priority_by_id(
    actor: Actor, priority_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> Priority:
    return open_door(
        Priority,
        actor,
        priority_id,
        for_=for_,
        within=_within("plan_year", plan_year),
        queryset=lambda qs: qs.select_related("plan_year__partnership").prefetch_related("sub_themes"),
    )


def access_sub_theme_by_id(
    actor: Actor, sub_theme_id: object, *, for_: Purpose = Purpose.VIEW, priority: Priority | None = None
) -> SubTheme:
    return open_door(
        SubTheme,
        actor,
        sub_theme_id,
        for_=for_,
        within=_within("priority", priority),
        queryset=_related("priority__plan_year__partnership"),
    )


def access_approach_by_id(
    actor: Actor, approach_id: object, *, for_: Purpose = Purpose.VIEW, priority: Priority | None = None
) -> Approach:
    return open_door(
        Approach,
        actor,
        approach_id,
        for_=for_,
        within=_within("priority", priority),
        queryset=_related("priority__plan_year__partnership"),
    )


def access_outcome_by_id(
    actor: Actor, outcome_id: object, *, for_: Purpose = Purpose.VIEW, priority: Priority | None = None
) -> Outcome:
    return open_door(
        Outcome,
        actor,
        outcome_id,
        for_=for_,
        within=_within("priority", priority),
        queryset=_related("priority__plan_year__partnership", "approach"),
    )


def access_theme_by_id(
    actor: Actor, theme_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Theme:
    return open_door(
        Theme,
        actor,
        theme_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership"),
    )


def access_place_by_id(
    actor: Actor, place_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Place:
    return open_door(
        Place,
        actor,
        place_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership"),
    )


def access_action_by_id(
    actor: Actor,
    action_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    plan_year: PlanYear | None = None,
    audit: bool = True,
) -> Action:
    """One action (its read audited). `audit=False` when the page audits a child record instead,
    e.g. the update form records the read of the update it shows."""
    return open_door(
        Action,
        actor,
        action_id,
        for_=for_,
        within=_within("plan_year", plan_year),
        queryset=lambda qs: qs.select_related("plan_year__partnership", "priority").prefetch_related(
            "plan_year__periods"
        ),
        audit=None if audit else False,
    )


def access_action_owner_by_id(
    actor: Actor, owner_id: object, *, for_: Purpose = Purpose.VIEW, action: Action | None = None
) -> ActionOwner:
    return open_door(
        ActionOwner,
        actor,
        owner_id,
        for_=for_,
        within=_within("action", action),
        queryset=_related("organisation", "action__plan_year__partnership"),
    )


def access_update_by_id(
    actor: Actor, update_id: object, *, for_: Purpose = Purpose.VIEW, action: Action | None = None
) -> Update:
    return open_door(
        Update,
        actor,
        update_id,
        for_=for_,
        within=_within("action", action),
        queryset=lambda qs: qs.select_related(
            "period", "status", "author", "action__plan_year__partnership"
        ).prefetch_related("measures"),
    )


def access_contribution_by_id(
    actor: Actor, contribution_id: object, *, for_: Purpose = Purpose.VIEW, action: Action | None = None
) -> Contribution:
    return open_door(
        Contribution,
        actor,
        contribution_id,
        for_=for_,
        within=_within("action", action),
        queryset=_related("period", "organisation", "author", "action__plan_year__partnership"),
    )


def access_measure_by_id(
    actor: Actor, measure_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Measure:
    return open_door(
        Measure,
        actor,
        measure_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership", "plan_year", "source_organisation"),
    )


# --- Strategies over several plan years (read by members, changed by coordinators). ---


@restricted(Strategy, partnership="partnership")
def strategies_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Strategy]:
    return _in_partnerships(Strategy, "partnership", actor, for_)


def access_strategy_by_id(
    actor: Actor, strategy_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Strategy:
    return open_door(
        Strategy,
        actor,
        strategy_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=_related("partnership"),
    )


def access_strategy(
    actor: Actor, partnership_slug: str, span: str, *, for_: Purpose = Purpose.VIEW
) -> Strategy:
    """A partnership's strategy by its span ("2021-2023"); NotFound unless the actor may use it for `for_`."""
    partnership = partnership_access.access_partnership_by_slug(actor, partnership_slug)
    years = Strategy.span_of_slug(span)
    found = (
        Strategy._default_manager.filter(partnership=partnership, start_year=years[0], end_year=years[1])
        .values_list("pk", flat=True)
        .first()
        if years
        else None
    )
    if found is None:
        raise NotFound("No such strategy.")
    strategy = access_strategy_by_id(actor, found, for_=for_, partnership=partnership)
    strategy.partnership = partnership
    return strategy


def access_measure_value_by_id(
    actor: Actor, value_id: object, *, for_: Purpose = Purpose.VIEW, measure: Measure | None = None
) -> MeasureValue:
    return open_door(
        MeasureValue,
        actor,
        value_id,
        for_=for_,
        within=_within("measure", measure),
        queryset=_related("measure__partnership"),
    )


@restricted(UpdateRound, partnership="period__plan_year__partnership")
def update_rounds_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[UpdateRound]:
    """Members see a round's due date; lead officers and coordinators report in it; coordinators
    open it and follow its completion tracker."""
    return _in_partnerships(UpdateRound, "period__plan_year__partnership", actor, for_)


def access_update_round_by_id(
    actor: Actor, round_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> UpdateRound:
    return open_door(
        UpdateRound,
        actor,
        round_id,
        for_=for_,
        within=_within("period__plan_year", plan_year),
        queryset=_related("period__plan_year__partnership"),
    )
