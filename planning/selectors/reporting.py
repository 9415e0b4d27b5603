"""Who owes which report: missing updates per organisation and open period, and a lead officer's
own actions ("My actions") with what is due for each open period."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from core.access import Purpose, audit_search
from core.actors import Actor
from partnership import access as partnership_access
from partnership.models import Organisation
from planning import reporting
from planning.access import (
    access_action_by_id,
    access_contribution_by_id,
    actions_visible_to,
    can_contribute,
    can_write_update,
    contributions_visible_to,
    open_periods,
    owners_of,
)
from planning.models import (
    Action,
    ActionOwner,
    Contribution,
    OwnerRole,
    PlanYear,
    Priority,
    ReportingPeriod,
    Update,
)
from planning.selectors.rounds import round_due_dates

Key = tuple[int, int]  # (action id, period id)


@dataclass(frozen=True)
class Named:
    """A record as a list shows it: its id and its name or text (no model instance to build)."""

    pk: int
    name: str

    @property
    def text(self) -> str:
        return self.name


@dataclass
class PeriodMissing:
    """An open period and, per owner organisation (by name), the actions it has not reported on."""

    period: ReportingPeriod
    groups: list[tuple[Named, list[Named]]]
    due_date: datetime.date | None = None  # the round's, when it was opened with its own


@dataclass
class Reports:
    """The updates and contributions of some actions for some periods, read once."""

    updates: dict[Key, Update] = field(default_factory=dict)
    contributions: dict[Key, dict[int, Contribution]] = field(default_factory=dict)


def _owned_actions(actions: QuerySet[Action]) -> QuerySet[Action]:
    owners = ActionOwner.objects.select_related("organisation").order_by("order", "pk")
    return actions.prefetch_related(Prefetch("owners", queryset=owners)).order_by(
        "priority__order", "priority__pk", "order", "pk"
    )


def _reports(action_ids: list[int], periods: list[ReportingPeriod]) -> Reports:
    found = Reports()
    period_ids = [p.pk for p in periods]
    if not action_ids or not period_ids:
        return found
    for update in Update.objects.filter(action_id__in=action_ids, period_id__in=period_ids).select_related(
        "status"
    ):
        found.updates[(update.action_id, update.period_id)] = update
    for contribution in Contribution.objects.filter(
        action_id__in=action_ids, period_id__in=period_ids
    ).select_related("organisation"):
        key = (contribution.action_id, contribution.period_id)
        found.contributions.setdefault(key, {})[contribution.organisation_id] = contribution
    return found


def missing_updates(plan_year: PlanYear) -> list[PeriodMissing]:
    """For each open period, the actions each owner organisation still has to report on.

    The lead organisation of a joint action owes the update and every other owner its own
    contribution, so one partner's report never clears another's (see `planning.reporting`)."""
    periods = open_periods(plan_year)
    if not periods:
        return []
    # Plain tuples, not model instances: a 300-action year at the start of a quarter lists them all.
    in_year = {"action__plan_year": plan_year}
    actions = [
        Named(pk, text)
        for pk, text in Action.objects.filter(plan_year=plan_year)
        .order_by("priority__order", "priority__pk", "order", "pk")
        .values_list("pk", "text")
    ]
    owner_rows: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    names: dict[int, Named] = {}
    for action_id, organisation_id, role, name in (
        ActionOwner.objects.filter(**in_year)
        .order_by("action_id", "order", "pk")
        .values_list("action_id", "organisation_id", "role", "organisation__name")
    ):
        owner_rows[action_id].append((organisation_id, role == OwnerRole.LEAD))
        names[organisation_id] = Named(organisation_id, name)
    period_ids = [p.pk for p in periods]
    round_due = round_due_dates(periods)
    reported = set(
        Update.objects.filter(**in_year, period_id__in=period_ids).values_list("action_id", "period_id")
    )
    contributed: dict[Key, set[int]] = defaultdict(set)
    for action_id, period_id, organisation_id in Contribution.objects.filter(
        **in_year, period_id__in=period_ids
    ).values_list("action_id", "period_id", "organisation_id"):
        contributed[(action_id, period_id)].add(organisation_id)
    result = []
    for period in periods:
        groups: dict[int, tuple[Named, list[Named]]] = {}
        for action in actions:
            key = (action.pk, period.pk)
            for organisation_id in reporting.owners_missing(
                reporting.Owners.of(owner_rows.get(action.pk, [])),
                has_update=key in reported,
                contributed=contributed.get(key, set()),
            ):
                groups.setdefault(organisation_id, (names[organisation_id], []))[1].append(action)
        result.append(
            PeriodMissing(
                period,
                sorted(groups.values(), key=lambda g: g[0].name.lower()),
                round_due.get(period.pk, period.due_date),
            )
        )
    return result


@dataclass
class Due:
    """What one organisation owes for one action and open period, and what it has written."""

    period: ReportingPeriod
    kind: str  # "update" or "contribution"
    update: Update | None
    contribution: Contribution | None
    contributions: list[Contribution]

    @property
    def done(self) -> bool:
        return (self.update if self.kind == "update" else self.contribution) is not None


@dataclass
class MyAction:
    action: Action
    kind: str  # "update" (this organisation writes the update) or "contribution"
    due: list[Due]


def my_organisation(actor: Actor, plan_year: PlanYear) -> Organisation | None:
    """The organisation the actor reports for in this partnership (lead officers only)."""
    organisation_id = partnership_access.lead_organisation_id(actor, plan_year.partnership)
    if organisation_id is None:
        return None
    return partnership_access.access_organisation_by_id(
        actor, organisation_id, partnership=plan_year.partnership
    )


def my_actions(
    actor: Actor, plan_year: PlanYear, organisation: Organisation | None
) -> list[tuple[Priority, list[MyAction]]]:
    """The actions the organisation leads or owns, by priority, with what is due per open period."""
    if organisation is None:
        return []
    audit_search(
        actor,
        Action,
        partnership=plan_year.partnership,
        filters={"page": "my actions", "plan_year": plan_year.slug, "organisation_id": organisation.pk},
    )
    owned = ActionOwner.objects.filter(organisation=organisation).values("action_id")
    visible = actions_visible_to(actor).filter(plan_year=plan_year, pk__in=owned).select_related("priority")
    actions = list(_owned_actions(visible))
    periods = open_periods(plan_year)
    reports = _reports([a.pk for a in actions], periods)
    grouped: dict[int, tuple[Priority, list[MyAction]]] = {}
    for action in actions:
        owners = owners_of(action)
        kind = "contribution" if reporting.writes_contribution(organisation.pk, owners) else "update"
        due = []
        for period in periods:
            key = (action.pk, period.pk)
            mine = reports.contributions.get(key, {})
            due.append(
                Due(
                    period=period,
                    kind=kind,
                    update=reports.updates.get(key),
                    contribution=mine.get(organisation.pk),
                    contributions=sorted(mine.values(), key=lambda c: c.organisation.name.lower()),
                )
            )
        grouped.setdefault(action.priority_id, (action.priority, []))[1].append(MyAction(action, kind, due))
    return list(grouped.values())


def reportable(actor: Actor, action: Action) -> str:
    """What the actor may write for the action now: "update", "contribution" or ""."""
    if can_write_update(actor, action):
        return "update"
    if can_contribute(actor, action):
        return "contribution"
    return ""


def period_contributions(actor: Actor, action: Action, period: ReportingPeriod) -> list[Contribution]:
    """The contributions to the action for a period, by organisation name (reads audited as a
    search of the action's contributions)."""
    audit_search(
        actor,
        Contribution,
        partnership=action.plan_year.partnership,
        filters={"action_id": action.pk, "period": period.code},
    )
    return list(
        contributions_visible_to(actor)
        .filter(action=action, period=period)
        .select_related("organisation", "author")
        .order_by("organisation__name")
    )


def action_reports(
    actor: Actor, action: Action, updates: list[Update]
) -> list[tuple[ReportingPeriod, Update | None, list[Contribution]]]:
    """Per period that has any, the action's update and the owners' contributions, in period order."""
    contributions = action_contributions(actor, action)
    periods = {u.period_id: u.period for u in updates}
    for period_id, found in contributions.items():
        periods.setdefault(period_id, found[0].period)
    by_period = {u.period_id: u for u in updates}
    return [
        (period, by_period.get(period.pk), contributions.get(period.pk, []))
        for period in sorted(periods.values(), key=lambda p: p.order)
    ]


def action_contributions(actor: Actor, action: Action) -> dict[int, list[Contribution]]:
    """Every contribution to the action, by period id (for the action page)."""
    audit_search(
        actor, Contribution, partnership=action.plan_year.partnership, filters={"action_id": action.pk}
    )
    by_period: dict[int, list[Contribution]] = defaultdict(list)
    for contribution in (
        contributions_visible_to(actor, for_=Purpose.VIEW)
        .filter(action=action)
        .select_related("organisation", "author", "period")
        .order_by("period__order", "organisation__name")
    ):
        by_period[contribution.period_id].append(contribution)
    return dict(by_period)


def contribution_form_target(
    actor: Actor, plan_year: PlanYear, action_id: object, period: ReportingPeriod
) -> tuple[Action, Contribution | None]:
    """The joint action the actor adds a contribution to and their organisation's existing one.

    Reads go through the doors (the contribution's read, or the action's when there is none)."""
    action = access_action_by_id(actor, action_id, for_=Purpose.REPORT, plan_year=plan_year)
    organisation_id = partnership_access.lead_organisation_id(actor, plan_year.partnership) or 0
    found = (
        contributions_visible_to(actor, for_=Purpose.REPORT)
        .filter(action=action, period=period, organisation_id=organisation_id)
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        return action, None
    return action, access_contribution_by_id(actor, found, for_=Purpose.REPORT, action=action)
