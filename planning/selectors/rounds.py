"""Reads for update rounds: who owes which report in a round, who gets its messages, and the
completion tracker (per organisation and per person: due, received, late)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from core.access import Purpose
from core.actors import Actor
from partnership.models import Membership, Partnership, Role
from planning import reporting, rounds
from planning.access import update_rounds_visible_to
from planning.models import (
    Action,
    ActionOwner,
    Contribution,
    OwnerRole,
    PlanYear,
    PlanYearState,
    ReportingPeriod,
    Update,
    UpdateRound,
)


@dataclass(frozen=True)
class Owed:
    """One report an owner organisation owes in a round: the action's update (its lead) or its
    own contribution (any other owner), and when and by whom it was received."""

    action_id: int
    organisation_id: int
    received_on: datetime.date | None
    author_id: int | None


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def owed_reports(period: ReportingPeriod) -> list[Owed]:
    """Every report owed for the period by every owner organisation of the year's actions."""
    in_year = {"action__plan_year_id": period.plan_year_id}
    owner_rows: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for action_id, organisation_id, role in (
        ActionOwner.objects.filter(**in_year)
        .order_by("action_id", "order", "pk")
        .values_list("action_id", "organisation_id", "role")
    ):
        owner_rows[action_id].append((organisation_id, role == OwnerRole.LEAD))
    updates = {
        action_id: (_local_day(created), author_id)
        for action_id, created, author_id in Update.objects.filter(**in_year, period=period).values_list(
            "action_id", "created", "author_id"
        )
    }
    contributions = {
        (action_id, organisation_id): (_local_day(created), author_id)
        for action_id, organisation_id, created, author_id in Contribution.objects.filter(
            **in_year, period=period
        ).values_list("action_id", "organisation_id", "created", "author_id")
    }
    owed = []
    for action_id in Action.objects.filter(plan_year_id=period.plan_year_id).values_list("pk", flat=True):
        owners = reporting.Owners.of(owner_rows.get(action_id, []))
        for organisation_id in owners.all:
            if reporting.writes_update(organisation_id, owners):
                got = updates.get(action_id)
            else:
                got = contributions.get((action_id, organisation_id))
            owed.append(Owed(action_id, organisation_id, got[0] if got else None, got[1] if got else None))
    return owed


def missing_organisations(period: ReportingPeriod) -> set[int]:
    """The organisations with at least one report still missing for the period."""
    return {o.organisation_id for o in owed_reports(period) if o.received_on is None}


def owner_organisations(period: ReportingPeriod) -> set[int]:
    """The organisations that lead or support an action of the period's year."""
    return set(
        ActionOwner.objects.filter(action__plan_year_id=period.plan_year_id).values_list(
            "organisation_id", flat=True
        )
    )


def lead_officers(partnership: Partnership, organisation_ids: set[int]) -> list[Membership]:
    """Active lead officers (active accounts) of these organisations, by organisation and name."""
    return list(
        Membership.objects.filter(
            partnership=partnership,
            role=Role.LEAD_OFFICER,
            is_active=True,
            user__is_active=True,
            organisation_id__in=organisation_ids,
        )
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "pk")
    )


def coordinators(partnership: Partnership) -> list[Membership]:
    return list(
        Membership.objects.filter(
            partnership=partnership, role=Role.COORDINATOR, is_active=True, user__is_active=True
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def open_rounds() -> QuerySet[UpdateRound]:
    """Rounds whose period is open for updates in a year that is not closed (every partnership:
    `send_reminders` reads them as the system actor's work)."""
    return (
        UpdateRound.objects.filter(period__is_open=True)
        .exclude(period__plan_year__state=PlanYearState.CLOSED)
        .select_related("period__plan_year__partnership")
        .order_by("period__plan_year__partnership__name", "period__start_date", "pk")
    )


def round_of(period: ReportingPeriod) -> UpdateRound | None:
    return UpdateRound.objects.filter(period=period).first()


def round_due_dates(periods: list[ReportingPeriod]) -> dict[int, datetime.date]:
    """The due dates of these periods' rounds, by period id (a round opened late has its own)."""
    return dict(
        UpdateRound.objects.filter(period__in=[p.pk for p in periods]).values_list("period_id", "due_date")
    )


def rounds_of_year(actor: Actor, plan_year: PlanYear) -> list[UpdateRound]:
    """The year's rounds, in period order (the plan year settings page links their trackers)."""
    return list(
        update_rounds_visible_to(actor, for_=Purpose.MANAGE)
        .filter(period__plan_year=plan_year)
        .select_related("period")
        .order_by("period__order")
    )


@dataclass(frozen=True)
class TrackerRow:
    name: str
    organisation: str
    due: int
    received: int
    late: int

    @property
    def missing(self) -> int:
        return self.due - self.received


@dataclass(frozen=True)
class Tracker:
    organisations: list[TrackerRow]
    people: list[TrackerRow]
    due: int
    received: int
    late: int


def round_tracker(update_round: UpdateRound, today: datetime.date) -> Tracker:
    """Per organisation and per lead officer: reports due, received and late (received after the
    due date, or still missing after it). A person's received and late count what they wrote."""
    period = update_round.period
    partnership = period.plan_year.partnership
    owed = owed_reports(period)
    due_date = update_round.due_date
    by_org: dict[int, list[Owed]] = defaultdict(list)
    for item in owed:
        by_org[item.organisation_id].append(item)
    names = dict(partnership.organisations.filter(pk__in=by_org).values_list("pk", "name"))

    def late(items: list[Owed]) -> int:
        return sum(1 for o in items if rounds.is_late(o.received_on, due_date, today))

    organisations = sorted(
        (
            TrackerRow(
                names.get(org_id, ""),
                names.get(org_id, ""),
                len(items),
                sum(1 for o in items if o.received_on is not None),
                late(items),
            )
            for org_id, items in by_org.items()
        ),
        key=lambda row: row.name.lower(),
    )
    people = []
    for membership in lead_officers(partnership, set(by_org)):
        items = by_org[membership.organisation_id or 0]
        written = [o for o in items if o.author_id == membership.user_id]
        people.append(
            TrackerRow(
                membership.user.get_full_name() or membership.user.get_username(),
                membership.organisation.name if membership.organisation else "",
                len(items),
                len(written),
                sum(1 for o in written if rounds.is_late(o.received_on, due_date, today)),
            )
        )
    return Tracker(
        organisations,
        people,
        due=len(owed),
        received=sum(1 for o in owed if o.received_on is not None),
        late=late(owed),
    )


def digest_summary(update_round: UpdateRound, today: datetime.date) -> str:
    """Received and missing reports by organisation, one line each (the digest's {summary})."""
    tracker = round_tracker(update_round, today)
    return "\n".join(
        f"{row.name}: {row.received} received, {row.missing} missing" for row in tracker.organisations
    )
